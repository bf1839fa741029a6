import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { permitListQuerySchema } from '@web/server/permits/permit-queries'
import { listPermits } from '@web/server/permits/list-permits'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(permitListQuerySchema, request)
  return Response.json(await listPermits(getDb(), query))
})
