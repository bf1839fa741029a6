// A practitioner's credit grade explained, computed live on today's China date.
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { personIdPathSchema } from '@web/server/practitioners/practitioner-queries'
import { getPractitionerCredit } from '@web/server/credit/credit-grades-repository'

export const GET = apiRoute<{ id: string }>(async (_request, { params }) => {
  const { id } = personIdPathSchema.parse(await params)
  const credit = await getPractitionerCredit(id)
  if (!credit) throw ApiError.notFound('该从业人员')
  return Response.json(credit)
})
