import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { projectListQuerySchema } from '@web/server/projects/project-queries'
import { listProjects } from '@web/server/projects/projects-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(projectListQuerySchema, request)
  return Response.json(await listProjects(query))
})
