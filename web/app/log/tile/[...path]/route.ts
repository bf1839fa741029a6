// GET /log/tile/<L>/<N>[.p/<W>] and /log/tile/entries/<N>[.p/<W>]: the log's hash tiles and entry
// bundles (C2SP tlog-tiles). A full tile never changes, so caches keep it for good; a partial one
// is replaced by longer ones as the log grows, and clients ask for it only after a checkpoint
// that implies it, so it is kept for a minute.
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { readLogTile } from '@web/server/transparency-log/read-log-tile'

export const GET = apiRoute<{ path: string[] }>(async (_request, { params }) => {
  const { path } = await params
  const answer = await readLogTile(getDb(), ['tile', ...path].join('/'))
  if (!answer.ok) {
    throw new ApiError(answer.status === 400 ? 'bad_request' : 'not_found', answer.status, answer.message, answer.status === 400 ? [{ parameter: 'path', message: answer.message }] : [], {
      'Cache-Control': 'no-store',
    })
  }
  return new Response(answer.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Cache-Control': answer.full ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
      'X-Content-Type-Options': 'nosniff',
    },
  })
})

export const HEAD = GET
