import { parseQuery } from '@web/lib/api/api-route'
import { exportRoute } from '@web/lib/api/export-route'
import { exportFormatSchema } from '@web/lib/export/export-format'
import { csvExport, jsonExport } from '@web/lib/export/export-response'
import { projectExportColumns, projectToJson } from '@web/lib/export/project-export'
import { projectFiltersSchema } from '@web/server/projects/project-queries'
import { getDb } from '@web/lib/db'
import { exportProjects } from '@web/server/projects/export-projects'

export const GET = exportRoute(async (request) => {
  const { format, ...filters } = parseQuery(projectFiltersSchema.extend(exportFormatSchema.shape), request)
  const batches = exportProjects(getDb(), filters)
  return format === 'csv' ? csvExport('项目', projectExportColumns, batches) : jsonExport('项目', projectToJson, batches)
})
