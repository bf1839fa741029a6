// The portal runs uploaded import jobs itself (IMPORT_RUNNER=portal, the default), after the
// response of the request that made work: an upload, a commit request, or a job page finding its
// job waiting. One loop per process at a time, on its own database client: while a job's
// transaction is open SQLite has one writer, and it must not be the client the pages read through.
// With IMPORT_RUNNER=worker only `npm run import:worker` runs jobs.
import { after } from 'next/server'
import { createDedicatedDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { portalImportEngine } from './portal-import-engine'
import { runPendingImportJobs } from '@web/server/import/run-import-job'
import { getLogger } from '@web/server/lib/logger'

const state = { running: null as Promise<void> | null, again: false }

async function loop(): Promise<void> {
  const db = createDedicatedDb()
  try {
    do {
      state.again = false
      await runPendingImportJobs(db, portalImportEngine)
    } while (state.again)
  } finally {
    await db.$disconnect()
    state.running = null
  }
}

export function runImportJobsAfterResponse(): void {
  if (env.IMPORT_RUNNER !== 'portal') return
  after(() => {
    if (state.running) {
      // the loop in progress looks for waiting jobs once more before it ends
      state.again = true
      return
    }
    state.running = loop().catch((error: unknown) => getLogger().error({ err: error }, 'import runner stopped'))
    return state.running
  })
}
