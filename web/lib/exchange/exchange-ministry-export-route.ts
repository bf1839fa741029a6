// GET /api/exchange/v1/ministry-export: the ministry export streamed as it is read, a batch per
// pull, so memory stays flat however large the export (web/server/exchange/export-ministry-for-exchange.ts).
// The cursor to pass next time is in the headers (known before the first row) and, for JSON Lines,
// in the closing line.
import { contentDisposition } from '@web/lib/export/export-response'
import { exportMinistryForExchange } from '@web/server/exchange/export-ministry-for-exchange'
import type { ExchangeHandler } from './exchange-route'

const encoder = new TextEncoder()

function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next()
        if (done) controller.close()
        else controller.enqueue(encoder.encode(value))
      } catch (error) {
        // the answer breaks off without its closing line: the reader knows it is incomplete
        console.error('exchange API: ministry export stream failed', error)
        controller.error(error)
      }
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}

export const exchangeMinistryExportHandler: ExchangeHandler = async ({ db, caller, query }) => {
  const answer = await exportMinistryForExchange(db, caller, query)
  const name = `ministry-export-${answer.mode}${answer.table ? `-${answer.table}` : ''}.${answer.format}`
  return {
    status: 200,
    body: null,
    stream: streamOf(answer.chunks),
    headers: {
      'Content-Type': answer.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8',
      'Content-Disposition': contentDisposition(name),
      'Export-Mode': answer.mode,
      'Export-Head-Seq': String(answer.headSeq),
      'Export-Next-Cursor': answer.nextCursor,
      ...(answer.afterSeq === null ? {} : { 'Export-After-Seq': String(answer.afterSeq) }),
    },
  }
}
