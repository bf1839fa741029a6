// POST /api/v1/objections: an objection (异议) to a public integrity record, or a credit-repair
// request (信用修复) for a bad one, as JSON (objectionInputSchema). Answers 201 with the tracking
// number and the status page's address; 400 names each wrong field in Chinese (nothing is written);
// 404 when the record does not exist or is not public today (the two are not told apart, so that the
// API says nothing about a record outside its publication period); 413 for a body over 16 KB (also
// when sent chunked); 415 for anything but application/json; 403 when a browser on another site
// sends it (no CORS: other sites can neither send nor read it); 429 with Retry-After once the
// client's hourly submissions are used up.
import { objectionInputSchema } from '@shared/objections/input'
import { ApiError } from '@web/lib/api/api-error'
import { answerPreflight, jsonPostRoute, readJsonBody } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { enforceObjectionRateLimit } from '@web/server/objections/objection-rate-limit'
import { getObjection } from '@web/server/objections/get-objection'
import { ObjectionRefusedError, submitObjection } from '@web/server/objections/submit-objection'
import { rateLimitSettingsFrom } from '@web/server/rate-limit/configured-limiter'

const MAX_BODY_BYTES = 16 * 1024

export const POST = jsonPostRoute(() => env.PORTAL_ORIGIN, async (request) => {
  await enforceObjectionRateLimit(request, { ...rateLimitSettingsFrom(env), perHour: env.OBJECTION_RATE_LIMIT_PER_HOUR })
  const input = objectionInputSchema.parse(await readJsonBody(request, MAX_BODY_BYTES, '请求体必须是 JSON 对象'))
  let trackingNumber: string
  try {
    trackingNumber = await submitObjection(getDb(), input)
  } catch (error) {
    if (error instanceof ObjectionRefusedError) {
      // a refusal about the record means: no such record is public today
      if (error.field === 'recordId') throw ApiError.notFound('正在公示的该条诚信行为记录')
      throw ApiError.badRequest(error.message, [{ parameter: error.field, message: error.message }])
    }
    throw error
  }
  const view = await getObjection(getDb(), trackingNumber)
  const statusUrl = `/credit/objections/${trackingNumber}`
  return Response.json({ ...view, statusUrl }, { status: 201, headers: { Location: statusUrl, 'Cache-Control': 'no-store' } })
})

export const OPTIONS = answerPreflight
