import { parseQuery } from '@web/lib/api/api-route'
import { exportRoute } from '@web/lib/api/export-route'
import { exportFormatSchema } from '@web/lib/export/export-format'
import { permitExportColumns, permitToJson } from '@web/lib/export/permit-export'
import { csvExport, jsonExport } from '@web/lib/export/export-response'
import { getDb } from '@web/lib/db'
import { permitFiltersSchema } from '@web/server/permits/permit-queries'
import { exportPermits } from '@web/server/permits/export-permits'

export const GET = exportRoute(async (request) => {
  const { format, ...filters } = parseQuery(permitFiltersSchema.extend(exportFormatSchema.shape), request)
  const batches = exportPermits(getDb(), filters)
  return format === 'csv' ? csvExport('施工许可', permitExportColumns, batches) : jsonExport('施工许可', permitToJson, batches)
})
