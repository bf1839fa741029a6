// The stage-order rule applied to a write: which earlier stages a new stage record needs, and that
// it is not dated before them (shared/domain/stages.ts), judged on the project's ACTIVE records.
import { checkStageSequence, STAGE_LABELS, STAGE_ORDER, stageIndex, type Stage, type StageEvent } from '@shared/domain/stages'
import { isoDate } from '@web/server/lib/values'
import { ConflictError, InputError } from '@web/server/lib/errors'
import type { ProjectForWrite } from './project-stages-repository'

/** The project's ACTIVE stage records as dated events. */
export function stageEvents(project: ProjectForWrite): StageEvent[] {
  const active = <T extends { status: string }>(rows: T[]) => rows.filter((r) => r.status === 'ACTIVE')
  return [
    ...active(project.contractFilings).map((r) => ({ stage: 'CONTRACT_FILING' as const, date: isoDate(r.filedOn) })),
    ...active(project.drawingReviews).map((r) => ({ stage: 'DRAWING_REVIEW' as const, date: isoDate(r.passedOn) })),
    ...active(project.supervisionFilings).map((r) => ({ stage: 'SUPERVISION_FILING' as const, date: isoDate(r.filedOn) })),
    ...active(project.permits).map((r) => ({ stage: 'CONSTRUCTION_PERMIT' as const, date: isoDate(r.issuedOn) })),
    ...active(project.completionFilings).map((r) => ({ stage: 'COMPLETION_FILING' as const, date: isoDate(r.filedOn) })),
  ]
}

/** The furthest stage with an ACTIVE record, or null. */
export function stageReached(project: ProjectForWrite): Stage | null {
  let reached: Stage | null = null
  for (const e of stageEvents(project)) if (reached === null || stageIndex(e.stage) > stageIndex(reached)) reached = e.stage
  return reached
}

/**
 * Throws ConflictError naming every earlier stage not on record, or InputError on `dateField`
 * when the new record is dated before the stage before it.
 */
export function assertStageAllowed(project: ProjectForWrite, stage: Stage, date: string, dateField: string): void {
  const events = stageEvents(project)
  const present = new Set(events.map((e) => e.stage))
  const missing = STAGE_ORDER.slice(0, stageIndex(stage)).filter((s) => !present.has(s))
  if (missing.length > 0) {
    throw new ConflictError(`项目 ${project.projectCode} 尚未办理${missing.map((s) => `“${STAGE_LABELS[s]}”`).join('、')}，不能办理${STAGE_LABELS[stage]}`)
  }
  const violation = checkStageSequence([...events, { stage, date }]).find((v) => v.index === events.length && v.kind === 'DATE_BEFORE_PREDECESSOR')
  if (violation && violation.kind === 'DATE_BEFORE_PREDECESSOR') {
    throw new InputError({ [dateField]: `不能早于${STAGE_LABELS[violation.predecessor]}日期 ${violation.predecessorDate}` })
  }
}

/**
 * Stages 1-3 may be edited until the project's permit certificate exists; afterwards the permit
 * certifies them, so a change goes through re-issuing the certificate.
 */
export function assertEarlierStageEditable(project: ProjectForWrite): void {
  if (project.permits.some((p) => p.status === 'ACTIVE' && p.certificate)) {
    throw new ConflictError('施工许可证已签发，前序环节记录不能再修改；如需更正，请撤销或换发施工许可证并说明原因')
  }
}
