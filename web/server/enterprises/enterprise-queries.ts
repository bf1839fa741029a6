// The filters of the enterprise list (企业库) and of an enterprise's sub-lists, shared by the pages,
// the API and the export.
import { z } from 'zod'
import { ENTERPRISE_TYPES, PARTICIPANT_ROLES, RECORD_KINDS } from '@shared/domain/enums'
import { cityCountyRegions, HAINAN_PROVINCE_CODE, HAINAN_REGIONS, OUT_OF_PROVINCE_REGION_CODES } from '@shared/regions/hainan'
import { normalizeUscc, usccProblem, USCC_PROBLEM_MESSAGES } from '@shared/validators/uscc'
import { paginationSchema } from '@web/server/lib/pagination'
import { keysetPagingShape, type KeyOrder } from '@web/server/lib/keyset-page'
import { enumParamSchema, searchTermSchema } from '@web/server/lib/query-params'
import { safeDecode } from '@web/server/lib/safe-decode'

/** In or out of Hainan Province, by where the enterprise is registered (Enterprise.inProvince). */
export const REGISTRATION_SCOPES = ['IN', 'OUT'] as const
export type RegistrationScope = (typeof REGISTRATION_SCOPES)[number]
export const REGISTRATION_SCOPE_LABELS: Record<RegistrationScope, string> = { IN: '省内', OUT: '省外' }

/**
 * Where an enterprise may be registered: Hainan's regions (the province itself for enterprises
 * registered with the province, its cities, counties and zones) and the out-of-province cities the
 * register knows. A region filter matches the enterprise's own region code exactly: 海口市 does not
 * include the zones it hosts.
 */
export const ENTERPRISE_REGION_CODES = [
  ...HAINAN_REGIONS.map((r) => r.code),
  ...OUT_OF_PROVINCE_REGION_CODES.map((r) => r.code),
] as [string, ...string[]]

/** The region filter's choices: the province itself, Hainan's cities, counties and zones, then the out-of-province cities. */
export const enterpriseRegionOptions: readonly { value: string; label: string }[] = [
  { value: HAINAN_PROVINCE_CODE, label: '海南省（省本级）' },
  ...cityCountyRegions().map((r) => ({ value: r.code, label: r.name })),
  ...OUT_OF_PROVINCE_REGION_CODES.map((r) => ({ value: r.code, label: `${r.name}（省外）` })),
]

export const registrationScopeOptions = REGISTRATION_SCOPES.map((s) => ({ value: s, label: `${REGISTRATION_SCOPE_LABELS[s]}企业` }))

/** URL parameters left empty by a GET form mean "no filter". */
const emptyAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** The registration region of an enterprise (in or out of the province). */
export const enterpriseRegionFilterSchema = z.preprocess(
  (v) => (typeof v === 'string' ? emptyAsAbsent(v.trim()) : v),
  z.enum(ENTERPRISE_REGION_CODES, { error: '未知的行政区划代码' }).optional(),
)

/** Problems of a USCC taken from a URL; the GB 11714 check of positions 9-17 is not applied (see usccParam). */
function usccParamProblem(normalized: string): string | null {
  const problem = usccProblem(normalized, { orgCodeCheck: false })
  return problem ? USCC_PROBLEM_MESSAGES[problem] : null
}

/** An optional USCC filter: normalized (half-width, upper case), then checked. */
export const usccFilterSchema = z.preprocess(
  emptyAsAbsent,
  z
    .string()
    .transform(normalizeUscc)
    .superRefine((v, ctx) => {
      const message = usccParamProblem(v)
      if (message) ctx.addIssue({ code: 'custom', message })
    })
    .optional(),
)

export const enterpriseFiltersSchema = z.object({
  /** enterprise name (part of it) or USCC (whole; lower case and full-width input are normalized) */
  q: searchTermSchema,
  type: enumParamSchema(ENTERPRISE_TYPES, '企业类型'),
  region: enterpriseRegionFilterSchema,
  /** IN: registered in Hainan; OUT: registered outside (省外入琼企业) */
  scope: enumParamSchema(REGISTRATION_SCOPES, '注册地范围'),
})

/** By name, then id (keyset-batches nameOrder). */
export const ENTERPRISE_ORDER: KeyOrder = { field: 'name', kind: 'text', dir: 'asc', idDir: 'asc' }

export const enterpriseListQuerySchema = enterpriseFiltersSchema.extend(keysetPagingShape(ENTERPRISE_ORDER))

export type EnterpriseFilters = z.output<typeof enterpriseFiltersSchema>
export type EnterpriseListQuery = z.output<typeof enterpriseListQuerySchema>

/** An enterprise's track record (业绩): projects on the platform, optionally of one role. */
export const enterpriseProjectsQuerySchema = z
  .object({ role: enumParamSchema(PARTICIPANT_ROLES, '参建角色') })
  .extend(paginationSchema.shape)
export type EnterpriseProjectsQuery = z.output<typeof enterpriseProjectsQuerySchema>

/** A subject's integrity records (诚信行为记录), optionally only good or only bad ones. */
export const subjectRecordsQuerySchema = z.object({ kind: enumParamSchema(RECORD_KINDS, '记录类别') }).extend(paginationSchema.shape)
export type SubjectRecordsQuery = z.output<typeof subjectRecordsQuerySchema>


export type UsccParam = { ok: true; uscc: string } | { ok: false; message: string }

/**
 * A USCC from a URL path segment: decoded, normalized (so `/enterprises/91460100…xx` finds
 * `…XX`) and checked for length, alphabet, region digits and the check character. The GB 11714
 * check of the embedded organization code is not applied: a register may hold legacy codes that
 * fail only that check, and their pages must still open.
 */
export function usccParam(raw: string): UsccParam {
  const uscc = normalizeUscc(safeDecode(raw))
  const message = usccParamProblem(uscc)
  return message ? { ok: false, message } : { ok: true, uscc }
}

/** The same as a zod schema, for the API: a bad code is a 400 naming the parameter `uscc`. */
export const usccPathSchema = z.object({
  uscc: z
    .string()
    .transform((raw) => usccParam(raw))
    .superRefine((v, ctx) => {
      if (!v.ok) ctx.addIssue({ code: 'custom', message: v.message })
    })
    .transform((v) => (v.ok ? v.uscc : '')),
})
