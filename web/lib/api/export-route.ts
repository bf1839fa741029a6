// The list exports (GET /api/v1/…/export): an API route that first takes one of this process's
// export slots (EXPORT_MAX_CONCURRENT in all, EXPORT_MAX_CONCURRENT_PER_CLIENT per client) and
// holds it until the download has been streamed or abandoned; with none free it answers 429 with
// Retry-After. The count is per process: each instance protects its own connections and cores.
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

function exportCap(): ConcurrencyCap {
  return (globalForExports.__exportCap ??= createConcurrencyCap({
    total: env.EXPORT_MAX_CONCURRENT,
    perClient: env.EXPORT_MAX_CONCURRENT_PER_CLIENT,
    maxHoldMs: EXPORT_SLOT_MAX_HOLD_MS,
  }))
}

/** An apiRoute whose handler runs, and whose body streams, inside an export slot of `cap`. */
export function cappedRoute<P = Record<string, never>>(
  cap: () => ConcurrencyCap,
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return apiRoute<P>(async (request, context) => {
    const release = cap().tryAcquire(clientKeyOf(request.headers))
    if (!release) {
      throw new ApiError('rate_limited', 429, `同时进行的导出过多，请 ${EXPORT_RETRY_AFTER_SECONDS} 秒后再试`, [], {
        'Retry-After': String(EXPORT_RETRY_AFTER_SECONDS),
        'Cache-Control': 'no-store',
      })
    }
    try {
      return releaseWhenStreamed(await handler(request, context), release)
    } catch (error) {
      release()
      throw error
    }
  })
}

/** A list export route on this process's export slots. */
export function exportRoute<P = Record<string, never>>(handler: (request: Request, context: RouteContext<P>) => Promise<Response>) {
  return cappedRoute<P>(exportCap, handler)
}
