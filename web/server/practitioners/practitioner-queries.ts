// The filters of the practitioner list (人员库) and of a practitioner's sub-lists, shared by the
// pages, the API and the export.
import { z } from 'zod'
import { KEY_PERSON_ROLES, REGISTRATION_TYPES } from '@shared/domain/enums'
import { paginationSchema } from '@web/server/lib/pagination'
import { keysetPagingShape, type KeyOrder } from '@web/server/lib/keyset-page'
import { enumParamSchema, searchTermSchema } from '@web/server/lib/query-params'
import { safeDecode } from '@web/server/lib/safe-decode'
import { enterpriseRegionFilterSchema, REGISTRATION_SCOPES, usccFilterSchema } from '@web/server/enterprises/enterprise-queries'

export const practitionerFiltersSchema = z.object({
  /** name (part of it), practice registration number (whole) or employer name (part of it) */
  q: searchTermSchema,
  /** holds a registration of this type (expired or not) */
  type: enumParamSchema(REGISTRATION_TYPES, '注册类别'),
  /** the employer's registration region (Hainan's regions and the out-of-province cities) */
  region: enterpriseRegionFilterSchema,
  /** IN: employer registered in Hainan; OUT: registered outside */
  scope: enumParamSchema(REGISTRATION_SCOPES, '单位注册地范围'),
  /** the employer's USCC (whole) */
  employer: usccFilterSchema,
})

/** By name, then id (keyset-batches nameOrder). */
export const PRACTITIONER_ORDER: KeyOrder = { field: 'name', kind: 'text', dir: 'asc', idDir: 'asc' }

export const practitionerListQuerySchema = practitionerFiltersSchema.extend(keysetPagingShape(PRACTITIONER_ORDER))

export type PractitionerFilters = z.output<typeof practitionerFiltersSchema>
export type PractitionerListQuery = z.output<typeof practitionerListQuerySchema>

/** A practitioner's key roles on projects (项目任职), optionally of one role. */
export const practitionerProjectsQuerySchema = z
  .object({ role: enumParamSchema(KEY_PERSON_ROLES, '岗位') })
  .extend(paginationSchema.shape)
export type PractitionerProjectsQuery = z.output<typeof practitionerProjectsQuerySchema>

/** Ids of people are generated (cuid): letters, digits, '_' or '-', at most 64 characters. */
const PERSON_ID = /^[A-Za-z0-9_-]{1,64}$/

export type PersonIdParam = { ok: true; id: string } | { ok: false; message: string }

/** A person id from a URL path segment; a malformed one is a 404 on a page and a 400 in the API. */
export function personIdParam(raw: string): PersonIdParam {
  const id = safeDecode(raw).trim()
  return PERSON_ID.test(id) ? { ok: true, id } : { ok: false, message: '人员编号格式有误' }
}

export const personIdPathSchema = z.object({
  id: z
    .string()
    .transform((raw) => personIdParam(raw))
    .superRefine((v, ctx) => {
      if (!v.ok) ctx.addIssue({ code: 'custom', message: v.message })
    })
    .transform((v) => (v.ok ? v.id : '')),
})

/** A practitioner's integrity records: the same parameters as an enterprise's (kind, page, pageSize). */
export { subjectRecordsQuerySchema, type SubjectRecordsQuery } from '@web/server/enterprises/enterprise-queries'
