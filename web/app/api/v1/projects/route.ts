import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { projectListQuerySchema } from '@web/server/projects/project-queries'
import { getDb } from '@web/lib/db'
import { listProjects } from '@web/server/projects/list-projects'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(projectListQuerySchema, request)
  return Response.json(await listProjects(getDb(), query))
})
