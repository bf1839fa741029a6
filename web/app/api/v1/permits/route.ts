import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { permitListQuerySchema } from '@web/lib/queries/permit-queries'
import { listPermits } from '@web/lib/repositories/permits-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(permitListQuerySchema, request)
  return Response.json(await listPermits(query))
})
