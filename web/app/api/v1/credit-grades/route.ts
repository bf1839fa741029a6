import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { creditGradeListQuerySchema } from '@web/server/credit/credit-queries'
import { listCreditGrades } from '@web/server/credit/credit-grades-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(creditGradeListQuerySchema, request)
  return Response.json(await listCreditGrades(query))
})
