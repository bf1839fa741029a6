// GET /log/checkpoint: the log's latest signed checkpoint (C2SP tlog-checkpoint as a signed note),
// as the last append stored it — a public instance serves it without holding the key. It changes
// with every certificate event, so caches keep it for seconds only.
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { readLogCheckpoint } from '@web/server/transparency-log/read-log-tile'

export const GET = apiRoute(async () => {
  const checkpoint = await readLogCheckpoint(getDb())
  if (!checkpoint) throw new ApiError('not_found', 404, '透明日志尚无检查点（npm run log:backfill）', [], { 'Cache-Control': 'no-store' })
  return new Response(checkpoint, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=5', 'X-Content-Type-Options': 'nosniff' },
  })
})

export const HEAD = GET
