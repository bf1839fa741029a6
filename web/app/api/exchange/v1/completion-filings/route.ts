// POST /api/exchange/v1/completion-filings: a batch of up to 500 items, answered per item (web/lib/exchange/exchange-batch-route.ts).
import { exchangeBatchRoute } from '@web/lib/exchange/exchange-batch-route'

export const POST = exchangeBatchRoute('completion-filings')
