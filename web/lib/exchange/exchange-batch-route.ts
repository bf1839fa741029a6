// The batch write endpoints POST /api/exchange/v1/<kind>: body { items: [...] }, answered per item
// by web/server/exchange/write-exchange-batch.ts (the kinds' import handlers, the forms' own code).
// Permits and completion filings are signed as they are written, with this server's key ring.
import type { ImportKindId } from '@shared/import/import-kind-ids'
import { portalKeyRing } from '@web/lib/certificates/portal-certificates'
import { EXCHANGE_BATCH_SCOPES, type ExchangeBatchKind } from '@web/server/exchange/exchange-kinds'
import { writeExchangeBatch } from '@web/server/exchange/write-exchange-batch'
import type { ImportHandler } from '@web/server/import/import-handler'
import { importHandlers } from '@web/server/import/import-engine'
import { createExchangeRoute, exchangeRoute, type ExchangeHandler } from './exchange-route'

type Handlers = Partial<Record<ImportKindId, ImportHandler>>

let portalHandlers: Handlers | undefined

/** One kind's handler; tests pass handlers with a key ring of their own. */
export function exchangeBatchHandler(kind: ExchangeBatchKind, handlers?: Handlers): ExchangeHandler {
  return async ({ db, caller, body, idempotencyKey }) => {
    const result = await writeExchangeBatch(db, caller, { kind, idempotencyKey, body }, handlers ?? (portalHandlers ??= importHandlers({ keyRing: portalKeyRing })))
    const headers: Record<string, string> = result.replayed ? { 'Idempotency-Replayed': 'true' } : {}
    return { status: result.status, body: result.answer, headers }
  }
}

/** The route handler of one kind, on this server's database (or, in tests, the given route wrapper). */
export function exchangeBatchRoute(kind: ExchangeBatchKind, route: ReturnType<typeof createExchangeRoute> = exchangeRoute) {
  return route(EXCHANGE_BATCH_SCOPES[kind], exchangeBatchHandler(kind))
}
