import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { filingNumberParam } from '@web/server/completion-filings/completion-filing-queries'
import { getCompletionFiling } from '@web/server/completion-filings/get-completion-filing'

export const GET = apiRoute<{ filingNumber: string }>(async (_request, { params }) => {
  const { filingNumber } = await params
  const filing = await getCompletionFiling(getDb(), filingNumberParam(filingNumber))
  if (!filing) throw ApiError.notFound('该竣工验收备案')
  return Response.json(filing)
})
