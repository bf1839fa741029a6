import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { blacklistListQuerySchema } from '@web/server/credit/credit-queries'
import { listBlacklist } from '@web/server/credit/list-blacklist'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(blacklistListQuerySchema, request)
  return Response.json(await listBlacklist(getDb(), query))
})
