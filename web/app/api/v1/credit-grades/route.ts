import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { creditGradeListQuerySchema } from '@web/lib/queries/credit-queries'
import { listCreditGrades } from '@web/lib/repositories/credit-grades-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(creditGradeListQuerySchema, request)
  return Response.json(await listCreditGrades(query))
})
