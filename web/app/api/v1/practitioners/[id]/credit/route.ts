// A practitioner's credit grade explained, computed live on today's China date.
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { personIdPathSchema } from '@web/server/practitioners/practitioner-queries'
import { explainPractitionerCredit } from '@web/server/credit/explain-practitioner-credit'

export const GET = apiRoute<{ id: string }>(async (_request, { params }) => {
  const { id } = personIdPathSchema.parse(await params)
  const credit = await explainPractitionerCredit(getDb(), id)
  if (!credit) throw ApiError.notFound('该从业人员')
  return Response.json(credit)
})
