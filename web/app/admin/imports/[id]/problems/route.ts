// GET /admin/imports/<id>/problems — the job's whole problem report as CSV (UTF-8 with BOM,
// formula-safe): 行号, 列, 值, 原因. The job must be of the actor's authority (404 otherwise).
import { NextResponse } from 'next/server'
import { writerResponse } from '@web/lib/export/writer-response'
import { getDb } from '@web/lib/db'
import { currentActor } from '@web/lib/staff/session'
import { refusalResponse } from '@web/lib/staff/staff-route'
import { exportImportProblems } from '@web/server/import/get-import-job'
import { writeProblemReport } from '@web/server/import/write-problem-report'
import { staffExportRoute } from '@web/lib/staff/staff-export-route'

async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch
}

export const GET = staffExportRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor()
  if (!actor) return NextResponse.json({ error: '请先登录' }, { status: 401, headers: { 'Cache-Control': 'no-store' } })
  const { id } = await params
  try {
    const { job, batches } = await exportImportProblems(getDb(), actor, id)
    const base = job.fileName.replace(/\.(csv|xlsx)$/i, '')
    return writerResponse(`${base}_问题清单.csv`, 'text/csv; charset=utf-8', (stream) => writeProblemReport(flatten(batches), stream))
  } catch (error) {
    const answer = refusalResponse(error)
    if (answer) return answer
    throw error
  }
})
