// Editing a 施工图审查 record: allowed while the project's permit certificate does not exist
// (afterwards the change is a re-issue with a reason, see change-project-certificate.ts). The
// 审查合格书 number stays unique; before and after in the audit entry.
import type { Db } from '@db/client'
import { updateDrawingReviewSchema, type UpdateDrawingReviewInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { forgetProject, type ProjectWriteLookups } from './project-write-lookups'
import type { RecordDrawingReviewValues } from './record-drawing-review'
import { editableProject, inAuditedTransaction, parseInput } from './staff-project-access'

export type DrawingReviewChange = Omit<RecordDrawingReviewValues, 'projectCode'>

export async function updateDrawingReview(db: Db, actor: Actor, input: UpdateDrawingReviewInput, now = new Date()): Promise<void> {
  authorize(actor, 'projects.write')
  const { id, ...values } = parseInput(updateDrawingReviewSchema, input)
  await inAuditedTransaction(db, (tx, audit) => updateDrawingReviewIn(tx, actor, id, values, now, audit))
}

/**
 * Changes the drawing review `id` to parsed values in `tx` for an actor already authorized: its
 * project in the actor's regions and still editable, the number unique, the write, and the audit
 * entry pushed onto `audit`.
 */
export async function updateDrawingReviewIn(
  tx: Tx,
  actor: Actor,
  id: string,
  values: DrawingReviewChange,
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<void> {
  const stages = createProjectStagesRepository(tx)
  const project = await editableProject(tx, actor, { drawingReviewId: id }, lookups)
  const clash = await stages.findDrawingReviewByNumber(values.certificateNumber)
  if (clash && clash.id !== id) throw new InputError({ certificateNumber: '该审查合格书编号已登记' })
  const before = await stages.findDrawingReview(id)
  await stages.updateDrawingReview(id, { ...values, passedOn: storedDate(values.passedOn) })
  lookups.reviewNumbers?.delete(before.certificateNumber)
  lookups.reviewNumbers?.set(values.certificateNumber, true)
  forgetProject(lookups, project.projectCode)
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'drawing-review.update',
    entity: 'DrawingReview',
    entityId: id,
    changes: { before: { ...before, passedOn: isoDate(before.passedOn) }, after: values },
    at: now,
  })
}
