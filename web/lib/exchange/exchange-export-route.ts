// The exchange API's streamed export (GET /api/exchange/v1/ministry-export) takes one of this
// process's export slots, the same ones as the public list exports and the back office's downloads
// (web/lib/api/export-route.ts), for the whole of its work and streaming: a token with read scope
// must not be able to hold every connection with concurrent full exports. The slot is taken
// before the token is checked and given back at once for any refusal; over the cap the answer is
// the exchange API's own 429 error body with Retry-After.
import { EXPORT_BUSY_MESSAGE, EXPORT_RETRY_AFTER_SECONDS, exportCap, inExportSlot } from '@web/lib/api/export-route'
import type { ConcurrencyCap } from '@web/server/rate-limit/concurrency-cap'
import { exchangeJson } from './exchange-route'

type Route<C> = (request: Request, context?: C) => Promise<Response>

export function cappedExchangeRoute<C>(route: Route<C>, cap: () => ConcurrencyCap = exportCap): Route<C> {
  return async (request, context) =>
    (await inExportSlot(cap(), request, () => route(request, context))) ??
    exchangeJson(429, { error: { code: 'rate_limited', message: EXPORT_BUSY_MESSAGE } }, { 'Retry-After': String(EXPORT_RETRY_AFTER_SECONDS) })
}
