import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { exposureListQuerySchema } from '@web/lib/queries/exposure-queries'
import { listExposureEntries } from '@web/lib/repositories/exposure-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(exposureListQuerySchema, request)
  return Response.json(await listExposureEntries(query))
})
