import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { personIdPathSchema } from '@web/server/practitioners/practitioner-queries'
import { getPractitionerProfile } from '@web/server/practitioners/get-practitioner-profile'

export const GET = apiRoute<{ id: string }>(async (_request, { params }) => {
  const { id } = personIdPathSchema.parse(await params)
  const practitioner = await getPractitionerProfile(getDb(), id)
  if (!practitioner) throw ApiError.notFound('该从业人员')
  return Response.json(practitioner)
})
