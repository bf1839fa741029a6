import { parseQuery } from '@web/lib/api/api-route'
import { exportRoute } from '@web/lib/api/export-route'
import { exportFormatSchema } from '@web/lib/export/export-format'
import { completionFilingExportColumns, completionFilingToJson } from '@web/lib/export/completion-filing-export'
import { csvExport, jsonExport } from '@web/lib/export/export-response'
import { getDb } from '@web/lib/db'
import { completionFilingFiltersSchema } from '@web/server/completion-filings/completion-filing-queries'
import { exportCompletionFilings } from '@web/server/completion-filings/export-completion-filings'

export const GET = exportRoute(async (request) => {
  const { format, ...filters } = parseQuery(completionFilingFiltersSchema.extend(exportFormatSchema.shape), request)
  const batches = exportCompletionFilings(getDb(), filters)
  return format === 'csv'
    ? csvExport('竣工验收备案', completionFilingExportColumns, batches)
    : jsonExport('竣工验收备案', completionFilingToJson, batches)
})
