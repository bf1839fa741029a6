// The exchange API token forms (/admin/accounts/tokens) validate with these; the scopes are what a
// token may do with /api/exchange/v1 (web/lib/exchange/exchange-route.ts checks them).
import { z } from 'zod'
import { plainString } from '../validators/text'

export const API_TOKEN_SCOPES = ['read', 'write-subjects', 'write-stages', 'write-records'] as const
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number]

export const API_TOKEN_SCOPE_LABELS: Readonly<Record<ApiTokenScope, string>> = {
  read: '读取数据',
  'write-subjects': '写入企业和从业人员',
  'write-stages': '写入项目和五个环节',
  'write-records': '写入良好和不良行为记录',
}

/** The longest a token may live, in days from its creation. */
export const API_TOKEN_MAX_DAYS = 366

/** The scopes stored as one comma-separated column → the known scopes, in the list's order. */
export function parseApiTokenScopes(stored: string): ApiTokenScope[] {
  const given = new Set(stored.split(','))
  return API_TOKEN_SCOPES.filter((s) => given.has(s))
}

function isCalendarDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

const scopeSchema = z.enum(API_TOKEN_SCOPES, { error: '权限范围无效' })

export const createApiTokenSchema = z.object({
  name: plainString('令牌名称', '请输入令牌名称').trim().min(1, '请输入令牌名称').max(50, '令牌名称不能超过 50 个字'),
  authorityId: plainString('所属主管部门', '请选择所属主管部门').trim().min(1, '请选择所属主管部门'),
  scopes: z
    .union([scopeSchema, z.array(scopeSchema)], { error: '请至少选择一项权限范围' })
    .transform((v) => API_TOKEN_SCOPES.filter((s) => (Array.isArray(v) ? v : [v]).includes(s)))
    .refine((v) => v.length > 0, '请至少选择一项权限范围'),
  /** the last day the token works (China time), YYYY-MM-DD */
  expiresOn: z
    .string({ error: '请选择有效期至' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '请选择有效期至（年-月-日）')
    .refine(isCalendarDate, '日期无效'),
})

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>

export const apiTokenIdSchema = z.object({ tokenId: plainString('令牌', '请选择令牌').trim().min(1, '请选择令牌') })
