// Input schemas of the back office's integrity-record forms (issue 12): recording a commendation
// or a penalty, correcting it, withdrawing it. The form, the bulk import and the exchange API parse
// with these. The category must be one of the scoring standard's, of the kind chosen; the
// publication period is not input: it follows from the standard (shared/scoring/publication.ts).
import { z } from 'zod'
import { recordKindSchema } from '../domain/enums'
import { compileStandard, CURRENT_STANDARD, type ScoringStandard } from '../scoring'
import { normalizeCode } from '../validators/normalize'
import { isValidUscc } from '../validators/uscc'
import { isValidPracticeRegistrationNumber } from '../validators/codes'
import { isoDay, optionalIsoDay, requiredText } from './subjects'
import { plainString } from '../validators/text'

/** The subject: a USCC (an enterprise) or a practising registration number (a practitioner). */
const subjectCode = z
  .string({ error: '请填写统一社会信用代码或执业注册编号' })
  .transform(normalizeCode)
  .refine((s) => s.length > 0, { error: '请填写统一社会信用代码或执业注册编号' })
  .refine((s) => isValidUscc(s) || isValidPracticeRegistrationNumber(s), {
    error: '应为有效的统一社会信用代码（18位）或执业注册编号',
  })

const recordFields = {
  kind: recordKindSchema,
  categoryCode: plainString('记录类别', '请选择记录类别').trim().min(1, { error: '请选择记录类别' }),
  title: requiredText('记录标题', 200),
  description: requiredText('记录内容', 2000),
  decisionNumber: requiredText('决定文号', 100),
  issuedBy: requiredText('实施机关', 100),
  decidedOn: isoDay('决定日期'),
  /** the penalty's last day (inclusive), bad records only */
  penaltyLastDay: optionalIsoDay('处罚期限截止日'),
  /** the first public day; empty: the decision date */
  publishFrom: optionalIsoDay('公示起始日'),
}

/** The checks every record form shares, against a standard (the current one by default). */
function checkRecord<T extends { kind: 'GOOD' | 'BAD'; categoryCode: string; decidedOn: string; penaltyLastDay: string | null; publishFrom: string | null }>(
  standard: ScoringStandard,
) {
  const categories = compileStandard(standard).categories
  return (r: T, ctx: z.RefinementCtx) => {
    const category = categories.get(r.categoryCode)
    if (!category) ctx.addIssue({ code: 'custom', path: ['categoryCode'], message: '不是现行评分标准中的记录类别' })
    else if (category.kind !== r.kind) {
      ctx.addIssue({ code: 'custom', path: ['categoryCode'], message: r.kind === 'GOOD' ? '所选类别不是良好行为类别' : '所选类别不是不良行为类别' })
    }
    if (r.penaltyLastDay !== null && r.kind === 'GOOD') ctx.addIssue({ code: 'custom', path: ['penaltyLastDay'], message: '良好行为记录没有处罚期限' })
    if (r.penaltyLastDay !== null && r.penaltyLastDay < r.decidedOn) {
      ctx.addIssue({ code: 'custom', path: ['penaltyLastDay'], message: '处罚期限截止日不能早于决定日期' })
    }
    if (r.publishFrom !== null && r.publishFrom < r.decidedOn) ctx.addIssue({ code: 'custom', path: ['publishFrom'], message: '公示起始日不能早于决定日期' })
  }
}

export function recordFormSchemaFor(standard: ScoringStandard = CURRENT_STANDARD) {
  return z.object({ subjectCode, ...recordFields }).superRefine(checkRecord(standard))
}

/** 记录良好/不良行为. */
export const recordFormSchema = recordFormSchemaFor()
export type RecordFormInput = z.input<typeof recordFormSchema>
export type RecordForm = z.output<typeof recordFormSchema>

/** 更正记录: the same fields except the subject (a record of the wrong subject is withdrawn), and why. */
export const recordCorrectionSchema = z
  .object({ ...recordFields, reason: requiredText('更正理由', 500) })
  .superRefine(checkRecord(CURRENT_STANDARD))
export type RecordCorrection = z.output<typeof recordCorrectionSchema>

/** 撤销记录. */
export const recordWithdrawalSchema = z.object({ reason: requiredText('撤销理由', 500) })
export type RecordWithdrawal = z.output<typeof recordWithdrawalSchema>

/**
 * 采纳 an objection or a credit-repair request. An objection is upheld by correcting the record
 * (the correction's fields, parsed with recordCorrectionSchema) or withdrawing it; an accepted
 * repair always ends the record's publication early.
 */
export const OBJECTION_RESOLUTIONS = ['CORRECT', 'WITHDRAW', 'END_PUBLICATION'] as const
export const objectionAcceptSchema = z.object({
  resolution: z.enum(OBJECTION_RESOLUTIONS, { error: '请选择处理方式' }),
  note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), requiredText('处理说明', 500).optional()),
})
export type ObjectionAccept = z.output<typeof objectionAcceptSchema>

/** 不予采纳: the reason is required; the applicant reads it on the public status page. */
export const objectionRejectSchema = z.object({ reason: requiredText('不予采纳的理由', 500) })
export type ObjectionReject = z.output<typeof objectionRejectSchema>
