// GET /api/exchange/v1/projects/{projectCode}: the project with its five stages' records and their states.
import { exchangeProjectHandler } from '@web/lib/exchange/exchange-read-routes'
import { exchangeRoute } from '@web/lib/exchange/exchange-route'

export const GET = exchangeRoute<{ projectCode: string }>('read', exchangeProjectHandler)
