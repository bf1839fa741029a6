import { parseQuery } from '@web/lib/api/api-route'
import { exportRoute } from '@web/lib/api/export-route'
import { getDb } from '@web/lib/db'
import { exportFormatSchema } from '@web/lib/export/export-format'
import { csvExport, jsonExport } from '@web/lib/export/export-response'
import { practitionerExportColumns, practitionerToJson } from '@web/lib/export/practitioner-export'
import { practitionerFiltersSchema } from '@web/server/practitioners/practitioner-queries'
import { exportPractitioners } from '@web/server/practitioners/export-practitioners'

export const GET = exportRoute(async (request) => {
  const { format, ...filters } = parseQuery(practitionerFiltersSchema.extend(exportFormatSchema.shape), request)
  const batches = exportPractitioners(getDb(), filters)
  return format === 'csv' ? csvExport('从业人员', practitionerExportColumns, batches) : jsonExport('从业人员', practitionerToJson, batches)
})
