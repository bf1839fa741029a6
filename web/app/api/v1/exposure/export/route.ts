import { parseQuery } from '@web/lib/api/api-route'
import { exportRoute } from '@web/lib/api/export-route'
import { exportFormatSchema } from '@web/lib/export/export-format'
import { exposureExportColumns, exposureToJson } from '@web/lib/export/exposure-export'
import { csvExport, jsonExport } from '@web/lib/export/export-response'
import { exposureFiltersSchema } from '@web/server/records/exposure-queries'
import { getDb } from '@web/lib/db'
import { exportExposureEntries } from '@web/server/records/export-exposure-entries'

export const GET = exportRoute(async (request) => {
  const { format, ...filters } = parseQuery(exposureFiltersSchema.extend(exportFormatSchema.shape), request)
  const batches = exportExposureEntries(getDb(), filters)
  return format === 'csv' ? csvExport('诚信曝光台', exposureExportColumns, batches) : jsonExport('诚信曝光台', exposureToJson, batches)
})
