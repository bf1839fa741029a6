// The filters of the completion-filing list (竣工验收备案), shared by the page, the API and the export.
import { z } from 'zod'
import { PROJECT_CATEGORIES, STAGE_STATUSES } from '@shared/domain/enums'
import { normalizeCode } from '@shared/validators/normalize'
import { keysetPagingShape, type KeyOrder } from '@web/server/lib/keyset-page'
import { dateParamSchema, enumParamSchema, regionFilterSchema, searchTermSchema, yearParamSchema } from '@web/server/lib/query-params'
import { safeDecode } from '@web/server/lib/safe-decode'

export const completionFilingFiltersSchema = z.object({
  /** filing number (part of it), project name (part of it) or project code (whole), owner or contractor name (part of it) */
  q: searchTermSchema,
  region: regionFilterSchema,
  /** year of the filing date (备案日期) */
  year: yearParamSchema,
  /** filing date from, inclusive */
  from: dateParamSchema,
  /** filing date to, inclusive */
  to: dateParamSchema,
  category: enumParamSchema(PROJECT_CATEGORIES, '工程类别'),
  status: enumParamSchema(STAGE_STATUSES, '状态'),
})

/** Newest filing first, then id. */
export const COMPLETION_FILING_ORDER: KeyOrder = { field: 'filedOn', kind: 'date', dir: 'desc', idDir: 'desc' }

export const completionFilingListQuerySchema = completionFilingFiltersSchema.extend(keysetPagingShape(COMPLETION_FILING_ORDER))

export type CompletionFilingFilters = z.output<typeof completionFilingFiltersSchema>
export type CompletionFilingListQuery = z.output<typeof completionFilingListQuerySchema>

/**
 * A filing number from a URL path segment in its canonical form (half-width, trimmed, upper
 * case), so that `/completion-filings/jb4601…` finds `JB4601…`. Malformed percent-escapes are
 * kept as they are: they then match nothing, which is a 404, never a crash.
 */
export function filingNumberParam(raw: string): string {
  return normalizeCode(safeDecode(raw))
}

