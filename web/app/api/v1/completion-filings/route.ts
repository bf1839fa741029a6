import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { completionFilingListQuerySchema } from '@web/server/completion-filings/completion-filing-queries'
import { listCompletionFilings } from '@web/server/completion-filings/list-completion-filings'

export const GET = apiRoute(async (request) => {
  const query = parseQuery(completionFilingListQuerySchema, request)
  return Response.json(await listCompletionFilings(getDb(), query))
})
