'use server'
// The reviewer's server actions: 受理 (take up), 采纳 (accept: correct / withdraw the record, or end
// its publication early for a repair), 不予采纳 (reject with a reason), and 显示完整联系电话 (the
// applicant's full phone, audited). The use cases parse the decision's fields with the shared
// schemas; the wrapper checks the tracking number and the confirmation.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { Route } from 'next'
import { z } from 'zod'
import { staffAction } from '@web/lib/staff/staff-action'
import { acceptObjection } from '@web/server/objections/accept-objection'
import { openObjection } from '@web/server/objections/open-objection'
import { rejectObjection } from '@web/server/objections/reject-objection'
import { revealContactPhone } from '@web/server/objections/reveal-contact-phone'

const trackingNumber = z.string().trim().min(1, { error: '缺少受理编号' })
const confirmed = z.looseObject({ trackingNumber, confirm: z.literal('yes', { error: '请勾选确认' }) })
const decided = (tn: string, outcome: 'accepted' | 'rejected') => `/admin/objections?${new URLSearchParams({ decided: tn, outcome })}` as Route

export const openObjectionAction = staffAction('objections.review', z.object({ trackingNumber }), async (db, actor, input) => {
  await openObjection(db, actor, input.trackingNumber)
  revalidatePath(`/admin/objections/${input.trackingNumber}`)
  return '已受理，申请人的状态页显示“审核中”'
})

export const acceptObjectionAction = staffAction('objections.review', confirmed, async (db, actor, { trackingNumber: tn, confirm: _confirm, ...input }) => {
  await acceptObjection(db, actor, tn, input)
  revalidatePath('/admin/objections')
  redirect(decided(tn, 'accepted'))
})

export const rejectObjectionAction = staffAction('objections.review', confirmed, async (db, actor, { trackingNumber: tn, confirm: _confirm, ...input }) => {
  await rejectObjection(db, actor, tn, input)
  revalidatePath('/admin/objections')
  redirect(decided(tn, 'rejected'))
})

/**
 * 显示完整联系电话, audited by the use case. The number travels back in the form state's values (to
 * this one response, never stored in the page), so it shows on this view of the page only.
 */
export const revealContactPhoneAction = staffAction('objections.review', z.object({ trackingNumber }), async (db, actor, input) => {
  const { contactPhone } = await revealContactPhone(db, actor, input.trackingNumber)
  return { status: 'ok', message: '本次查看已记入审计日志', values: { contactPhone } }
})
