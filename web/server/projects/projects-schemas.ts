// What the project API answers (项目库): the schemas the OpenAPI document is generated from, and
// the types the repository, the pages and the export are written against.
import { z } from 'zod'
import { KEY_PERSON_ROLES, PARTICIPANT_ROLES, PROJECT_CATEGORIES, STAGE_STATUSES } from '@shared/domain/enums'
import { STAGE_ORDER } from '@shared/domain/stages'
import { enterpriseRef, isoDateSchema, nullableIsoDate, publicRecordSchema } from '@web/server/lib/response-schemas'

export const projectListItemSchema = z.object({
  projectCode: z.string(),
  name: z.string(),
  category: z.enum(PROJECT_CATEGORIES),
  regionCode: z.string(),
  regionName: z.string(),
  /** 建设地址 */
  address: z.string(),
  ownerName: z.string(),
  ownerUscc: z.string(),
  /** the date the project was registered on the platform */
  registeredOn: isoDateSchema,
  /** 总投资 */
  investment: z.number().describe('万元'),
  /** 建筑面积, m² (municipal works may have none) */
  floorArea: z.number().nullable(),
  /** the furthest stage with a document that is not revoked; null when none */
  stageReached: z.enum(STAGE_ORDER).nullable(),
})

/** One document of a stage (shared/projects/project-timeline.ts StageDocument). */
const stageDocument = z.object({
  number: z.string(),
  date: isoDateSchema,
  status: z.enum(STAGE_STATUSES),
  authorityName: z.string(),
  party: z.object({ role: z.enum(PARTICIPANT_ROLES), name: z.string(), uscc: z.string() }).nullable(),
  contractPrice: z.number().nullable(),
  agency: z.string().nullable(),
  revokedOn: nullableIsoDate,
  revocationReason: z.string().nullable(),
})

export const projectDetailSchema = projectListItemSchema.extend({
  /** always five, in the legal order */
  stages: z
    .array(z.object({ stage: z.enum(STAGE_ORDER), number: z.number().int().min(1).max(5), done: z.boolean(), doneOn: nullableIsoDate, documents: z.array(stageDocument) }))
    .length(5),
  /** always five roles: OWNER, SURVEY, DESIGN, CONTRACTOR, SUPERVISOR */
  participants: z
    .array(
      z.object({
        role: z.enum(PARTICIPANT_ROLES),
        enterprises: z.array(enterpriseRef),
        keyPeople: z.array(z.object({ role: z.enum(KEY_PERSON_ROLES), id: z.string(), name: z.string() })),
      }),
    )
    .length(5),
  /** integrity records about the project that are public today, newest decision first */
  records: z.array(publicRecordSchema),
})

export type ProjectListItem = z.infer<typeof projectListItemSchema>
export type ProjectDetail = z.infer<typeof projectDetailSchema>
export type ProjectRecord = ProjectDetail['records'][number]
