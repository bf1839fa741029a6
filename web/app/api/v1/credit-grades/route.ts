import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { creditGradeListQuerySchema } from '@web/server/credit/credit-queries'
import { listCreditGrades } from '@web/server/credit/list-credit-grades'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(creditGradeListQuerySchema, request)
  return Response.json(await listCreditGrades(getDb(), query))
})
