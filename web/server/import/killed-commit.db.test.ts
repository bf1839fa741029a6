// A commit killed with SIGKILL half-way leaves the database exactly as it was, and the job runs
// again to the end. A real worker process (npm run import:worker's module) commits a few thousand
// enterprise rows; the test kills it while its transaction is open, compares every enterprise and
// audit entry with before, then lets a new worker take the job over once its heartbeat is stale.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import { makeUscc } from '@shared/validators/uscc'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { importEnterprises } from '@web/server/enterprises/import-enterprises'
import { createStaffFixture, HAIKOU, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { createImportEngine } from './import-engine'
import { requestImportCommit } from './request-import-commit'
import { runPendingImportJobs } from './run-import-job'
import { uploadImportFile } from './upload-import-file'
import { personalDataKeys } from '@web/server/personal-data/personal-data'
import { writeKeyFileOf } from '@web/server/personal-data/testing/test-key-ring'

const providers = await testProviders()
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
// enough rows that the commit is still open when the test sees it start (new rows are written one
// INSERT per batch: 3,000 rows committed in well under the polling interval's reach)
const ROWS = 20_000
const engine = createImportEngine({ keyRing: () => { throw new Error('no signing in this test') } }, { enterprises: importEnterprises })

/** 8 characters of the USCC alphabet, distinct per n. */
function body8(n: number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let s = ''
  for (let i = 0; i < 6; i++, n = Math.floor(n / alphabet.length)) s = alphabet[n % alphabet.length] + s
  return `KC${s}`
}

function file(): Uint8Array {
  const lines = [IMPORT_KINDS.enterprises.columns.map((c) => c.header).join(',')]
  for (let i = 0; i < ROWS; i++) lines.push(`${makeUscc('91', HAIKOU, body8(i))},海口批量企业${i}号有限公司,施工单位,460100,张三,海口市龙华区${i}号,1000,2015-06-18`)
  return new TextEncoder().encode(lines.join('\n') + '\n')
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes
}

const workerKeysFile = writeKeyFileOf(personalDataKeys())

function worker(url: string, ...args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/import/worker.ts', '--once', '--poll-seconds', '0.2', ...args], {
    cwd: ROOT,
    // the worker seals ID numbers and phones with this process's personal-data keys
    env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: '', PERSONAL_DATA_KEYS_FILE: workerKeysFile, PERSONAL_DATA_KEY: '', PERSONAL_DATA_HMAC_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

describe.each(providers)('a commit killed with SIGKILL on %s', (provider) => {
  let t: TestDatabase
  let f: StaffFixture

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    f = await createStaffFixture(t.db)
  })
  afterAll(async () => {
    await t?.drop()
  })

  /** Every enterprise and audit entry, hashed in a stable order. */
  async function digest(): Promise<string> {
    const enterprises = await t.db.enterprise.findMany({ orderBy: { uscc: 'asc' } })
    const audit = await t.db.auditLog.findMany({ orderBy: { seq: 'asc' } })
    return createHash('sha256').update(JSON.stringify([enterprises, audit])).digest('hex')
  }

  it('leaves the database as it was, and the job runs again to the end', async () => {
    const job = await uploadImportFile(t.db, f.actors.haikouOfficer, engine, { kind: 'enterprises', fileName: '大批企业.csv', body: once(file()) }, { maxBytes: 10 * 1024 * 1024 })
    await runPendingImportJobs(t.db, engine, { batchSize: 500 })
    expect((await t.db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('VALID')
    await requestImportCommit(t.db, f.actors.haikouOfficer, engine, job.id)
    const before = await digest()
    const enterprisesBefore = await t.db.enterprise.count()

    const child = worker(t.url)
    const gone = exited(child)
    // wait until the worker has claimed the job and its transaction has written: SQLite keeps a
    // rollback journal beside the file while a write transaction is open; PostgreSQL shows the
    // worker's open transaction
    const journal = `${t.url.replace(/^file:/, '')}-journal`
    const inTransaction = async () => {
      if (provider === 'sqlite') return fs.existsSync(journal)
      const open = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL',
      )
      return Number(open[0].n) > 0
    }
    for (let i = 0; ; i++) {
      const status = (await t.db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status
      if (status === 'COMMITTING' && (await inTransaction())) break
      if (status === 'COMMITTED') throw new Error(`the worker committed all ${ROWS} rows before it could be killed: raise ROWS`)
      if (i > 2400) throw new Error('the worker never started its commit')
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    child.kill('SIGKILL')
    await gone

    expect((await t.db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('COMMITTING')
    expect(await digest()).toBe(before)
    expect(await verifyAuditChain(t.db)).toBeNull()

    // a new worker takes the job over once its heartbeat is older than a second
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const second = worker(t.url, '--stale-seconds', '1')
    let output = ''
    second.stdout?.on('data', (d) => (output += d))
    second.stderr?.on('data', (d) => (output += d))
    expect(await exited(second), output).toBe(0)
    const done = await t.db.importJob.findUniqueOrThrow({ where: { id: job.id } })
    expect(done).toMatchObject({ status: 'COMMITTED', toCreate: ROWS })
    expect(await t.db.enterprise.count()).toBe(enterprisesBefore + ROWS)
    expect(await verifyAuditChain(t.db)).toBeNull()
  }, 300_000)
})
