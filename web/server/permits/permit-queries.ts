// The filters of the construction-permit list, shared by the page, the API and the export.
import { z } from 'zod'
import { PROJECT_CATEGORIES, STAGE_STATUSES } from '@shared/domain/enums'
import { paginationSchema } from '@web/server/lib/pagination'
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

export const permitListQuerySchema = permitFiltersSchema.extend(paginationSchema.shape)

export type PermitFilters = z.output<typeof permitFiltersSchema>
export type PermitListQuery = z.output<typeof permitListQuerySchema>
