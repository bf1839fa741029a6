import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { blacklistListQuerySchema } from '@web/server/credit/credit-queries'
import { listBlacklist } from '@web/server/credit/credit-grades-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(blacklistListQuerySchema, request)
  return Response.json(await listBlacklist(query))
})
