// The filters of the exposure board (诚信曝光台), shared by the page, the API and the export.
import { z } from 'zod'
import { RECORD_KINDS, SUBJECT_TYPES } from '@shared/domain/enums'
import { keysetPagingShape, type KeyOrder } from '@web/server/lib/keyset-page'
import { dateParamSchema, enumParamSchema, regionFilterSchema, searchTermSchema } from '@web/server/lib/query-params'

export const exposureFiltersSchema = z.object({
  /** subject name (enterprise or person, contains) or decision number 文号 (contains) */
  q: searchTermSchema,
  kind: enumParamSchema(RECORD_KINDS, '记录类别'),
  /**
   * The subject's region: an enterprise's registered region, a person's employer's. Exact code,
   * so 海口市 does not include the zones it hosts (海口江东新区 has its own code).
   */
  region: regionFilterSchema,
  subjectType: enumParamSchema(SUBJECT_TYPES, '主体类型'),
  /** decidedOn ≥ from (inclusive) */
  from: dateParamSchema,
  /** decidedOn ≤ to (inclusive) */
  to: dateParamSchema,
})

/** Newest decision first, then id. */
export const EXPOSURE_ORDER: KeyOrder = { field: 'decidedOn', kind: 'date', dir: 'desc', idDir: 'desc' }

export const exposureListQuerySchema = exposureFiltersSchema.extend(keysetPagingShape(EXPOSURE_ORDER))

export type ExposureFilters = z.output<typeof exposureFiltersSchema>
export type ExposureListQuery = z.output<typeof exposureListQuerySchema>
