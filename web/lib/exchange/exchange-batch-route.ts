// The batch write endpoints POST /api/exchange/v1/<kind>: body { items: [...] }, answered per item
// by web/server/exchange/write-exchange-batch.ts (the kinds' import handlers, the forms' own code).
import { portalKeyRing } from '@web/lib/certificates/portal-certificates'
import { EXCHANGE_BATCH_SCOPES, type ExchangeBatchKind } from '@web/server/exchange/exchange-kinds'
import { writeExchangeBatch } from '@web/server/exchange/write-exchange-batch'
import { importHandlers } from '@web/server/import/import-engine'
import { createExchangeRoute, exchangeRoute, type ExchangeHandler } from './exchange-route'

export function exchangeBatchHandler(kind: ExchangeBatchKind): ExchangeHandler {
  return async ({ db, caller, body, idempotencyKey }) => {
    const result = await writeExchangeBatch(db, caller, { kind, idempotencyKey, body }, importHandlers({ keyRing: portalKeyRing }))
    const headers: Record<string, string> = result.replayed ? { 'Idempotency-Replayed': 'true' } : {}
    return { status: result.status, body: result.answer, headers }
  }
}

/** The route handler of one kind, on this server's database (or, in tests, the given route wrapper). */
export function exchangeBatchRoute(kind: ExchangeBatchKind, route: ReturnType<typeof createExchangeRoute> = exchangeRoute) {
  return route(EXCHANGE_BATCH_SCOPES[kind], exchangeBatchHandler(kind))
}
