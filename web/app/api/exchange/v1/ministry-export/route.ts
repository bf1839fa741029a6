// GET /api/exchange/v1/ministry-export: the incremental export to the ministry's database, streamed,
// inside one of the process's export slots.
import { cappedExchangeRoute } from '@web/lib/exchange/exchange-export-route'
import { exchangeMinistryExportHandler } from '@web/lib/exchange/exchange-ministry-export-route'
import { exchangeRoute } from '@web/lib/exchange/exchange-route'

export const GET = cappedExchangeRoute(exchangeRoute('read', exchangeMinistryExportHandler))
