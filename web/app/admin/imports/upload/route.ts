// PUT /admin/imports/upload?kind=…&name=… with the file as the body (application/octet-stream):
// stored as a new import job, whose dry run starts after the response. 201 { id }; 400/413 with
// the field at fault; same-site, signed-in officers only (staffRoute), never cached.
import { NextResponse } from 'next/server'
import { env } from '@web/lib/env'
import { runImportJobsAfterResponse } from '@web/lib/import/run-import-jobs'
import { staffRoute } from '@web/lib/staff/staff-route'
import { portalImportEngine } from '@web/lib/import/portal-import-engine'
import { ImportFileTooLargeError, uploadImportFile } from '@web/server/import/upload-import-file'

async function* bodyOf(request: Request): AsyncGenerator<Uint8Array> {
  if (!request.body) return
  const reader = request.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

export const PUT = staffRoute('data.import', async (request, { db, actor }) => {
  const url = new URL(request.url)
  const declared = Number(request.headers.get('content-length') ?? '0')
  const maxBytes = env.IMPORT_MAX_FILE_MB * 1024 * 1024
  // a declared size over the limit is refused before reading; an undeclared (chunked) body is
  // counted while it is read
  if (declared > maxBytes) throw new ImportFileTooLargeError(maxBytes)
  const job = await uploadImportFile(
    db,
    actor,
    portalImportEngine,
    { kind: url.searchParams.get('kind') ?? '', fileName: url.searchParams.get('name') ?? '', body: bodyOf(request) },
    { maxBytes },
  )
  runImportJobsAfterResponse()
  return NextResponse.json({ id: job.id }, { status: 201, headers: { 'Cache-Control': 'no-store' } })
})
