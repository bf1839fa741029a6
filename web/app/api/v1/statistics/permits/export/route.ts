import { parseQuery } from '@web/lib/api/api-route'
import { exportRoute } from '@web/lib/api/export-route'
import { exportFormatSchema } from '@web/lib/export/export-format'
import { csvExport, jsonExport } from '@web/lib/export/export-response'
import { statisticsExportColumns, statisticsExportFilename, statisticsExportRows, statisticsRowToJson } from '@web/lib/export/statistics-export'
import { getDb } from '@web/lib/db'
import { statisticsQuerySchema } from '@web/server/statistics/statistics-queries'
import { getPermitStatistics } from '@web/server/statistics/get-permit-statistics'

export const GET = exportRoute(async (request) => {
  const { format, ...query } = parseQuery(statisticsQuerySchema.extend(exportFormatSchema.shape), request)
  const report = await getPermitStatistics(getDb(), query, new Date())
  const batches = (async function* () {
    yield statisticsExportRows(report)
  })()
  const filename = statisticsExportFilename(report)
  return format === 'csv'
    ? csvExport(filename, statisticsExportColumns(report), batches)
    : jsonExport(filename, statisticsRowToJson, batches)
})
