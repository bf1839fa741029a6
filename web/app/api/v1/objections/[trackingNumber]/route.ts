// GET /api/v1/objections/{trackingNumber}: the status of an objection or credit-repair request.
// Contact details only masked, the record's details only while it is public; never cached, since
// the status changes when staff review it (and the record may leave its publication period).
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { trackingNumberParam } from '@web/server/objections/objection-queries'
import { getDb } from '@web/lib/db'
import { getObjection } from '@web/server/objections/get-objection'

export const GET = apiRoute<{ trackingNumber: string }>(async (_request, { params }) => {
  const parsed = trackingNumberParam((await params).trackingNumber)
  if (!parsed.ok) throw ApiError.badRequest(parsed.message, [{ parameter: 'trackingNumber', message: parsed.message }])
  const view = await getObjection(getDb(), parsed.trackingNumber)
  if (!view) throw ApiError.notFound('该受理编号的申请')
  return Response.json(view, { headers: { 'Cache-Control': 'no-store' } })
})
