import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { statisticsQuerySchema } from '@web/server/statistics/statistics-queries'
import { getPermitStatistics } from '@web/server/statistics/get-permit-statistics'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(statisticsQuerySchema, request)
  return Response.json(await getPermitStatistics(getDb(), query, new Date()))
})
