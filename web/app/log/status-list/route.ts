// GET /log/status-list: the signed revocation status list (a C2SP signed note signed with the log
// key, text as in docs/transparency-log.md "Status list"), as the staff side last signed it. It
// changes with every revocation, so caches keep it at most a minute; the note's own valid-until
// line, not the HTTP cache, says how long a phone may rely on it. 404 before the first list.
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { getStatusList } from '@web/server/status-list/get-status-list'

export const GET = apiRoute(async () => {
  const list = await getStatusList(getDb())
  if (!list) throw new ApiError('not_found', 404, '撤销状态列表尚未签发', [], { 'Cache-Control': 'no-store' })
  return new Response(list.signedNote, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=60',
      'Last-Modified': list.issuedAt.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    },
  })
})

export const HEAD = GET
