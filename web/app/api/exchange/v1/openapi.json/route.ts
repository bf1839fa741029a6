// GET /api/exchange/v1/openapi.json: the exchange API's own OpenAPI document (no token needed to read it).
import { env } from '@web/lib/env'
import { buildExchangeDocument } from '@web/lib/openapi/exchange-document'
import { exchangeOperations } from '@web/lib/openapi/exchange-operations'

export function GET(): Response {
  return Response.json(buildExchangeDocument(exchangeOperations, env.PORTAL_ORIGIN), { headers: { 'Cache-Control': 'no-store' } })
}
