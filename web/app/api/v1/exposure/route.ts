import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { exposureListQuerySchema } from '@web/server/records/exposure-queries'
import { getDb } from '@web/lib/db'
import { listExposureEntries } from '@web/server/records/list-exposure-entries'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(exposureListQuerySchema, request)
  return Response.json(await listExposureEntries(getDb(), query))
})
