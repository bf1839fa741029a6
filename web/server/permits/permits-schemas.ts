// What the permit API answers (施工许可): the schemas the OpenAPI document is generated from,
// and the types the repository, the pages and the export are written against.
import { z } from 'zod'
import { PROJECT_CATEGORIES, STAGE_STATUSES } from '@shared/domain/enums'
import { certificateRef, enterpriseRef, isoDateSchema, nullableIsoDate, personRef } from '@web/server/lib/response-schemas'

export const permitListItemSchema = z.object({
  permitNumber: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  category: z.enum(PROJECT_CATEGORIES),
  regionCode: z.string(),
  regionName: z.string(),
  contractorName: z.string(),
  contractorUscc: z.string(),
  issuedOn: isoDateSchema,
  contractPrice: z.number().describe('万元'),
  floorArea: z.number().nullable().describe('m²'),
  status: z.enum(STAGE_STATUSES),
})

export const permitDetailSchema = permitListItemSchema.extend({
  address: z.string(),
  scale: z.string(),
  plannedStartOn: isoDateSchema,
  plannedEndOn: isoDateSchema,
  authorityName: z.string(),
  owner: enterpriseRef,
  survey: z.array(enterpriseRef),
  design: z.array(enterpriseRef),
  supervisor: enterpriseRef.nullable(),
  projectManager: personRef,
  chiefSupervisor: personRef.nullable(),
  revokedOn: nullableIsoDate,
  revocationReason: z.string().nullable(),
  certificate: certificateRef,
})

export type PermitListItem = z.infer<typeof permitListItemSchema>
export type PermitDetail = z.infer<typeof permitDetailSchema>
