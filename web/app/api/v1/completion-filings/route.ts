import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { completionFilingListQuerySchema } from '@web/lib/queries/completion-filing-queries'
import { listCompletionFilings } from '@web/lib/repositories/completion-filings-repository'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(completionFilingListQuerySchema, request)
  return Response.json(await listCompletionFilings(query))
})
