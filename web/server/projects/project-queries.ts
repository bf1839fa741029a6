// The filters of the project list (项目库), shared by the page, the API and the export.
import { z } from 'zod'
import { PROJECT_CATEGORIES } from '@shared/domain/enums'
import { STAGE_ORDER } from '@shared/domain/stages'
import { normalizeCode } from '@shared/validators/normalize'
import { keysetPagingShape, type KeyOrder } from '@web/server/lib/keyset-page'
import { dateParamSchema, enumParamSchema, regionFilterSchema, searchTermSchema, yearParamSchema } from '@web/server/lib/query-params'
import { safeDecode } from '@web/server/lib/safe-decode'

export const projectFiltersSchema = z.object({
  /** project name (part of it), project code (whole) or owner name (part of it) */
  q: searchTermSchema,
  region: regionFilterSchema,
  category: enumParamSchema(PROJECT_CATEGORIES, '工程类别'),
  /** year of the registration date (登记日期) */
  year: yearParamSchema,
  /** registration date from, inclusive */
  from: dateParamSchema,
  /** registration date to, inclusive */
  to: dateParamSchema,
  /**
   * Projects that have reached at least this stage: their furthest stage with a record that is
   * not revoked is this one or a later one (see `stageReached` in projects-repository.ts).
   */
  stage: enumParamSchema(STAGE_ORDER, '办理阶段'),
})

/** Newest registration first, then id. */
export const PROJECT_ORDER: KeyOrder = { field: 'registeredOn', kind: 'date', dir: 'desc', idDir: 'desc' }

export const projectListQuerySchema = projectFiltersSchema.extend(keysetPagingShape(PROJECT_ORDER))

export type ProjectFilters = z.output<typeof projectFiltersSchema>
export type ProjectListQuery = z.output<typeof projectListQuerySchema>

/** A project code from a URL path segment in canonical form (see filingNumberParam). */
export function projectCodeParam(raw: string): string {
  return normalizeCode(safeDecode(raw))
}
