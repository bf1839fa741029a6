// GET /api/exchange/v1/practitioners/{practitioner}: by practising registration number or id (never an ID number).
import { exchangePractitionerHandler } from '@web/lib/exchange/exchange-read-routes'
import { exchangeRoute } from '@web/lib/exchange/exchange-route'

export const GET = exchangeRoute<{ practitioner: string }>('read', exchangePractitionerHandler)
