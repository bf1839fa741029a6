import { parseQuery } from '@web/lib/api/api-route'
import { exportRoute } from '@web/lib/api/export-route'
import { getDb } from '@web/lib/db'
import { creditGradeExportColumns, creditGradeToJson } from '@web/lib/export/credit-grade-export'
import { exportFormatSchema } from '@web/lib/export/export-format'
import { csvExport, jsonExport } from '@web/lib/export/export-response'
import { creditGradeFiltersSchema } from '@web/server/credit/credit-queries'
import { exportCreditGrades } from '@web/server/credit/export-credit-grades'

export const GET = exportRoute(async (request) => {
  const { format, ...filters } = parseQuery(creditGradeFiltersSchema.extend(exportFormatSchema.shape), request)
  const batches = exportCreditGrades(getDb(), filters)
  return format === 'csv' ? csvExport('信用等级排行', creditGradeExportColumns, batches) : jsonExport('信用等级排行', creditGradeToJson, batches)
})
