import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { getPermit } from '@web/server/permits/get-permit'
import { safeDecode } from '@web/server/lib/safe-decode'

export const GET = apiRoute<{ permitNumber: string }>(async (_request, { params }) => {
  const { permitNumber } = await params
  const permit = await getPermit(getDb(), safeDecode(permitNumber))
  if (!permit) throw ApiError.notFound('该施工许可证')
  return Response.json(permit)
})
