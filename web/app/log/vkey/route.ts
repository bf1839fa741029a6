// GET /log/vkey: the log's verifier key in C2SP signed-note form (`<origin>+<key hash>+<base64>`),
// what a monitor or the mini-program pins to check checkpoints. Public part only, on every instance.
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { portalLogKey } from '@web/lib/transparency-log/portal-log'
import { LogKeyError } from '@web/server/transparency-log/log-key'

export const GET = apiRoute(async () => {
  let verifierKey: string
  try {
    verifierKey = portalLogKey().verifierKey
  } catch (error) {
    if (!(error instanceof LogKeyError)) throw error
    throw ApiError.serviceUnavailable('透明日志公钥尚未配置，请稍后再试', { 'Cache-Control': 'no-store', 'Retry-After': '300' })
  }
  return new Response(`${verifierKey}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' },
  })
})

export const HEAD = GET
