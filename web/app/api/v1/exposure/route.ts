import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { exposureListQuerySchema } from '@web/server/records/exposure-queries'
import { listExposureEntries } from '@web/server/records/exposure-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(exposureListQuerySchema, request)
  return Response.json(await listExposureEntries(query))
})
