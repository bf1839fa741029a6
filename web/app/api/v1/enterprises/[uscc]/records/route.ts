import { ApiError } from '@web/lib/api/api-error'
import { apiRoute, parseQuery } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { subjectRecordsQuerySchema, usccPathSchema } from '@web/server/enterprises/enterprise-queries'
import { listEnterpriseRecords } from '@web/server/enterprises/list-enterprise-records'

export const GET = apiRoute<{ uscc: string }>(async (request, { params }) => {
  const { uscc } = usccPathSchema.parse(await params)
  const query = parseQuery(subjectRecordsQuerySchema, request)
  const page = await listEnterpriseRecords(getDb(), uscc, query)
  if (!page) throw ApiError.notFound('该企业')
  return Response.json(page)
})
