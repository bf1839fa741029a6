// The scoring standard (诚信评分标准) as published: the data the engine scores with.
import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { scoringStandardQuerySchema } from '@web/server/credit/credit-queries'
import { getScoringStandard } from '@web/server/credit/get-scoring-standard'

export const GET = apiRoute(async (request) => {
  const { version } = parseQuery(scoringStandardQuerySchema, request)
  return Response.json(getScoringStandard(version))
})
