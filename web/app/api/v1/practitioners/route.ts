import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { practitionerListQuerySchema } from '@web/server/practitioners/practitioner-queries'
import { listPractitioners } from '@web/server/practitioners/list-practitioners'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(practitionerListQuerySchema, request)
  return Response.json(await listPractitioners(getDb(), query))
})
