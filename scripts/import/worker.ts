// Runs bulk-import jobs outside the portal:
//   npm run import:worker [-- --once] [--poll-seconds 2] [--stale-seconds 120]
// Reads DATABASE_URL and the certificate key settings (CERTIFICATE_KEYS_FILE, CERTIFICATE_SIGNING_KEY_HEX).
// For deployments with several portal instances (set IMPORT_RUNNER=worker on them) or to keep long
// commits off the portal's process. Any number of workers may run: a job is
// claimed by one (its heartbeat), and a job whose worker died is claimed again after two minutes,
// its transaction having rolled back with the process.
// SIGINT/SIGTERM: no new job is claimed; the running one finishes (a second signal exits at once,
// and that job is run again later — nothing of it was written).
import { parseArgs } from 'node:util'
import { createDb } from '../../prisma/client.ts'
import { loadKeyRing } from '../../web/server/certificates/signing-keys.ts'
import { createImportEngine } from '../../web/server/import/import-engine.ts'
import { runPendingImportJobs } from '../../web/server/import/run-import-job.ts'
import { personalDataKeysFromEnvironment } from '../personal-data/keys-from-environment.ts'
import { logKeyLoaderFromEnvironment } from '../log/log-key-from-environment.ts'

const { values } = parseArgs({
  options: { once: { type: 'boolean', default: false }, 'poll-seconds': { type: 'string', default: '2' }, 'stale-seconds': { type: 'string', default: '120' } },
})
const pollMs = Math.max(0.2, Number(values['poll-seconds']) || 2) * 1000
// a job whose heartbeat is older than this is taken to have lost its runner
const staleAfterMs = Math.max(1, Number(values['stale-seconds']) || 120) * 1000

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(130)
    stopping = true
    console.log(`${signal}: finishing the running job, then stopping (again to stop at once)`)
  })
}

// the same certificate settings as the portal: imported permits and completion filings are signed
const importEngine = createImportEngine({
  keyRing: () => loadKeyRing({ keysFile: process.env.CERTIFICATE_KEYS_FILE, signingKeyHex: process.env.CERTIFICATE_SIGNING_KEY_HEX }),
})
// the same personal-data keys as the portal: imported ID numbers and phones are stored encrypted
personalDataKeysFromEnvironment()
// and the same log key: each imported certificate is appended to the transparency log
logKeyLoaderFromEnvironment()
const db = createDb(process.env.DATABASE_URL || undefined)
try {
  console.log(`import worker: ${values.once ? 'running the waiting jobs once' : `polling every ${pollMs / 1000} s`}`)
  do {
    const ran = await runPendingImportJobs(db, importEngine, { staleAfterMs })
    if (ran > 0) console.log(`ran ${ran} job(s)`)
    if (values.once || stopping) break
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  } while (!stopping)
} finally {
  await db.$disconnect()
}
