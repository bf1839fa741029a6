// GET /api/exchange/v1/ministry-export: the incremental export to the ministry's database, streamed.
import { exchangeMinistryExportHandler } from '@web/lib/exchange/exchange-ministry-export-route'
import { exchangeRoute } from '@web/lib/exchange/exchange-route'

export const GET = exchangeRoute('read', exchangeMinistryExportHandler)
