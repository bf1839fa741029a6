// The shape of every public API route handler (after dub): parse the input with a zod schema, call
// one verb-noun function, return JSON. Errors of any kind become the one typed API error.
import { connection } from 'next/server'
import { unstable_rethrow } from 'next/navigation'
import type { z } from 'zod'
import { ApiError, toErrorResponse } from './api-error'
import { readLimitedText } from './read-limited-body'

type RouteContext<P> = { params: Promise<P> }

/**
 * What any site may read from a browser: the open-data API's GET and HEAD answers (errors
 * included, so that a page can show them). Writes never carry these (see jsonPostRoute).
 */
export const READ_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD',
  'Access-Control-Expose-Headers': 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining',
}

function isRead(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD'
}

function withHeaders(response: Response, headers: Readonly<Record<string, string>>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
    return response
  } catch {
    // a Response.redirect's headers are immutable: answer a copy
    const copy = new Response(response.body, response)
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value)
    return copy
  }
}

export function apiRoute<P = Record<string, never>>(
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let response: Response
    try {
      // Every API answer reads live data: never prerender a handler at build time.
      await connection()
      response = await handler(request, context)
    } catch (error) {
      // Next signals rendering control flow (prerender bail-outs, notFound) by throwing; let it pass.
      unstable_rethrow(error)
      response = toErrorResponse(error)
    }
    return isRead(request) ? withHeaders(response, READ_CORS_HEADERS) : response
  }
}

/** True when the request's media type is application/json (parameters such as charset allowed). */
export function isJsonContentType(contentType: string | null): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json'
}

/**
 * Refuses a write a browser page on another site could make its visitors send: an Origin header
 * other than the portal's (403; requests without one — curl, servers, the mini-program — pass)
 * and any body but application/json (415), which no cross-site <form> or simple request can send.
 */
export function refuseForeignWrite(request: Request, portalOrigin: string): void {
  const origin = request.headers.get('origin')
  if (origin !== null && origin !== new URL(portalOrigin).origin) {
    const message = '不接受来自其他网站的提交'
    throw new ApiError('forbidden', 403, message, [{ parameter: 'Origin', message: `应为 ${new URL(portalOrigin).origin} 或不发送` }])
  }
  if (!isJsonContentType(request.headers.get('content-type'))) {
    const message = '请求体必须是 JSON（Content-Type: application/json）'
    throw new ApiError('unsupported_media_type', 415, message, [{ parameter: 'Content-Type', message: '应为 application/json' }])
  }
}

/**
 * A public POST endpoint: same-origin or origin-less callers only, JSON only, no CORS headers (a
 * browser on another site may neither send it with a preflight nor read the answer).
 */
export function jsonPostRoute<P = Record<string, never>>(
  portalOrigin: () => string,
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return apiRoute<P>(async (request, context) => {
    refuseForeignWrite(request, portalOrigin())
    return handler(request, context)
  })
}

/**
 * The OPTIONS answer of an endpoint that takes POST: a preflight for GET or HEAD gets the read
 * CORS headers, any other (a cross-site POST with a JSON body) gets none, so the browser never
 * sends the write.
 */
export function answerPreflight(request: Request): Response {
  const requested = request.headers.get('access-control-request-method')?.toUpperCase()
  const headers: Record<string, string> = { Allow: 'GET, HEAD, POST, OPTIONS', 'Cache-Control': 'no-store' }
  return new Response(null, { status: 204, headers: requested === 'GET' || requested === 'HEAD' ? { ...headers, ...READ_CORS_HEADERS } : headers })
}

/** Query parameters as a plain object; a repeated parameter keeps its last value. */
export function searchParamsObject(url: string | URL): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries())
}

export function parseQuery<S extends z.ZodType>(schema: S, request: Request): z.output<S> {
  return schema.parse(searchParamsObject(request.url))
}

export function json(data: unknown, init: ResponseInit = {}) {
  return Response.json(data, init)
}

/**
 * The request body parsed as JSON, refused with 413 above maxBytes — a declared Content-Length
 * before reading, a chunked body as soon as the bytes read pass the limit — and with 400
 * (badJsonMessage) when it is not JSON. Validate the result with a zod schema.
 */
export async function readJsonBody(request: Request, maxBytes: number, badJsonMessage: string): Promise<unknown> {
  const tooLarge = () => new ApiError('payload_too_large', 413, `请求体过大（最多 ${maxBytes} 字节）`)
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge()
  const text = await readLimitedText(request, maxBytes)
  if (text === null) throw tooLarge()
  try {
    return JSON.parse(text)
  } catch {
    throw ApiError.badRequest(badJsonMessage, [{ parameter: '(root)', message: badJsonMessage }])
  }
}
