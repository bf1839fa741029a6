import { ApiError } from '@web/lib/api/api-error'
import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { paginationSchema } from '@web/server/lib/pagination'
import { usccPathSchema } from '@web/server/enterprises/enterprise-queries'
import { listEnterpriseRegistrations } from '@web/server/enterprises/list-enterprise-registrations'

/** The practice registrations held at the enterprise (注册人员), with their holders. */
export const GET = apiRoute<{ uscc: string }>(async (request, { params }) => {
  const { uscc } = usccPathSchema.parse(await params)
  const query = parseQuery(paginationSchema, request)
  const page = await listEnterpriseRegistrations(getDb(), uscc, query)
  if (!page) throw ApiError.notFound('该企业')
  return Response.json(page)
})
