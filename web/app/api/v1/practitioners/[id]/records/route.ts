import { ApiError } from '@web/lib/api/api-error'
import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { personIdPathSchema, subjectRecordsQuerySchema } from '@web/server/practitioners/practitioner-queries'
import { listPractitionerRecords } from '@web/server/practitioners/list-practitioner-records'

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = personIdPathSchema.parse(await params)
  const query = parseQuery(subjectRecordsQuerySchema, request)
  const page = await listPractitionerRecords(getDb(), id, query)
  if (!page) throw ApiError.notFound('该从业人员')
  return Response.json(page)
})
