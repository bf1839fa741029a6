// Pure assembly of a project page from its stage and participant rows: the five-stage timeline
// (合同备案 → 施工图审查 → 质量安全报监 → 施工许可 → 竣工验收备案), how far a project has got, and
// its participants by role with their key people. No database access here, so it is unit-tested
// on its own; projects-repository.ts feeds it.
import {
  KEY_PERSON_ROLES,
  PARTICIPANT_ROLES,
  type KeyPersonRole,
  type ParticipantRole,
  type StageStatus,
} from '@shared/domain/enums'
import { STAGE_ORDER, stageIndex, type Stage } from '@shared/domain/stages'

/** One document of a stage: a contract filing, a review certificate, a permit … */
export interface StageDocument {
  /** 合同备案编号 / 施工图审查合格书编号 / 质量安全监督登记编号 / 施工许可证编号 / 竣工验收备案编号 */
  number: string
  /** 'YYYY-MM-DD': filed on (合同备案, 报监, 竣工验收备案), passed on (施工图审查), issued on (施工许可) */
  date: string
  status: StageStatus
  /** the authority that handled it (备案机关 / 发证机关) */
  authorityName: string
  /** contract filings only: the contracted party */
  party: { role: ParticipantRole; name: string; uscc: string } | null
  /** contract filings only: 合同价格, 万元 */
  contractPrice: number | null
  /** drawing reviews: 审图机构; supervision filings: 质量安全监督机构; otherwise null */
  agency: string | null
  /** permits and completion filings that were revoked; otherwise null */
  revokedOn: string | null
  revocationReason: string | null
}

export interface TimelineStage {
  stage: Stage
  /** 1-based position on the timeline */
  number: number
  /** at least one of its documents is not revoked */
  done: boolean
  /** date of the earliest document that is not revoked; null when not done */
  doneOn: string | null
  /** every document of the stage, revoked ones included, oldest first */
  documents: StageDocument[]
}

/** A stage counts as reached when it has a document that is not revoked (ACTIVE or SUPERSEDED). */
export function countsAsDone(status: StageStatus): boolean {
  return status !== 'REVOKED'
}

/** Always five stages in the legal order, whatever the order and completeness of the input. */
export function buildTimeline(documents: readonly (StageDocument & { stage: Stage })[]): TimelineStage[] {
  return STAGE_ORDER.map((stage, i) => {
    const docs = documents
      .filter((d) => d.stage === stage)
      .map(({ stage: _stage, ...doc }) => doc)
      .sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number))
    const valid = docs.filter((d) => countsAsDone(d.status))
    return { stage, number: i + 1, done: valid.length > 0, doneOn: valid[0]?.date ?? null, documents: docs }
  })
}

/**
 * How far a project has got: the furthest stage that is done, or null before the first. A later
 * stage counts even if an earlier one is missing (records entered out of order or imported).
 */
export function furthestStage(isDone: (stage: Stage) => boolean): Stage | null {
  for (let i = STAGE_ORDER.length - 1; i >= 0; i--) if (isDone(STAGE_ORDER[i])) return STAGE_ORDER[i]
  return null
}

/** The stages that count as "reached at least `stage`": it and every later one. */
export function stagesFrom(stage: Stage): Stage[] {
  return STAGE_ORDER.slice(stageIndex(stage))
}

/** Which participant a key person works for on the project. */
export const KEY_PERSON_PARTICIPANT_ROLE: Record<KeyPersonRole, ParticipantRole> = {
  PROJECT_MANAGER: 'CONTRACTOR',
  TECHNICAL_LEAD: 'CONTRACTOR',
  SAFETY_OFFICER: 'CONTRACTOR',
  CHIEF_SUPERVISOR: 'SUPERVISOR',
  DESIGN_LEAD: 'DESIGN',
  SURVEY_LEAD: 'SURVEY',
}

export interface ParticipantGroup {
  role: ParticipantRole
  enterprises: { name: string; uscc: string }[]
  keyPeople: { role: KeyPersonRole; id: string; name: string }[]
}

/**
 * The five roles in order (建设, 勘察, 设计, 施工, 监理), each with its enterprises (in input
 * order, without repeats) and key people (by role, then name). The owner of record is always
 * listed under 建设单位, even when no participant row names it.
 */
export function groupParticipants(
  owner: { name: string; uscc: string },
  participants: readonly { role: ParticipantRole; enterprise: { name: string; uscc: string } }[],
  keyPeople: readonly { role: KeyPersonRole; person: { id: string; name: string } }[],
): ParticipantGroup[] {
  return PARTICIPANT_ROLES.map((role) => {
    const enterprises: { name: string; uscc: string }[] = role === 'OWNER' ? [owner] : []
    for (const p of participants) {
      if (p.role === role && !enterprises.some((e) => e.uscc === p.enterprise.uscc)) enterprises.push(p.enterprise)
    }
    const people = keyPeople
      .filter((k) => KEY_PERSON_PARTICIPANT_ROLE[k.role] === role)
      .map((k) => ({ role: k.role, id: k.person.id, name: k.person.name }))
      .sort((a, b) => KEY_PERSON_ROLES.indexOf(a.role) - KEY_PERSON_ROLES.indexOf(b.role) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id))
    return { role, enterprises, keyPeople: people }
  })
}

/** 'YYYY-MM-DD' of the day before: the last day of a period whose end date is exclusive (公示期). */
export function dayBefore(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}
