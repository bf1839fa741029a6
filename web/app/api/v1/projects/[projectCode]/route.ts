import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { projectCodeParam } from '@web/server/projects/project-queries'
import { getDb } from '@web/lib/db'
import { getProject } from '@web/server/projects/get-project'

export const GET = apiRoute<{ projectCode: string }>(async (_request, { params }) => {
  const { projectCode } = await params
  const project = await getProject(getDb(), projectCodeParam(projectCode))
  if (!project) throw ApiError.notFound('该项目')
  return Response.json(project)
})
