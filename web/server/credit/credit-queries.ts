// The filters of the credit-grade pages (信用等级排行, 黑名单, 查询我的信用等级), shared by the pages,
// the API and the exports.
import { z } from 'zod'
import { SUBJECT_TYPES } from '@shared/domain/enums'
import { GRADES, isKnownStandardVersion, STANDARDS, SUBJECT_CLASSES } from '@shared/scoring'
import { normalizeUscc, usccProblem, USCC_PROBLEM_MESSAGES } from '@shared/validators/uscc'
import { isValidPracticeRegistrationNumber } from '@shared/validators/codes'
import { normalizeCode } from '@shared/validators/normalize'
import { keysetPagingShape, type KeyOrder } from '@web/server/lib/keyset-page'
import { enumParamSchema, searchTermSchema } from '@web/server/lib/query-params'
import { enterpriseRegionFilterSchema } from '@web/server/enterprises/enterprise-queries'

export const BLACKLIST_FILTER_VALUES = ['YES', 'NO'] as const
export const BLACKLIST_FILTER_LABELS: Record<(typeof BLACKLIST_FILTER_VALUES)[number], string> = { YES: '已列入黑名单', NO: '未列入黑名单' }

export const creditGradeFiltersSchema = z.object({
  /** enterprise or practitioner name (part of it), or a whole USCC */
  q: searchTermSchema,
  subjectType: enumParamSchema(SUBJECT_TYPES, '主体类型'),
  /** the rule set of the standard: 施工企业, 监理企业, 勘察设计企业, 其他企业, 注册执业人员 */
  subjectClass: enumParamSchema(SUBJECT_CLASSES, '主体类别'),
  /** an enterprise's registered region, a practitioner's employer's; exact code */
  region: enterpriseRegionFilterSchema,
  grade: enumParamSchema(GRADES, '信用等级'),
  blacklisted: enumParamSchema(BLACKLIST_FILTER_VALUES, '是否列入黑名单'),
})
/** Score high to low, then id: the ranking's index (isLatest, score desc, id). */
export const CREDIT_GRADE_ORDER: KeyOrder = { field: 'score', kind: 'number', dir: 'desc', idDir: 'asc' }

export const creditGradeListQuerySchema = creditGradeFiltersSchema.extend(keysetPagingShape(CREDIT_GRADE_ORDER))
export type CreditGradeFilters = z.output<typeof creditGradeFiltersSchema>
export type CreditGradeListQuery = z.output<typeof creditGradeListQuerySchema>

export const blacklistFiltersSchema = z.object({
  q: searchTermSchema,
  subjectType: enumParamSchema(SUBJECT_TYPES, '主体类型'),
  region: enterpriseRegionFilterSchema,
})
/** Latest listing first, then id. */
export const BLACKLIST_ORDER: KeyOrder = { field: 'listedOn', kind: 'date', dir: 'desc', idDir: 'asc' }

export const blacklistListQuerySchema = blacklistFiltersSchema.extend(keysetPagingShape(BLACKLIST_ORDER))
export type BlacklistFilters = z.output<typeof blacklistFiltersSchema>
export type BlacklistListQuery = z.output<typeof blacklistListQuerySchema>

// ---------------------------------------------------------------- 查询我的信用等级

/** What was typed into the check page: a USCC, a practice registration number or (part of) an enterprise name. */
export type CreditLookup = { by: 'USCC'; uscc: string } | { by: 'REGISTRATION'; number: string } | { by: 'NAME'; name: string }

/** 18 letters and digits: meant as a USCC, so a wrong one is an error rather than a name search. */
const USCC_SHAPE = /^[0-9A-Z]{18}$/
const NAME_CHARS = /[\p{L}]/u

export function parseCreditLookup(raw: string): { ok: true; lookup: CreditLookup } | { ok: false; message: string } {
  const text = raw.trim()
  if (text === '') return { ok: false, message: '请输入统一社会信用代码、企业名称或执业注册编号' }
  if (text.length > 100) return { ok: false, message: '输入内容不能超过 100 个字符' }
  const code = normalizeCode(text).replace(/[\s-]/g, '')
  if (USCC_SHAPE.test(code)) {
    const uscc = normalizeUscc(code)
    const problem = usccProblem(uscc, { orgCodeCheck: false })
    return problem ? { ok: false, message: `统一社会信用代码有误：${USCC_PROBLEM_MESSAGES[problem]}` } : { ok: true, lookup: { by: 'USCC', uscc } }
  }
  if (isValidPracticeRegistrationNumber(code)) return { ok: true, lookup: { by: 'REGISTRATION', number: code } }
  if (/^[0-9A-Z]+$/.test(code)) {
    return { ok: false, message: '无法识别：统一社会信用代码为 18 位字母和数字，执业注册编号为省份简称或字母加 6 至 12 位数字' }
  }
  if (Array.from(text).length < 2 || !NAME_CHARS.test(text)) return { ok: false, message: '企业名称至少输入 2 个字' }
  return { ok: true, lookup: { by: 'NAME', name: text } }
}

/** The check page's query (?q=…) as a zod schema, so page and API report problems the same way. */
export const creditCheckQuerySchema = z.object({
  q: z
    .string({ error: '请输入统一社会信用代码、企业名称或执业注册编号' })
    .transform((raw, ctx) => {
      const parsed = parseCreditLookup(raw)
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message })
        return z.NEVER
      }
      return parsed.lookup
    }),
})

// ---------------------------------------------------------------- 诚信评分标准

const STANDARD_VERSIONS = Object.keys(STANDARDS) as [string, ...string[]]

/** ?version= of the scoring-standard endpoint: a published version, default the current one. */
export const scoringStandardQuerySchema = z.object({
  version: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .refine(isKnownStandardVersion, { error: `未知的评分标准版本，已发布的版本：${STANDARD_VERSIONS.join('、')}` })
      .optional(),
  ),
})
