import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { enterpriseListQuerySchema } from '@web/lib/queries/enterprise-queries'
import { listEnterprises } from '@web/lib/repositories/enterprises-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(enterpriseListQuerySchema, request)
  return Response.json(await listEnterprises(query))
})
