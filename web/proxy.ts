// The request proxy (Next 16's middleware): every request passes here first.
//  1. A URL the app cannot read (bad percent-escapes, over 2,048 characters) → 400 at once.
//  2. Security headers on every response, with a fresh CSP nonce per request; Next reads the nonce
//     from the request's Content-Security-Policy header and puts it on its own scripts.
//  3. A public detail page whose record does not exist → the not-found page with HTTP 404. Under
//     cacheComponents the page streams, so its own notFound() comes after a 200 has been sent.
//  4. On a public instance (PORTAL_ROLE=public) the staff pages, their server actions and the
//     exchange API do not exist: 404 for every method, before any page or session code runs.
//  5. A back-office detail page whose object the signed-in staff member cannot see (missing, or
//     of another region: the same answer) → the not-found page with HTTP 404, for the same reason
//     as 3. Without a session the page's own sign-in redirect answers.
//  6. /v/<payload> counts against the verify API's budget here; over it, a document request gets
//     HTTP 429 with Retry-After and a small 请求过于频繁 page, not a 200 streamed before the count.
// Other paths pay for none of the look-ups: each starts with a prefix test.
import { randomBytes } from 'node:crypto'
import { NextResponse, type NextRequest } from 'next/server'
import { countPageVerification } from '@web/lib/certificates/portal-certificates'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { servesPath } from '@web/lib/instance-role'
import { matchAdminDetailRoute } from '@web/lib/security/admin-detail-routes'
import { matchDetailRoute } from '@web/lib/security/detail-routes'
import { badRequestHtml, badRequestJson, checkRequestPath } from '@web/lib/security/request-path'
import { isHttpsRequest, responseKindOf, securityHeaders } from '@web/lib/security/security-headers'
import { encodeVerifyBudget, isVerifyPagePath, tooManyVerificationsHtml, VERIFY_BUDGET_HEADER } from '@web/lib/security/verify-page-budget'
import { clientIpOf, isSecureRequest as isSecureStaffRequest, sessionCookieName, sessionSettings } from '@web/lib/staff/session-cookie'
import { publicDetailExists } from '@web/server/detail-pages/public-detail-exists'
import { staffDetailHidden } from '@web/server/detail-pages/staff-detail-hidden'
import type { RateLimitDecision } from '@web/server/rate-limit/rate-limiter'

/** The proxy's own small pages (400, 429) have inline style attributes and nothing else. */
const INLINE_STYLE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

/** Renders app/not-found.tsx: Next's built-in route for unmatched URLs. */
const NOT_FOUND_ROUTE = '/_not-found'

/** The path and query as sent, still percent-encoded (URL keeps escapes as they are). */
function rawPathAndQuery(requestUrl: string): string {
  const url = new URL(requestUrl)
  return url.pathname + url.search
}

function isDocumentRequest(request: NextRequest): boolean {
  // client navigations and prefetches fetch RSC payloads; the router handles their not-found itself
  if (request.headers.has('rsc') || request.headers.has('next-router-prefetch')) return false
  return request.method === 'GET' || request.method === 'HEAD'
}

async function recordMissing(request: NextRequest, pathname: string): Promise<boolean> {
  if (!isDocumentRequest(request)) return false
  const route = matchDetailRoute(pathname)
  const adminRoute = route ? null : matchAdminDetailRoute(pathname)
  if (!route && !adminRoute) return false
  try {
    if (route) return !(await publicDetailExists(getDb(), route.kind, route.rawParam))
    const token = request.cookies.get(sessionCookieName(isSecureStaffRequest(request.headers)))?.value
    // no cookie: no look-up, the page redirects to the sign-in
    if (!token || !adminRoute) return false
    const session = { token, settings: sessionSettings(), clientIp: clientIpOf(request.headers) }
    return await staffDetailHidden(getDb(), session, adminRoute.kind, adminRoute.rawParam, { objectionAnswerDays: env.OBJECTION_ANSWER_DAYS })
  } catch {
    // the database is unreachable: let the page answer (its error page says so)
    return false
  }
}

/**
 * Counts a /v/ page request against the verify budget, or null when this request is not one the
 * page counts: another path or method, or a prefetch (which renders no verdict).
 */
async function verifyPageBudget(request: NextRequest, pathname: string): Promise<RateLimitDecision | null> {
  if (!isVerifyPagePath(pathname) || (request.method !== 'GET' && request.method !== 'HEAD') || request.headers.has('next-router-prefetch')) return null
  return countPageVerification(request.headers)
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const url = new URL(request.url)
  const pathname = url.pathname
  const secure = isHttpsRequest(url, request.headers.get('x-forwarded-proto'), env.TRUSTED_PROXY_COUNT)
  const nonce = randomBytes(16).toString('base64')
  const kind = responseKindOf(pathname)
  const headers = securityHeaders({ kind, nonce, pathname, secure, development: env.NODE_ENV === 'development' })

  const problem = checkRequestPath(rawPathAndQuery(request.url))
  if (problem) {
    const api = pathname.startsWith('/api/') || pathname === '/api'
    const answer = api
      ? new NextResponse(badRequestJson(problem), { status: 400, headers: { 'Content-Type': 'application/json; charset=utf-8' } })
      : new NextResponse(badRequestHtml(problem), { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
    // the page has inline style attributes and nothing else: the resource policy plus inline styles
    const withStyles = { ...securityHeaders({ kind: 'resource', nonce, pathname, secure }) }
    if (!api) withStyles['Content-Security-Policy'] = INLINE_STYLE_PAGE_CSP
    for (const [name, value] of Object.entries(withStyles)) answer.headers.set(name, value)
    answer.headers.set('Cache-Control', 'no-store')
    return answer
  }

  const requestHeaders = new Headers(request.headers)
  // only this proxy says how the /v/ page's request was counted
  requestHeaders.delete(VERIFY_BUDGET_HEADER)
  if (kind === 'page') {
    requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy'])
    requestHeaders.set('x-nonce', nonce)
  }
  if (!servesPath(env.PORTAL_ROLE, pathname)) {
    const answer = pathname.startsWith('/api/')
      ? new NextResponse(JSON.stringify({ error: { code: 'not_found', message: '本实例不提供此接口' } }), { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' } })
      : NextResponse.rewrite(new URL(NOT_FOUND_ROUTE, request.url), { status: 404, request: { headers: requestHeaders } })
    for (const [name, value] of Object.entries(headers)) answer.headers.set(name, value)
    return answer
  }

  const budget = await verifyPageBudget(request, pathname)
  if (budget) {
    requestHeaders.set(VERIFY_BUDGET_HEADER, encodeVerifyBudget(budget))
    if (!budget.allowed && isDocumentRequest(request)) {
      // the status the API would give (a client navigation's RSC request gets the page's own message)
      const refused = new NextResponse(request.method === 'HEAD' ? null : tooManyVerificationsHtml(budget), {
        status: 429,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(budget.retryAfterSeconds) },
      })
      for (const [name, value] of Object.entries(securityHeaders({ kind: 'resource', nonce, pathname, secure }))) refused.headers.set(name, value)
      refused.headers.set('Content-Security-Policy', INLINE_STYLE_PAGE_CSP)
      refused.headers.set('Cache-Control', 'no-store')
      return refused
    }
  }

  const response = (await recordMissing(request, pathname))
    ? NextResponse.rewrite(new URL(NOT_FOUND_ROUTE, request.url), { status: 404, request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

/**
 * Every path but those that take large or streamed bodies: for a request the proxy sees, Next reads
 * the whole body into memory first (and cuts it at proxyClientMaxBodySize), so these routes could
 * neither refuse an oversized chunked body at once nor take a 200 MiB import. They count their
 * bodies themselves (web/lib/api/read-limited-body.ts), set their own JSON headers, get the static
 * security headers of web/next.config.ts, and check the instance role in their wrappers.
 */
export const config = {
  matcher: [{ source: '/((?!api/v1/objections$|api/v1/verify$|api/exchange/|admin/imports/upload$).*)' }],
}
