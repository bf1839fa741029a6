import { parseQuery } from '@web/lib/api/api-route'
import { exportRoute } from '@web/lib/api/export-route'
import { getDb } from '@web/lib/db'
import { enterpriseExportColumns, enterpriseToJson } from '@web/lib/export/enterprise-export'
import { exportFormatSchema } from '@web/lib/export/export-format'
import { csvExport, jsonExport } from '@web/lib/export/export-response'
import { enterpriseFiltersSchema } from '@web/server/enterprises/enterprise-queries'
import { exportEnterprises } from '@web/server/enterprises/export-enterprises'

export const GET = exportRoute(async (request) => {
  const { format, ...filters } = parseQuery(enterpriseFiltersSchema.extend(exportFormatSchema.shape), request)
  const batches = exportEnterprises(getDb(), filters)
  return format === 'csv' ? csvExport('企业名录', enterpriseExportColumns, batches) : jsonExport('企业名录', enterpriseToJson, batches)
})
