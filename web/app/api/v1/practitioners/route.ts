import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { practitionerListQuerySchema } from '@web/lib/queries/practitioner-queries'
import { listPractitioners } from '@web/lib/repositories/practitioners-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(practitionerListQuerySchema, request)
  return Response.json(await listPractitioners(query))
})
