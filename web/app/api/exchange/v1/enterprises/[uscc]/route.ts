// GET /api/exchange/v1/enterprises/{uscc}: the enterprise with its qualifications.
import { exchangeEnterpriseHandler } from '@web/lib/exchange/exchange-read-routes'
import { exchangeRoute } from '@web/lib/exchange/exchange-route'

export const GET = exchangeRoute<{ uscc: string }>('read', exchangeEnterpriseHandler)
