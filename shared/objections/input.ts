// What an applicant submits for an objection (异议) or a credit-repair request (信用修复), checked
// field by field with a Chinese message for each problem. The same schema serves the portal's form,
// POST /api/v1/objections and the mini-program. Whether the record exists, is public and may be
// the subject of the request is checked against the database afterwards (eligibility.ts).
import { z } from 'zod'
import { OBJECTION_KINDS } from '../domain/enums'
import { toHalfWidth } from '../validators/normalize'
import { plainString } from '../validators/text'

export const APPLICANT_NAME_MAX = 100
export const REASONS_MIN = 10
export const REASONS_MAX = 2000
export const EMAIL_MAX = 100

/** 中国大陆手机号码: 11 digits from 13x to 19x, optionally written with +86 and spaces or hyphens. */
const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/
/** 固定电话: area code 0XX or 0XXX, 7 or 8 digits, an optional extension (0898-66668888-123). */
const LANDLINE = /^\(?(0\d{2,3})\)?-?([2-9]\d{6,7})(?:(?:-|转|#)(\d{1,6}))?$/

export const PHONE_MESSAGE = '联系电话应为 11 位手机号码或带区号的固定电话（如 0898-66668888）'

/** A phone number in one canonical form (13800138000, 0898-66668888, 0898-66668888-123), or null. */
export function normalizeContactPhone(raw: string): string | null {
  const compact = toHalfWidth(raw).trim().replace(/[\s\u3000]/g, '')
  const mobile = MOBILE.exec(compact.replace(/-/g, ''))
  if (mobile) return mobile[1]
  const landline = LANDLINE.exec(compact)
  if (landline) return `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}`
  return null
}

const text = (required: string, label: string) => plainString(label, required).transform((s) => s.replace(/\r\n?/g, '\n').trim())

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** Characters as people count them (a rare character outside the BMP is one, not two). */
const length = (s: string) => Array.from(s).length

function rectificationText(v: { rectification?: unknown }): string {
  return typeof v.rectification === 'string' ? v.rectification.trim() : ''
}

function isRepair(payload: { value: unknown }): boolean {
  return typeof payload.value === 'object' && payload.value !== null && (payload.value as { kind?: unknown }).kind === 'REPAIR'
}

export const objectionInputSchema = z
  .object({
    recordId: z
      .string({ error: '缺少记录编号，请从诚信行为记录旁的链接发起申请' })
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '记录编号有误，请从诚信行为记录旁的链接发起申请' }),
    kind: z.enum(OBJECTION_KINDS, { error: '申请类型应为“异议”或“信用修复”' }),
    applicantName: text('请填写申请人名称', '申请人名称').pipe(
      z
        .string()
        .min(1, { error: '请填写申请人名称（单位全称或个人姓名）' })
        .refine((s) => length(s) >= 2, { error: '申请人名称至少 2 个字' })
        .refine((s) => length(s) <= APPLICANT_NAME_MAX, { error: `申请人名称不能超过 ${APPLICANT_NAME_MAX} 个字` }),
    ),
    contactPhone: z
      .string({ error: '请填写联系电话' })
      .transform((raw, ctx) => {
        if (raw.trim() === '') {
          ctx.addIssue({ code: 'custom', message: '请填写联系电话' })
          return z.NEVER
        }
        const phone = normalizeContactPhone(raw)
        if (phone === null) {
          ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE })
          return z.NEVER
        }
        return phone
      }),
    email: z.preprocess(
      emptyAsUndefined,
      z
        .string({ error: '电子邮箱格式有误' })
        .trim()
        .max(EMAIL_MAX, { error: `电子邮箱不能超过 ${EMAIL_MAX} 个字符` })
        .pipe(z.email({ error: '电子邮箱格式有误' }))
        .optional(),
    ),
    reasons: text('请填写申请理由', '申请理由').pipe(
      z
        .string()
        .refine((s) => length(s) >= REASONS_MIN, { error: `请写明申请理由（至少 ${REASONS_MIN} 个字）` })
        .refine((s) => length(s) <= REASONS_MAX, { error: `申请理由不能超过 ${REASONS_MAX} 个字` }),
    ),
    rectification: z.preprocess(emptyAsUndefined, text('整改情况格式有误', '整改情况').optional()),
  })
  // checked even when other fields fail (zod skips refinements of an object with issues unless
  // told `when`), so the form shows every problem at once
  .refine((v) => v.kind !== 'REPAIR' || length(rectificationText(v)) >= REASONS_MIN, {
    path: ['rectification'],
    error: `申请信用修复须说明整改情况（至少 ${REASONS_MIN} 个字）`,
    when: isRepair,
  })
  .refine((v) => v.kind !== 'REPAIR' || length(rectificationText(v)) <= REASONS_MAX, {
    path: ['rectification'],
    error: `整改情况不能超过 ${REASONS_MAX} 个字`,
    when: isRepair,
  })
  .transform((v) => ({ ...v, email: v.email ?? null, rectification: v.kind === 'REPAIR' ? (v.rectification ?? null) : null }))

export type ObjectionInput = z.output<typeof objectionInputSchema>

/** The form's fields, in order, for error messages keyed by field. */
export const OBJECTION_FIELDS = ['recordId', 'kind', 'applicantName', 'contactPhone', 'email', 'reasons', 'rectification'] as const
export type ObjectionField = (typeof OBJECTION_FIELDS)[number]

/** The first message for each field (zod issues by path), for a form that shows one per field. */
export function fieldErrorsOf(error: z.ZodError): Partial<Record<ObjectionField, string>> {
  const out: Partial<Record<ObjectionField, string>> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '') as ObjectionField
    if ((OBJECTION_FIELDS as readonly string[]).includes(field) && !out[field]) out[field] = issue.message
  }
  return out
}
