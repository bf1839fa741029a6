// The shape of every public API route handler (after dub): parse the input with a zod schema, call
// one verb-noun function, return JSON. Errors of any kind become the one typed API error.
import { connection } from 'next/server'
import { unstable_rethrow } from 'next/navigation'
import type { z } from 'zod'
import { ApiError, toErrorResponse } from './api-error'

type RouteContext<P> = { params: Promise<P> }

export function apiRoute<P = Record<string, never>>(
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      // Every API answer reads live data: never prerender a handler at build time.
      await connection()
      return await handler(request, context)
    } catch (error) {
      // Next signals rendering control flow (prerender bail-outs, notFound) by throwing; let it pass.
      unstable_rethrow(error)
      return toErrorResponse(error)
    }
  }
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
 * The request body parsed as JSON, refused with 413 above maxBytes (declared or actual) and with
 * 400 (badJsonMessage) when it is not JSON. Validate the result with a zod schema.
 */
export async function readJsonBody(request: Request, maxBytes: number, badJsonMessage: string): Promise<unknown> {
  const tooLarge = () => new ApiError('payload_too_large', 413, `请求体过大（最多 ${maxBytes} 字节）`)
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge()
  const text = await request.text()
  if (Buffer.byteLength(text, 'utf8') > maxBytes) throw tooLarge()
  try {
    return JSON.parse(text)
  } catch {
    throw ApiError.badRequest(badJsonMessage, [{ parameter: '(root)', message: badJsonMessage }])
  }
}
