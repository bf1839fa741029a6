// Parameters of the objection pages and API: the tracking number in a path, and the record and
// kind a new request starts from (/credit/objections/new?record=…&kind=…).
import { z } from 'zod'
import { OBJECTION_KINDS } from '@shared/domain/enums'
import { isValidTrackingNumber, normalizeTrackingNumber } from '@shared/objections/tracking-number'
import { safeDecode } from '@web/server/lib/safe-decode'

export type TrackingNumberParam = { ok: true; trackingNumber: string } | { ok: false; message: string }

/** A tracking number from a URL path segment or a form: decoded, normalized, checked. */
export function trackingNumberParam(raw: string): TrackingNumberParam {
  const trackingNumber = normalizeTrackingNumber(safeDecode(raw))
  if (trackingNumber === '') return { ok: false, message: '请输入受理编号' }
  return isValidTrackingNumber(trackingNumber)
    ? { ok: true, trackingNumber }
    : { ok: false, message: '受理编号有误：应为 YY 开头的 23 位编号，请核对后重新输入' }
}

/** Where the form starts: the record and the kind of request (异议 by default). */
export const newObjectionQuerySchema = z.object({
  record: z
    .string({ error: '请从诚信行为记录旁的“提出异议”或“申请信用修复”链接进入' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '记录编号有误，请从诚信行为记录旁的链接进入' }),
  kind: z.preprocess((v) => (v === undefined || v === '' ? 'OBJECTION' : v), z.enum(OBJECTION_KINDS, { error: '申请类型应为 OBJECTION（异议）或 REPAIR（信用修复）' })),
})
