// The filters of the construction-permit list, shared by the page, the API and the export.
import { z } from 'zod'
import { PROJECT_CATEGORIES, STAGE_STATUSES } from '@shared/domain/enums'
import { keysetPagingShape, type KeyOrder } from '@web/server/lib/keyset-page'
import { dateParamSchema, enumParamSchema, regionFilterSchema, searchTermSchema, yearParamSchema } from '@web/server/lib/query-params'

export const permitFiltersSchema = z.object({
  /** permit number, project name or code, contractor name */
  q: searchTermSchema,
  region: regionFilterSchema,
  year: yearParamSchema,
  from: dateParamSchema,
  to: dateParamSchema,
  category: enumParamSchema(PROJECT_CATEGORIES, '工程类别'),
  status: enumParamSchema(STAGE_STATUSES, '状态'),
})

/** Newest first, then id: the list's index order (issuedOn, id). */
export const PERMIT_ORDER: KeyOrder = { field: 'issuedOn', kind: 'date', dir: 'desc', idDir: 'desc' }

export const permitListQuerySchema = permitFiltersSchema.extend(keysetPagingShape(PERMIT_ORDER))

export type PermitFilters = z.output<typeof permitFiltersSchema>
export type PermitListQuery = z.output<typeof permitListQuerySchema>
