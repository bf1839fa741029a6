import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { personIdPathSchema } from '@web/server/practitioners/practitioner-queries'
import { getPractitioner } from '@web/server/practitioners/practitioners-repository'

export const GET = apiRoute<{ id: string }>(async (_request, { params }) => {
  const { id } = personIdPathSchema.parse(await params)
  const practitioner = await getPractitioner(id)
  if (!practitioner) throw ApiError.notFound('该从业人员')
  return Response.json(practitioner)
})
