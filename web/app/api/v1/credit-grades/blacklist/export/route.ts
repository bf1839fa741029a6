import { parseQuery } from '@web/lib/api/api-route'
import { exportRoute } from '@web/lib/api/export-route'
import { getDb } from '@web/lib/db'
import { blacklistExportColumns, blacklistToJson } from '@web/lib/export/credit-grade-export'
import { exportFormatSchema } from '@web/lib/export/export-format'
import { csvExport, jsonExport } from '@web/lib/export/export-response'
import { blacklistFiltersSchema } from '@web/server/credit/credit-queries'
import { exportBlacklist } from '@web/server/credit/export-blacklist'

export const GET = exportRoute(async (request) => {
  const { format, ...filters } = parseQuery(blacklistFiltersSchema.extend(exportFormatSchema.shape), request)
  const batches = exportBlacklist(getDb(), filters)
  return format === 'csv' ? csvExport('建筑市场主体黑名单', blacklistExportColumns, batches) : jsonExport('建筑市场主体黑名单', blacklistToJson, batches)
})
