import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { resolveStatisticsPeriod, statisticsQuerySchema } from '@web/lib/queries/statistics-queries'
import { getPermitStatistics } from '@web/lib/repositories/statistics-report-repository'

export const GET = apiRoute(async (request) => {
  const asOf = new Date()
  const period = resolveStatisticsPeriod(parseQuery(statisticsQuerySchema, request), asOf)
  return Response.json(await getPermitStatistics(period, asOf))
})
