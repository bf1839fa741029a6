// The scoring standard (诚信评分标准) as published: the data the engine scores with.
import { CURRENT_STANDARD, standardFor } from '@shared/scoring'
import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { scoringStandardQuerySchema } from '@web/lib/openapi/credit-operations'

export const GET = apiRoute(async (request) => {
  const { version } = parseQuery(scoringStandardQuerySchema, request)
  return Response.json(version ? standardFor(version) : CURRENT_STANDARD)
})
