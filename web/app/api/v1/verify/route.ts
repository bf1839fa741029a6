// Certificate QR verification: GET /api/v1/verify?code=… or POST {"code": "…"}. The code is the
// scanned text (portal URL or bare payload). A missing or oversized code is a 400 and a POST body
// over 4 KB a 413 (also chunked); a POST must be application/json (415) and not come from a browser
// on another site (403; GET is the cross-origin way); anything else is answered 200 with valid and genuine true/false and a reason. Each
// client has VERIFY_RATE_LIMIT_PER_MINUTE verifications a window (VERIFY_RATE_LIMIT_WINDOW_SECONDS, default
// a minute), then 429 with Retry-After.
import { ApiError } from '@web/lib/api/api-error'
import { answerPreflight, apiRoute, json, jsonPostRoute, parseQuery, readJsonBody } from '@web/lib/api/api-route'
import { env } from '@web/lib/env'
import { checkCertificateCode, enforceVerifyRateLimit } from '@web/lib/certificates/portal-certificates'
import { KeyRingUnavailableError } from '@web/server/certificates/signing-keys'
import { MAX_VERIFY_BODY_BYTES as MAX_BODY_BYTES, verifyInputSchema as verifyInput } from '@web/lib/openapi/verify-operations'

async function answer(code: string) {
  try {
    return json(await checkCertificateCode(code), { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    if (!(error instanceof KeyRingUnavailableError)) throw error
    throw ApiError.serviceUnavailable('证书核验服务尚未配置，请稍后再试', { 'Cache-Control': 'no-store' })
  }
}

export const GET = apiRoute(async (request) => {
  const { code } = parseQuery(verifyInput, request)
  await enforceVerifyRateLimit(request)
  return answer(code)
})

export const POST = jsonPostRoute(() => env.PORTAL_ORIGIN, async (request) => {
  await enforceVerifyRateLimit(request)
  const { code } = verifyInput.parse(await readJsonBody(request, MAX_BODY_BYTES, '请求体必须是 JSON：{"code": "…"}'))
  return answer(code)
})

export const OPTIONS = answerPreflight
