// The five stages a project passes through on the platform, in their legal order:
// a contract is filed, the drawings pass review, quality-and-safety supervision is
// registered, the construction permit is issued, and on completion the acceptance is filed.
// Each stage presupposes the one before, and cannot be dated before it.

import { z } from 'zod'
import { toIsoDate } from '../dates/calendar-date'

export const STAGE_ORDER = [
  'CONTRACT_FILING',
  'DRAWING_REVIEW',
  'SUPERVISION_FILING',
  'CONSTRUCTION_PERMIT',
  'COMPLETION_FILING',
] as const

export const stageSchema = z.enum(STAGE_ORDER, { error: '办理阶段无效' })
export type Stage = z.infer<typeof stageSchema>

export const STAGE_LABELS: Record<Stage, string> = {
  CONTRACT_FILING: '合同备案',
  DRAWING_REVIEW: '施工图审查',
  SUPERVISION_FILING: '质量安全报监',
  CONSTRUCTION_PERMIT: '施工许可',
  COMPLETION_FILING: '竣工验收备案',
}

export interface StageInfo {
  stage: Stage
  label: string
  /** 1-based position, as shown on the project timeline */
  number: number
}

export const STAGES: readonly Readonly<StageInfo>[] = Object.freeze(
  STAGE_ORDER.map((stage, i) => Object.freeze({ stage, label: STAGE_LABELS[stage], number: i + 1 })),
)

/** 0-based position of a stage in STAGE_ORDER. */
export function stageIndex(stage: Stage): number {
  return STAGE_ORDER.indexOf(stage)
}

/** The stage immediately before, or null for the first. */
export function previousStage(stage: Stage): Stage | null {
  const i = stageIndex(stage)
  return i > 0 ? STAGE_ORDER[i - 1] : null
}

export interface StageEvent {
  stage: Stage
  /** 'YYYY-MM-DD' or a Date (read as a China calendar date) */
  date: string | Date
}

export type StageViolation =
  | {
      kind: 'MISSING_PREDECESSOR'
      /** index of the offending event in the input */
      index: number
      stage: Stage
      missing: Stage
    }
  | {
      kind: 'DATE_BEFORE_PREDECESSOR'
      index: number
      stage: Stage
      date: string
      predecessor: Stage
      predecessorDate: string
    }
  | {
      kind: 'INVALID_DATE'
      index: number
      stage: Stage
    }

/**
 * Checks that a project's stage records form a proper sequence. Returns one violation per
 * problem found, in input order (empty when all is well):
 * - MISSING_PREDECESSOR: a stage is present but the stage immediately before it is not;
 * - DATE_BEFORE_PREDECESSOR: a stage is dated earlier than the nearest earlier stage that is
 *   present (the same day is fine: several stages are often handled on one day);
 * - INVALID_DATE: the date is not a real calendar date (the event is then not compared).
 *
 * A stage may occur more than once (a project can hold several permits, one per section;
 * a filing can be redone). Each occurrence is compared with the EARLIEST occurrence of the
 * predecessor, since one predecessor record is enough to allow it; and a missing
 * predecessor is reported once per stage, at its first occurrence.
 */
export function checkStageSequence(stages: readonly StageEvent[]): StageViolation[] {
  const dates = stages.map((e) => toIsoDate(e.date))
  const earliest = new Map<Stage, string>()
  const present = new Set<Stage>()
  stages.forEach((e, i) => {
    present.add(e.stage)
    const d = dates[i]
    if (d && (!earliest.has(e.stage) || d < (earliest.get(e.stage) as string))) earliest.set(e.stage, d)
  })

  const violations: StageViolation[] = []
  const reportedMissing = new Set<Stage>()
  stages.forEach((e, i) => {
    const prev = previousStage(e.stage)
    if (prev && !present.has(prev) && !reportedMissing.has(e.stage)) {
      reportedMissing.add(e.stage)
      violations.push({ kind: 'MISSING_PREDECESSOR', index: i, stage: e.stage, missing: prev })
    }
    const date = dates[i]
    if (!date) {
      violations.push({ kind: 'INVALID_DATE', index: i, stage: e.stage })
      return
    }
    // nearest earlier stage that has a dated occurrence
    for (let j = stageIndex(e.stage) - 1; j >= 0; j--) {
      const predecessorDate = earliest.get(STAGE_ORDER[j])
      if (predecessorDate === undefined) continue
      if (date < predecessorDate) {
        violations.push({
          kind: 'DATE_BEFORE_PREDECESSOR',
          index: i,
          stage: e.stage,
          date,
          predecessor: STAGE_ORDER[j],
          predecessorDate,
        })
      }
      break
    }
  })
  return violations
}
