// What staff submit to register a project and record its five stages. One schema per form, with a
// Chinese message per field, shared by the back-office forms, the bulk import and the exchange API
// (issue 13), so that a value is judged the same way whichever way it arrives. Rules that need the
// database (the owner exists, the person is registered with the enterprise, the stage order) are
// checked by the use cases in web/server/projects/ and answer with the same field names.
//
// Forms send strings: numbers and dates are accepted as strings, an empty optional field as absent.
import { z } from 'zod'
import { toIsoDate } from '../dates/calendar-date'
import { PROJECT_CATEGORIES } from '../domain/enums'
import { usccSchema } from '../validators/uscc'
import { projectCodeSchema, regionCodeSchema } from '../validators/codes'
import { toHalfWidth } from '../validators/normalize'
import { plainString } from '../validators/text'

const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** Characters as people count them. */
const length = (s: string) => Array.from(s).length

function text(label: string, min: number, max: number) {
  return plainString(label)
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .refine((s) => s.length > 0, { error: `请填写${label}` })
    .refine((s) => length(s) >= min, { error: `${label}至少 ${min} 个字` })
    .refine((s) => length(s) <= max, { error: `${label}不能超过 ${max} 个字` })
}

/** A 'YYYY-MM-DD' calendar date (also 'YYYYMMDD' or full-width digits). */
function date(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .transform((s) => toHalfWidth(s).trim())
    .refine((s) => s.length > 0, { error: `请填写${label}` })
    .transform((s, ctx) => {
      const iso = toIsoDate(s)
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `${label}不是有效日期（格式如 2026-03-15）` })
        return z.NEVER
      }
      return iso
    })
}

/** A decimal amount (万元 or m²) with at most two decimals, within (0, max]. */
function amount(label: string, unit: string, max: number) {
  return z
    .union([z.string(), z.number()], { error: `请填写${label}` })
    .transform((v) => (typeof v === 'number' ? String(v) : toHalfWidth(v).replace(/[,，\s]/g, '')))
    .refine((s) => s.length > 0, { error: `请填写${label}` })
    .refine((s) => /^\d+(\.\d{1,2})?$/.test(s), { error: `${label}应为数字，最多两位小数（单位：${unit}）` })
    .transform(Number)
    .refine((n) => n > 0, { error: `${label}应大于 0` })
    .refine((n) => n <= max, { error: `${label}不能超过 ${max}${unit}` })
}

function optionalAmount(label: string, unit: string, max: number) {
  return z.preprocess(emptyAsUndefined, amount(label, unit, max).optional())
}

/** A person picked from the practitioners registered with an enterprise (Person.id). */
function personId(label: string) {
  return z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, { error: `请选择${label}` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label}选择有误，请重新选择` })
}

const uscc = (label: string) =>
  z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().trim().min(1, { error: `请填写${label}的统一社会信用代码` }).pipe(usccSchema))

export const CONTRACT_PARTY_ROLES = ['SURVEY', 'DESIGN', 'CONTRACTOR', 'SUPERVISOR'] as const
export type ContractPartyRole = (typeof CONTRACT_PARTY_ROLES)[number]
export const CONTRACT_PARTY_LABELS: Record<ContractPartyRole, string> = {
  SURVEY: '勘察',
  DESIGN: '设计',
  CONTRACTOR: '施工',
  SUPERVISOR: '监理',
}

export const DRAWING_REVIEW_RESULTS = ['合格', '修改后合格'] as const

// ---------------------------------------------------------------- project

export const registerProjectSchema = z.object({
  name: text('项目名称', 4, 100),
  address: text('项目地址', 4, 200),
  regionCode: z.preprocess((v) => v ?? '', regionCodeSchema),
  category: z.enum(PROJECT_CATEGORIES, { error: '请选择工程类别' }),
  floorArea: optionalAmount('建筑面积', '平方米', 10_000_000),
  investment: amount('总投资', '万元', 100_000_000),
  ownerUscc: uscc('建设单位'),
})
export type RegisterProjectInput = z.input<typeof registerProjectSchema>
export type RegisterProjectValues = z.output<typeof registerProjectSchema>

const projectCode = z.preprocess((v) => v ?? '', projectCodeSchema)

// ---------------------------------------------------------------- stage 1: 合同备案

const contractFields = {
  partyRole: z.enum(CONTRACT_PARTY_ROLES, { error: '请选择合同类型（勘察、设计、施工或监理）' }),
  partyUscc: uscc('合同当事单位'),
  contractPrice: amount('合同价格', '万元', 100_000_000),
  signedOn: date('合同签订日期'),
  filedOn: date('备案日期'),
}

const signedBeforeFiled = (v: { signedOn: string; filedOn: string }) => v.signedOn <= v.filedOn
const signedBeforeFiledMessage = { error: '备案日期不能早于合同签订日期', path: ['filedOn'] }

export const fileContractSchema = z.object({ projectCode, ...contractFields }).refine(signedBeforeFiled, signedBeforeFiledMessage)
export type FileContractInput = z.input<typeof fileContractSchema>

export const updateContractSchema = z
  .object({ id: plainString('合同备案记录', '缺少合同备案记录').trim().min(1, { error: '缺少合同备案记录' }), ...contractFields })
  .refine(signedBeforeFiled, signedBeforeFiledMessage)
export type UpdateContractInput = z.input<typeof updateContractSchema>

// ---------------------------------------------------------------- stage 2: 施工图审查

const reviewFields = {
  reviewAgency: text('审图机构', 4, 100),
  result: z.enum(DRAWING_REVIEW_RESULTS, { error: '请选择审查结论' }),
  issueCount: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(toHalfWidth(v).trim())) : v),
    z.number({ error: '请填写审查发现的问题数（没有则填 0）' }).int({ error: '问题数应为整数' }).min(0, { error: '问题数不能为负数' }).max(10_000, { error: '问题数不能超过 10000' }),
  ),
  certificateNumber: z
    .string({ error: '请填写审查合格书编号' })
    .transform((s) => toHalfWidth(s).trim().toUpperCase())
    .refine((s) => s.length > 0, { error: '请填写审查合格书编号' })
    .refine((s) => /^[A-Z0-9-]{6,32}$/.test(s), { error: '审查合格书编号应为 6 至 32 位字母、数字或连字符' }),
  passedOn: date('审查通过日期'),
}

export const recordDrawingReviewSchema = z.object({ projectCode, ...reviewFields })
export type RecordDrawingReviewInput = z.input<typeof recordDrawingReviewSchema>
export const updateDrawingReviewSchema = z.object({ id: plainString('施工图审查记录', '缺少施工图审查记录').trim().min(1, { error: '缺少施工图审查记录' }), ...reviewFields })
export type UpdateDrawingReviewInput = z.input<typeof updateDrawingReviewSchema>

// ---------------------------------------------------------------- stage 3: 质量安全报监

const supervisionFields = {
  supervisionStation: text('质量安全监督机构', 4, 100),
  filedOn: date('报监日期'),
}
export const fileSupervisionSchema = z.object({ projectCode, ...supervisionFields })
export type FileSupervisionInput = z.input<typeof fileSupervisionSchema>
export const updateSupervisionSchema = z.object({ id: plainString('质量安全报监记录', '缺少质量安全报监记录').trim().min(1, { error: '缺少质量安全报监记录' }), ...supervisionFields })
export type UpdateSupervisionInput = z.input<typeof updateSupervisionSchema>

// ---------------------------------------------------------------- stage 4: 施工许可

/** What a permit states, issued or corrected (施工许可变更): everything but its project. */
const permitFields = {
  scale: text('建设规模', 2, 100),
  floorArea: optionalAmount('建筑面积', '平方米', 10_000_000),
  contractPrice: amount('合同价格', '万元', 100_000_000),
  plannedStartOn: date('计划开工日期'),
  plannedEndOn: date('计划竣工日期'),
  contractorUscc: uscc('施工单位'),
  supervisorUscc: z.preprocess(emptyAsUndefined, usccSchema.optional()),
  projectManagerId: personId('项目经理'),
  chiefSupervisorId: z.preprocess(emptyAsUndefined, personId('总监理工程师').optional()),
}

type PermitRuleValues = { plannedStartOn: string; plannedEndOn: string; supervisorUscc?: string; chiefSupervisorId?: string }

/** The rules across a permit's fields, the same on issue and on correction. */
function withPermitRules<S extends z.ZodType<PermitRuleValues>>(schema: S): S {
  return schema
    .refine((v: PermitRuleValues) => v.plannedStartOn <= v.plannedEndOn, { error: '计划竣工日期不能早于计划开工日期', path: ['plannedEndOn'] })
    .refine((v: PermitRuleValues) => !v.supervisorUscc || v.chiefSupervisorId, { error: '有监理单位时请选择总监理工程师', path: ['chiefSupervisorId'] })
    .refine((v: PermitRuleValues) => v.supervisorUscc || !v.chiefSupervisorId, { error: '请先填写监理单位', path: ['supervisorUscc'] })
}

export const issuePermitSchema = withPermitRules(z.object({ projectCode, ...permitFields }))
export type IssuePermitInput = z.input<typeof issuePermitSchema>
export type IssuePermitValues = z.output<typeof issuePermitSchema>

/** Why an issued certificate's record is corrected: the superseded certificate's status reason. */
const correctionReason = text('更正原因', 2, 200)

export const correctPermitSchema = withPermitRules(
  z.object({ permitId: plainString('施工许可证记录', '缺少施工许可证记录').trim().min(1, { error: '缺少施工许可证记录' }), ...permitFields, reason: correctionReason }),
)
export type CorrectPermitInput = z.input<typeof correctPermitSchema>

// ---------------------------------------------------------------- stage 5: 竣工验收备案

const completionFields = {
  acceptedOn: date('竣工验收日期'),
  actualCost: amount('实际造价', '万元', 100_000_000),
  actualArea: optionalAmount('实际建筑面积', '平方米', 10_000_000),
}

export const fileCompletionSchema = z.object({ projectCode, ...completionFields })
export type FileCompletionInput = z.input<typeof fileCompletionSchema>
export type FileCompletionValues = z.output<typeof fileCompletionSchema>

export const correctCompletionSchema = z.object({
  completionFilingId: plainString('竣工验收备案记录', '缺少竣工验收备案记录').trim().min(1, { error: '缺少竣工验收备案记录' }),
  ...completionFields,
  reason: correctionReason,
})
export type CorrectCompletionInput = z.input<typeof correctCompletionSchema>

// ---------------------------------------------------------------- certificates

export const certificateActionSchema = z.object({
  serial: plainString('证书流水号', '缺少证书流水号').trim().min(1, { error: '缺少证书流水号' }),
  reason: text('原因', 2, 200),
})
export type CertificateActionInput = z.input<typeof certificateActionSchema>

// ---------------------------------------------------------------- lists

export const adminProjectQuerySchema = z.object({
  // bounded by the list use case (web/server/staff/staff-search.ts), which refuses rather than fails
  q: z.preprocess(emptyAsUndefined, z.string().trim().optional()),
  stage: z.preprocess(emptyAsUndefined, z.enum(['NONE', 'CONTRACT_FILING', 'DRAWING_REVIEW', 'SUPERVISION_FILING', 'CONSTRUCTION_PERMIT', 'COMPLETION_FILING']).optional()),
  page: z.preprocess((v) => (v === undefined || v === '' ? 1 : Number(v)), z.number().int().min(1).max(10_000).catch(1)),
})
export type AdminProjectQuery = z.output<typeof adminProjectQuerySchema>

/** The first field error of each field, as forms show them. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form'
    out[key] ??= issue.message
  }
  return out
}
