import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { enterpriseListQuerySchema } from '@web/server/enterprises/enterprise-queries'
import { listEnterprises } from '@web/server/enterprises/list-enterprises'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(enterpriseListQuerySchema, request)
  return Response.json(await listEnterprises(getDb(), query))
})
