// 施工图审查 (stage 2): the review body, its conclusion, the number of issues it found and the
// certificate of conformity (审查合格书) number; needs a contract on record and is not dated before it.
import type { Db } from '@db/client'
import { recordDrawingReviewSchema, type RecordDrawingReviewInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { assertStageAllowed } from './stage-order'
import { parseInput, projectInRegion } from './staff-project-access'

export async function recordDrawingReview(db: Db, actor: Actor, input: RecordDrawingReviewInput, now = new Date()): Promise<{ id: string }> {
  authorize(actor, 'projects.write')
  const values = parseInput(recordDrawingReviewSchema, input)
  if (!actor.authorityId) throw new InputError({ form: '您的账号不属于任何主管部门，不能办理业务' })
  const authorityId = actor.authorityId
  return withAuditRetry(db, async (tx) => {
    const project = await projectInRegion(tx, actor, values.projectCode)
    assertStageAllowed(project, 'DRAWING_REVIEW', values.passedOn, 'passedOn')
    const stages = createProjectStagesRepository(tx)
    if (await stages.findDrawingReviewByNumber(values.certificateNumber)) {
      throw new InputError({ certificateNumber: '该审查合格书编号已登记' })
    }
    const review = await stages.createDrawingReview({
      projectId: project.id,
      certificateNumber: values.certificateNumber,
      reviewAgency: values.reviewAgency,
      result: values.result,
      issueCount: values.issueCount,
      passedOn: storedDate(values.passedOn),
      authorityId,
    })
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'drawing-review.record',
      entity: 'DrawingReview',
      entityId: review.id,
      changes: { before: null, after: values },
      at: now,
    })
    return { id: review.id }
  })
}
