// One request as the reviewer sees it: the applicant's reasons and contact (staff call back), the
// record in full whatever its publication, and the subject. The contact phone is masked here: the
// full number is personal data, shown only through revealContactPhone, which audits the view.
// Another region's request answers as not found.
import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { maskPhone } from '@shared/privacy/masking'
import { compileStandard, CURRENT_STANDARD } from '@shared/scoring'
import type { Actor } from '@shared/staff/actor'
import { NotFoundError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { createStaffObjectionsRepository } from './staff-objections-repository'

const compiled = compileStandard(CURRENT_STANDARD)

export async function getObjectionForReview(db: Db, actor: Actor, trackingNumber: string, settings: { answerDays: number }) {
  authorize(actor, 'objections.review')
  const o = await createStaffObjectionsRepository(db).findForReview(actor, trackingNumber)
  if (!o) throw new NotFoundError('该受理编号的申请')
  const { contactPhone, record: r, ...request } = o
  return {
    ...request,
    contactPhoneMasked: maskPhone(contactPhone),
    submittedOn: chinaDateOf(o.submittedAt),
    deadline: isoDate(new Date(Date.parse(`${chinaDateOf(o.submittedAt)}T00:00:00Z`) + settings.answerDays * 86_400_000)),
    statusChangedOn: o.statusChangedAt ? chinaDateOf(o.statusChangedAt) : null,
    subjectName: o.enterprise?.name ?? o.person?.name ?? '',
    record: {
      ...r,
      categoryLabel: compiled.categories.get(r.categoryCode)?.label ?? r.categoryCode,
      decidedOn: isoDate(r.decidedOn),
      publishFrom: isoDate(r.publishFrom),
      publishUntil: isoDate(r.publishUntil),
      penaltyLastDay: isoDate(r.penaltyLastDay),
    },
  }
}

export type ObjectionForReview = Awaited<ReturnType<typeof getObjectionForReview>>
