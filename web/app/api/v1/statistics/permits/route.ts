import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { resolveStatisticsPeriod, statisticsQuerySchema } from '@web/server/statistics/statistics-queries'
import { getPermitStatistics } from '@web/server/statistics/statistics-report-repository'

export const GET = apiRoute(async (request) => {
  const asOf = new Date()
  const period = resolveStatisticsPeriod(parseQuery(statisticsQuerySchema, request), asOf)
  return Response.json(await getPermitStatistics(period, asOf))
})
