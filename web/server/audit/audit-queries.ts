// The auditor's filters (from the page's URL and the export's), with Chinese messages.
import { z } from 'zod'
import { dateParamSchema } from '@web/server/lib/query-params'
import { plainString } from '@shared/validators/text'

const emptyAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const text = (label: string) => z.preprocess(emptyAsAbsent, plainString(label).trim().max(100, `${label}不能超过 100 个字符`).optional())

export const auditQuerySchema = z
  .object({
    /** exact action, e.g. certificate.revoke */
    action: text('操作'),
    /** exact entity type, e.g. Certificate */
    entity: text('对象类型'),
    entityId: text('对象编号'),
    /** the staff member's username (exact) */
    user: text('用户名'),
    /** China calendar dates, inclusive */
    from: dateParamSchema,
    to: dateParamSchema,
    /** keyset cursor: entries with a smaller seq (older) */
    after: z.preprocess(emptyAsAbsent, z.coerce.number({ error: '分页参数无效' }).int('分页参数无效').positive('分页参数无效').optional()),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })

export type AuditQuery = z.output<typeof auditQuerySchema>
