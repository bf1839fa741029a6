// 施工图审查 (stage 2): the review body, its conclusion, the number of issues it found and the
// certificate of conformity (审查合格书) number; needs a contract on record and is not dated before it.
import type { z } from 'zod'
import type { Db } from '@db/client'
import { recordDrawingReviewSchema, type RecordDrawingReviewInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { lookedUp, type ProjectWriteLookups } from './project-write-lookups'
import { assertStageAllowed } from './stage-order'
import { actingAuthorityId, inAuditedTransaction, parseInput, projectInRegion } from './staff-project-access'

export type RecordDrawingReviewValues = z.output<typeof recordDrawingReviewSchema>

export async function recordDrawingReview(db: Db, actor: Actor, input: RecordDrawingReviewInput, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'projects.write')
  const values = parseInput(recordDrawingReviewSchema, input)
  return inAuditedTransaction(db, (tx, audit) => recordDrawingReviewIn(tx, actor, values, now, audit))
}

/**
 * Records the review of parsed values in `tx` for an actor already authorized: the project in the
 * actor's regions, the stage order, the 审查合格书 number free, the write, and the audit entry
 * pushed onto `audit`.
 */
export async function recordDrawingReviewIn(
  tx: Tx,
  actor: Actor,
  values: RecordDrawingReviewValues,
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<{ id: string }> {
  const authorityId = actingAuthorityId(actor)
  const project = await projectInRegion(tx, actor, values.projectCode, lookups)
  assertStageAllowed(project, 'DRAWING_REVIEW', values.passedOn, 'passedOn')
  const stages = createProjectStagesRepository(tx)
  const number = values.certificateNumber
  if (await lookedUp(lookups.reviewNumbers, number, async () => (await stages.findDrawingReviewByNumber(number)) !== null)) {
    throw new InputError({ certificateNumber: '该审查合格书编号已登记' })
  }
  const passedOn = storedDate(values.passedOn)
  const review = await stages.createDrawingReview({
    projectId: project.id,
    certificateNumber: number,
    reviewAgency: values.reviewAgency,
    result: values.result,
    issueCount: values.issueCount,
    passedOn,
    authorityId,
  })
  lookups.reviewNumbers?.set(number, true)
  project.drawingReviews.push({ id: review.id, status: 'ACTIVE', passedOn })
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'drawing-review.record',
    entity: 'DrawingReview',
    entityId: review.id,
    changes: { before: null, after: values },
    at: now,
  })
  return { id: review.id }
}
