// GET /certificates/<serial>/tlog-proof[?event=ISSUED|REVOKED|SUPERSEDED]: the C2SP tlog-proof file
// (.tlog-proof) of the certificate's issuance entry (or of its revocation or replacement) in the
// public transparency log, against the current checkpoint, for offline verification
// (docs/transparency-log.md "Proofs"). 400 for a malformed serial or event, 404 when the log has no
// such entry.
import { z } from 'zod'
import { certificateSerialSchema } from '@shared/validators/codes'
import { LOG_EVENTS } from '@shared/domain/enums'
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute, searchParamsObject } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { certificateTlogProof } from '@web/server/certificates/certificate-log-proofs'
import { safeDecode } from '@web/server/lib/safe-decode'

const proofRequestSchema = z.object({
  serial: certificateSerialSchema,
  event: z.enum(LOG_EVENTS, { error: 'event 应为 ISSUED、REVOKED 或 SUPERSEDED' }).default('ISSUED'),
})

export const GET = apiRoute<{ serial: string }>(async (request, { params }) => {
  const { event: eventParam } = searchParamsObject(request.url)
  const { serial, event } = proofRequestSchema.parse({ serial: safeDecode((await params).serial), event: eventParam })
  const proof = await certificateTlogProof(getDb(), serial, event)
  if (!proof) throw ApiError.notFound(`证书 ${serial} 的${event === 'ISSUED' ? '签发' : event === 'REVOKED' ? '撤销' : '替换'}日志条目`)
  return new Response(proof, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${serial}-${event.toLowerCase()}.tlog-proof"`,
      // the proof leads to the checkpoint of this moment; a later one is as valid but different
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
})

export const HEAD = GET
