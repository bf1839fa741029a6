// The request proxy (Next 16's middleware): every request passes here first.
//  1. A URL the app cannot read (bad percent-escapes, over 2,048 characters) → 400 at once.
//  2. Security headers on every response, with a fresh CSP nonce per request; Next reads the nonce
//     from the request's Content-Security-Policy header and puts it on its own scripts.
//  3. A public detail page whose record does not exist → the not-found page with HTTP 404. Under
//     cacheComponents the page streams, so its own notFound() comes after a 200 has been sent.
//  4. On a public instance (PORTAL_ROLE=public) the staff pages, their server actions and the
//     exchange API do not exist: 404 for every method, before any page or session code runs.
import { randomBytes } from 'node:crypto'
import { NextResponse, type NextRequest } from 'next/server'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { servesPath } from '@web/lib/instance-role'
import { matchDetailRoute } from '@web/lib/security/detail-routes'
import { badRequestHtml, badRequestJson, checkRequestPath } from '@web/lib/security/request-path'
import { isHttpsRequest, responseKindOf, securityHeaders } from '@web/lib/security/security-headers'
import { publicDetailExists } from '@web/server/detail-pages/public-detail-exists'

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
  const route = matchDetailRoute(pathname)
  if (!route || !isDocumentRequest(request)) return false
  try {
    return !(await publicDetailExists(getDb(), route.kind, route.rawParam))
  } catch {
    // the database is unreachable: let the page answer (its error page says so)
    return false
  }
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
    if (!api) withStyles['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    for (const [name, value] of Object.entries(withStyles)) answer.headers.set(name, value)
    answer.headers.set('Cache-Control', 'no-store')
    return answer
  }

  const requestHeaders = new Headers(request.headers)
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
