import { ApiError } from '@web/lib/api/api-error'
import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { personIdPathSchema, practitionerProjectsQuerySchema } from '@web/server/practitioners/practitioner-queries'
import { listPractitionerProjects } from '@web/server/practitioners/list-practitioner-projects'

/** The practitioner's key roles (项目经理, 总监理工程师 …) on projects recorded on the platform. */
export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = personIdPathSchema.parse(await params)
  const query = parseQuery(practitionerProjectsQuerySchema, request)
  const page = await listPractitionerProjects(getDb(), id, query)
  if (!page) throw ApiError.notFound('该从业人员')
  return Response.json(page)
})
