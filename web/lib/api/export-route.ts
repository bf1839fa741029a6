// The list exports (GET /api/v1/…/export): an API route that first takes one of this process's
// export slots (EXPORT_MAX_CONCURRENT in all, EXPORT_MAX_CONCURRENT_PER_CLIENT per client) and
// holds it until the download has been streamed or abandoned; with none free it answers 429 with
// Retry-After. The count is per process: each instance protects its own connections and cores.
// The back office's exports take the same slots (web/lib/staff/staff-export-route.ts).
import { env } from '@web/lib/env'
import { clientKeyOf } from '@web/server/rate-limit/client-key'
import { createConcurrencyCap, releaseWhenStreamed, type ConcurrencyCap } from '@web/server/rate-limit/concurrency-cap'
import { ApiError } from './api-error'
import { apiRoute } from './api-route'

/** Seconds a refused client is told to wait: an export of a whole list takes seconds, not minutes. */
export const EXPORT_RETRY_AFTER_SECONDS = 10
/** No export stream holds its slot longer than this, even one never read to the end. */
const EXPORT_SLOT_MAX_HOLD_MS = 15 * 60_000

type RouteContext<P> = { params: Promise<P> }

const globalForExports = globalThis as typeof globalThis & { __exportCap?: ConcurrencyCap }

/** What a client over the cap is told, with Retry-After. */
export const EXPORT_BUSY_MESSAGE = `同时进行的导出过多，请 ${EXPORT_RETRY_AFTER_SECONDS} 秒后再试`

/** This process's export slots: the public list exports and the back office's exports share them. */
export function exportCap(): ConcurrencyCap {
  return (globalForExports.__exportCap ??= createConcurrencyCap({
    total: env.EXPORT_MAX_CONCURRENT,
    perClient: env.EXPORT_MAX_CONCURRENT_PER_CLIENT,
    maxHoldMs: EXPORT_SLOT_MAX_HOLD_MS,
  }))
}

/**
 * `handler`'s response, run and its body streamed inside a slot of `cap` for the request's client
 * (given back once the body has been read, has failed or was abandoned; at once for a refusal), or
 * null with no slot free.
 */
export async function inExportSlot(cap: ConcurrencyCap, request: Request, handler: () => Promise<Response>): Promise<Response | null> {
  const release = cap.tryAcquire(clientKeyOf(request.headers))
  if (!release) return null
  try {
    const response = await handler()
    // a refusal (401, 403, 400 …) is a short message, not an export: its slot is free at once
    if (!response.ok) {
      release()
      return response
    }
    return releaseWhenStreamed(response, release)
  } catch (error) {
    release()
    throw error
  }
}

/** An apiRoute whose handler runs, and whose body streams, inside an export slot of `cap`. */
export function cappedRoute<P = Record<string, never>>(
  cap: () => ConcurrencyCap,
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return apiRoute<P>(async (request, context) => {
    const response = await inExportSlot(cap(), request, () => handler(request, context))
    if (!response) {
      throw new ApiError('rate_limited', 429, EXPORT_BUSY_MESSAGE, [], {
        'Retry-After': String(EXPORT_RETRY_AFTER_SECONDS),
        'Cache-Control': 'no-store',
      })
    }
    return response
  })
}

/** A list export route on this process's export slots. */
export function exportRoute<P = Record<string, never>>(handler: (request: Request, context: RouteContext<P>) => Promise<Response>) {
  return cappedRoute<P>(exportCap, handler)
}
