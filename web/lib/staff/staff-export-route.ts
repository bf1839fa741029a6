// The back office's downloads (/admin/audit/export, /admin/statistics/export,
// /admin/imports/<id>/problems) take one of the process's export slots, the same ones as the public
// list exports (web/lib/api/export-route.ts), for the whole of their work and streaming: a staff
// export reads as much as a public one, and a stolen session or a stuck script must not be able to
// take every connection. Over the cap: 429 with Retry-After and a JSON { error } as the other
// staff routes answer, never cached, no CORS headers. The slot is taken first; a refused request
// (signed out, forbidden, a bad filter) gives it back at once.
import { NextResponse } from 'next/server'
import { EXPORT_BUSY_MESSAGE, EXPORT_RETRY_AFTER_SECONDS, exportCap, inExportSlot } from '@web/lib/api/export-route'
import type { ConcurrencyCap } from '@web/server/rate-limit/concurrency-cap'

export function staffExportRoute<C>(handler: (request: Request, context: C) => Promise<Response>, cap: () => ConcurrencyCap = exportCap) {
  // the context is optional as for any route handler: a route without path parameters gets none
  return async (request: Request, context?: C): Promise<Response> =>
    (await inExportSlot(cap(), request, () => handler(request, context as C))) ??
    NextResponse.json({ error: EXPORT_BUSY_MESSAGE }, { status: 429, headers: { 'Retry-After': String(EXPORT_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } })
}
