// The wrapper every exchange API route handler (/api/exchange/v1/…) is built with. In order, it:
//   0. counts the request against the client address's limit (EXCHANGE_RATE_LIMIT_PER_ADDRESS per
//      window), before any token is read: 429 with Retry-After over it;
//   1. requires `Authorization: Bearer <token>` and resolves the token from the database on every
//      request (web/server/api-tokens/authenticate-api-token.ts): none, unknown, revoked or expired
//      all answer 401 alike; then counts it against the token's limit (EXCHANGE_RATE_LIMIT_PER_TOKEN
//      per window, across instances when Redis is configured): 429 with Retry-After over it;
//   2. checks the token's scope for the route (403);
//   3. for POST: requires a JSON body (415), at most EXCHANGE_MAX_BODY_BYTES (413), and an
//      Idempotency-Key header (400 naming it);
//   4. runs the handler and maps the application layer's refusals to JSON answers naming the field.
// It reads no cookie and sets none, adds no CORS header (other departments' servers call it, not
// browsers), and every answer is JSON with Cache-Control: no-store (the ministry export streams
// JSON Lines or CSV instead).
import type { ApiTokenScope } from '@shared/staff-forms/api-tokens'
import { readLimitedText } from '@web/lib/api/read-limited-body'
import type { ExchangeErrorCode } from './exchange-error-schema'
import { getDb, type Db } from '@web/lib/db'
import { env } from '@web/lib/env'
import { servesPath } from '@web/lib/instance-role'
import { authenticateApiToken, type ApiCaller } from '@web/server/api-tokens/authenticate-api-token'
import { KeyFileError, KeyRingUnavailableError, NoSigningKeyError } from '@web/server/certificates/signing-keys'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { clientKeyOf, UNKNOWN_CLIENT } from '@web/server/rate-limit/client-key'
import { countKey, rateLimitSettingsFrom, type RateLimitSettings } from '@web/server/rate-limit/configured-limiter'
import type { RateLimitDecision } from '@web/server/rate-limit/rate-limiter'

export const EXCHANGE_MAX_BODY_BYTES = 4 * 1024 * 1024

export interface ExchangeRequest {
  db: Db
  caller: ApiCaller
  /** the body as received (POST only; '' otherwise) */
  body: string
  /** the Idempotency-Key header (POST only; '' otherwise) */
  idempotencyKey: string
  /** the route's path parameters, decoded */
  params: Record<string, string>
  /** the query string's parameters (each given once; a repeated one is the last) */
  query: Record<string, string>
  /** the URL path's last segment, decoded: the key of a read endpoint when `params` lacks it */
  lastSegment: string
}

export interface ExchangeAnswer {
  status: number
  /** the JSON answer; ignored when `stream` is given */
  body: unknown
  headers?: Record<string, string>
  /** a streamed answer instead of JSON (the ministry export): its Content-Type goes in `headers` */
  stream?: ReadableStream<Uint8Array>
}

export type ExchangeHandler = (request: ExchangeRequest) => Promise<ExchangeAnswer>

/** What the wrapper needs from the server; tests pass a test database. */
export interface ExchangeRouteDeps {
  db(): Db
  authenticate(db: Db, token: string, clientIp: string | null, now: Date): Promise<ApiCaller | null>
  clientIp(headers: Headers): string | null
  now(): Date
  /**
   * Counts one request of the client address (before authentication) or of the token (its id)
   * against its limit. Left out by tests that are not about the limits.
   */
  limit?(kind: ExchangeLimitKind, key: string, now: Date): Promise<RateLimitDecision>
}

export type ExchangeLimitKind = 'address' | 'token'

export interface ExchangeRateLimits {
  perToken: number
  perAddress: number
  windowSeconds: number
}

/** The limits counted in the portal's rate-limit store (Redis when configured, else this process). */
export function exchangeRateLimit(limits: ExchangeRateLimits, settings: RateLimitSettings): NonNullable<ExchangeRouteDeps['limit']> {
  return (kind, key, now) =>
    countKey(`exchange-${kind}`, kind === 'token' ? limits.perToken : limits.perAddress, limits.windowSeconds * 1000, key, settings, now.getTime())
}

function rateLimited(kind: ExchangeLimitKind, decision: RateLimitDecision): Response {
  const who = kind === 'token' ? '此令牌' : '此地址'
  return exchangeError(429, 'rate_limited', `${who}的请求过多（每个时间窗口至多 ${decision.limit} 次），请 ${decision.retryAfterSeconds} 秒后再试`, {}, {
    'Retry-After': String(decision.retryAfterSeconds),
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': '0',
  })
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/

export function exchangeJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers },
  })
}

function exchangeError(status: number, code: ExchangeErrorCode, message: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}): Response {
  const issues = Object.entries(fields).map(([field, m]) => ({ field, message: m }))
  return exchangeJson(status, { error: { code, message, ...(issues.length > 0 ? { issues } : {}) } }, headers)
}

const UNAUTHORIZED = () =>
  exchangeError(401, 'unauthorized', '缺少有效的访问令牌：请在 Authorization 头中提供 Bearer 令牌', { Authorization: '令牌缺失、无效、已撤销或已过期' }, { 'WWW-Authenticate': 'Bearer realm="exchange"' })

function bearerOf(request: Request): string | null {
  const match = /^Bearer ([^\s]+)$/i.exec(request.headers.get('authorization')?.trim() ?? '')
  return match ? match[1] : null
}

export function createExchangeRoute(deps: ExchangeRouteDeps) {
  return function exchangeRoute<P extends Record<string, string> = Record<string, never>>(
    scope: ApiTokenScope,
    handler: ExchangeHandler,
  ): (request: Request, context?: { params: Promise<P> }) => Promise<Response> {
    return async (request, context) => {
      const now = deps.now()
      const clientIp = deps.clientIp(request.headers)
      if (deps.limit) {
        const byAddress = await deps.limit('address', clientIp ?? UNKNOWN_CLIENT, now)
        if (!byAddress.allowed) return rateLimited('address', byAddress)
      }
      const token = bearerOf(request)
      if (!token) return UNAUTHORIZED()
      const db = deps.db()
      const caller = await deps.authenticate(db, token, clientIp, now)
      if (!caller) return UNAUTHORIZED()
      if (deps.limit) {
        const byToken = await deps.limit('token', caller.tokenId, now)
        if (!byToken.allowed) return rateLimited('token', byToken)
      }
      if (!caller.scopes.includes(scope)) return exchangeError(403, 'forbidden', `令牌没有此接口所需的权限范围（${scope}）`)

      let body = ''
      let idempotencyKey = ''
      if (request.method === 'POST') {
        const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
        if (type !== 'application/json') return exchangeError(415, 'unsupported_media_type', '请求体应为 JSON（Content-Type: application/json）', { 'Content-Type': '应为 application/json' })
        const declared = Number(request.headers.get('content-length') ?? '0')
        if (declared > EXCHANGE_MAX_BODY_BYTES) return exchangeError(413, 'payload_too_large', `请求体不能超过 ${EXCHANGE_MAX_BODY_BYTES / 1024 / 1024} MiB`)
        idempotencyKey = request.headers.get('idempotency-key')?.trim() ?? ''
        if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
          return exchangeError(400, 'bad_request', '每个写入请求都须带 Idempotency-Key 头（1–200 个可见 ASCII 字符，每个新请求一个新值）', { 'Idempotency-Key': '缺失或格式无效' })
        }
        const text = await readLimitedText(request, EXCHANGE_MAX_BODY_BYTES)
        if (text === null) return exchangeError(413, 'payload_too_large', `请求体不能超过 ${EXCHANGE_MAX_BODY_BYTES / 1024 / 1024} MiB`)
        body = text
      }

      try {
        const url = new URL(request.url)
        const params: Record<string, string> = { ...(await context?.params) }
        const query = Object.fromEntries(url.searchParams)
        const lastSegment = decodeURIComponent(url.pathname.split('/').pop() ?? '')
        const answer = await handler({ db, caller, body, idempotencyKey, params, query, lastSegment })
        if (answer.stream) {
          return new Response(answer.stream, { status: answer.status, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...answer.headers } })
        }
        return exchangeJson(answer.status, answer.body, answer.headers)
      } catch (error) {
        if (error instanceof InputError) return exchangeError(400, 'bad_request', error.message, error.fields)
        if (error instanceof ForbiddenError) return exchangeError(403, 'forbidden', error.message)
        if (error instanceof NotFoundError) return exchangeError(404, 'not_found', error.message)
        if (error instanceof ConflictError) return exchangeError(409, 'conflict', error.message)
        // permits and completion filings are signed as they are written: no key, nothing written
        if (error instanceof KeyRingUnavailableError || error instanceof KeyFileError || error instanceof NoSigningKeyError) {
          console.error('exchange API: cannot sign certificates', error)
          return exchangeError(503, 'service_unavailable', '本服务器暂不能签发证书（签名密钥未配置），请求未写入任何数据；请稍后用同一 Idempotency-Key 重试')
        }
        console.error('exchange API error', error)
        return exchangeError(500, 'internal_error', '服务器内部错误，请求未完成；若为写入请求，可用同一 Idempotency-Key 重试')
      }
    }
  }
}

/** The wrapper on this server's database and settings. */
const configuredExchangeRoute = createExchangeRoute({
  db: getDb,
  authenticate: authenticateApiToken,
  clientIp: (h) => {
    const key = clientKeyOf(h)
    return key === UNKNOWN_CLIENT ? null : key
  },
  now: () => new Date(),
  limit: exchangeRateLimit(
    { perToken: env.EXCHANGE_RATE_LIMIT_PER_TOKEN, perAddress: env.EXCHANGE_RATE_LIMIT_PER_ADDRESS, windowSeconds: env.EXCHANGE_RATE_LIMIT_WINDOW_SECONDS },
    rateLimitSettingsFrom(env),
  ),
})

/**
 * The wrapper of every exchange endpoint: on a public instance (PORTAL_ROLE=public) the exchange
 * API does not exist — 404 before any token is read — since it writes and signs (web/lib/instance-role.ts).
 */
export const exchangeRoute: typeof configuredExchangeRoute = (scope, handler) => {
  const route = configuredExchangeRoute(scope, handler)
  return (request) => (servesPath(env.PORTAL_ROLE, '/api/exchange') ? route(request) : Promise.resolve(exchangeError(404, 'not_found', '本实例不提供数据交换接口')))
}
