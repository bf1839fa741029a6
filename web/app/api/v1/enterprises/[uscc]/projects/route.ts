import { ApiError } from '@web/lib/api/api-error'
import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { enterpriseProjectsQuerySchema, usccPathSchema } from '@web/server/enterprises/enterprise-queries'
import { listEnterpriseProjects } from '@web/server/enterprises/list-enterprise-projects'

/** The track record (业绩): the enterprise's roles on projects recorded on the platform. */
export const GET = apiRoute<{ uscc: string }>(async (request, { params }) => {
  const { uscc } = usccPathSchema.parse(await params)
  const query = parseQuery(enterpriseProjectsQuerySchema, request)
  const page = await listEnterpriseProjects(getDb(), uscc, query)
  if (!page) throw ApiError.notFound('该企业')
  return Response.json(page)
})
