import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { projectListQuerySchema } from '@web/lib/queries/project-queries'
import { listProjects } from '@web/lib/repositories/projects-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(projectListQuerySchema, request)
  return Response.json(await listProjects(query))
})
