// What the completion-filing API answers (竣工验收备案): the schemas the OpenAPI document is
// generated from, and the types the repository, the pages and the export are written against.
import { z } from 'zod'
import { PROJECT_CATEGORIES, STAGE_STATUSES } from '@shared/domain/enums'
import { certificateRef, enterpriseRef, isoDateSchema, nullableIsoDate } from '@web/server/lib/response-schemas'

export const completionFilingListItemSchema = z.object({
  filingNumber: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  category: z.enum(PROJECT_CATEGORIES),
  regionCode: z.string(),
  regionName: z.string(),
  ownerName: z.string(),
  ownerUscc: z.string(),
  /** 施工单位 of the project (usually one) */
  contractors: z.array(enterpriseRef),
  /** 竣工验收日期 */
  acceptedOn: isoDateSchema,
  /** 备案日期 */
  filedOn: isoDateSchema,
  /** 实际造价 */
  actualCost: z.number().describe('万元'),
  /** 实际建筑面积; municipal works may have none */
  actualArea: z.number().nullable().describe('m²'),
  status: z.enum(STAGE_STATUSES),
})

export const completionFilingDetailSchema = completionFilingListItemSchema.extend({
  /** 建设地址 */
  address: z.string(),
  /** 备案机关 */
  authorityName: z.string(),
  survey: z.array(enterpriseRef),
  design: z.array(enterpriseRef),
  supervisors: z.array(enterpriseRef),
  /** the project's construction permits (对应施工许可证), oldest first; revoked ones included */
  permits: z.array(z.object({ permitNumber: z.string(), issuedOn: isoDateSchema, status: z.enum(STAGE_STATUSES) })),
  revokedOn: nullableIsoDate,
  revocationReason: z.string().nullable(),
  /** the printed certificate (备案证明) with its QR code */
  certificate: certificateRef,
})

export type CompletionFilingListItem = z.infer<typeof completionFilingListItemSchema>
export type CompletionFilingDetail = z.infer<typeof completionFilingDetailSchema>
