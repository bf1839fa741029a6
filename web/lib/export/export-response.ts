// Streams a filtered list as CSV or JSON, batch by batch, so an export of 100k rows never holds
// them all in memory. CSV is UTF-8 with a BOM so Excel (the tool most readers open it with in
// China) detects the encoding.
import { stringify } from 'csv-stringify/sync'
import { neutralizeFormula } from '@shared/export/spreadsheet-safe'
import { getLogger } from '@web/server/lib/logger'

export type ExportFormat = 'csv' | 'json'

export interface ExportColumn<T> {
  header: string
  value: (row: T) => string | number | boolean | null | undefined
}

const BOM = '\uFEFF'
const encoder = new TextEncoder()

export function contentDisposition(filename: string) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  // a number (−1 included) is data, not a formula: Excel must see it as a number
  if (typeof value === 'number') return String(value)
  return neutralizeFormula(String(value))
}

function streamOf(chunks: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
  let iterator: AsyncGenerator<string> | undefined
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= chunks()
      try {
        const { value, done } = await iterator.next()
        if (done) controller.close()
        else controller.enqueue(encoder.encode(value))
      } catch (error) {
        getLogger().error({ err: error }, 'export: stream failed')
        controller.error(error)
      }
    },
    async cancel() {
      await iterator?.return(undefined)
    },
  })
}

export function csvExport<T>(filename: string, columns: ExportColumn<T>[], batches: AsyncIterable<T[]>): Response {
  const body = streamOf(async function* () {
    yield BOM + stringify([columns.map((c) => c.header)])
    for await (const batch of batches) {
      if (batch.length) yield stringify(batch.map((row) => columns.map((c) => cell(c.value(row)))))
    }
  })
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`${filename}.csv`),
      'cache-control': 'no-store',
    },
  })
}

export function jsonExport<T>(filename: string, toJson: (row: T) => unknown, batches: AsyncIterable<T[]>): Response {
  const body = streamOf(async function* () {
    yield '['
    let first = true
    for await (const batch of batches) {
      for (const row of batch) {
        yield (first ? '\n' : ',\n') + JSON.stringify(toJson(row))
        first = false
      }
    }
    yield first ? ']' : '\n]\n'
  })
  return new Response(body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': contentDisposition(`${filename}.json`),
      'cache-control': 'no-store',
    },
  })
}
