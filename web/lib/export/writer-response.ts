// A download written by a Node writer function (an xlsx workbook, a CSV report) as a streamed
// Response: the writer fills a PassThrough that the Response reads, so nothing is collected first.
import { PassThrough, Readable, type Writable } from 'node:stream'
import { contentDisposition } from './export-response'
import { getLogger } from '@web/server/lib/logger'

export function writerResponse(filename: string, contentType: string, write: (stream: Writable) => Promise<void>): Response {
  const pass = new PassThrough()
  write(pass).catch((error: unknown) => {
    getLogger().error({ err: error, filename }, 'export: writer failed')
    pass.destroy(error instanceof Error ? error : new Error(String(error)))
  })
  return new Response(Readable.toWeb(pass) as ReadableStream<Uint8Array>, {
    headers: { 'content-type': contentType, 'content-disposition': contentDisposition(filename), 'cache-control': 'no-store' },
  })
}
