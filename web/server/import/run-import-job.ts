// Running an import job outside the request: the dry run, then (when staff ask) the commit.
//
// Both phases run the kind's handler — the same use-case code the staff forms use — over every row
// inside ONE transaction. The dry run rolls it back at the end, so it judges each row exactly as
// the commit will (references to rows earlier in the same file included) and writes nothing. The
// commit keeps it only when no row was refused: a file with one bad row writes nothing, and a
// process killed mid-commit leaves the database as it was (the transaction never committed), the
// job's heartbeat stops and the job is claimed and run again.
//
// While a job's transaction is open, SQLite's one writer is the job: give the runner its own
// client (the worker command has one; the portal opens one per run) so that the portal's reads go
// on. Other writes wait for the job (PostgreSQL) or are refused as busy (SQLite) — docs/import.md.
import type { Db } from '@db/client'
import { regionsOf, type Actor } from '@shared/staff/actor'
import { HAINAN_PROVINCE_CODE } from '@shared/regions/hainan'
import type { StaffRole } from '@shared/domain/enums'
import { can } from '@shared/staff/permissions'
import { appendAuditEntries, auditedTransaction } from '@web/server/audit/audit-log-repository'
import type { SubjectRef } from '@web/server/credit/grade-snapshots-repository'
import { recomputeSubjectGrades } from '@web/server/credit/recompute-grades'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import { importKindSchema } from '@shared/import/import-kind-ids'
import { WHOLE_ROW } from '@shared/import/schema-input'
import type { ImportBatch, ImportHandler, ImportRow, RowOutcome } from './import-handler'
import { createImportJobsRepository, STORED_PROBLEMS_LIMIT, type ImportJobRow, type ImportJobUser, type StoredProblem } from './import-jobs-repository'
import { importProgress } from './import-progress'

/** What the runner needs to know about the kinds and the file formats. */
export interface ImportEngine {
  handlerFor(kind: string): ImportHandler | undefined
  readRows(file: AsyncIterable<Uint8Array>, job: { kind: string; fileName: string; format: string }): AsyncIterable<ImportRow>
  /** the Chinese message when `error` refuses the file as a whole (too large, unknown columns…), else null */
  fileRefusal(error: unknown): string | null
}

export interface RunOptions {
  now?: () => Date
  /** rows per handler call and per audit append */
  batchSize?: number
  /** how often the job's heartbeat is renewed while it runs */
  heartbeatMs?: number
}

const DRY_RUN_DONE = Symbol('dry run done')

class RowsRefused extends Error {
  constructor() {
    super('rows refused')
  }
}

/** Longest a job's transaction may stay open (a 1,000,000-row file takes minutes, not hours). */
const TRANSACTION_TIMEOUT_MS = 2 * 60 * 60 * 1000

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
}

function actorOf(user: ImportJobUser): Actor {
  const regionCode = user.authority?.regionCode ?? null
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as StaffRole,
    authorityId: user.authorityId,
    regionCode,
    regions: regionsOf(user.role as StaffRole, regionCode, HAINAN_PROVINCE_CODE),
    clientIp: null,
  }
}

async function* batches<T>(rows: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = []
  for await (const row of rows) {
    batch.push(row)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

async function* counted(chunks: AsyncIterable<Uint8Array>, add: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    add(chunk.byteLength)
    yield chunk
  }
}

/**
 * The second row of a file with the same natural key is refused: two rows for one entity would be
 * written one over the other, and the file would never import as unchanged. Keeps each key once
 * (about 100 bytes a row: 100 MB at the 1,000,000-row limit).
 */
function duplicateKeyCheck(kind: string) {
  const id = importKindSchema.safeParse(kind)
  const spec = id.success ? IMPORT_KINDS[id.data] : null
  const seen = new Map<string, number>()
  return {
    check(row: ImportRow): StoredProblem | null {
      if (!spec) return null
      const key = spec.naturalKey.map((f) => row.values[f] ?? '').join('\u0000')
      const first = seen.get(key)
      if (first === undefined) {
        seen.set(key, row.rowNumber)
        return null
      }
      const columns = spec.naturalKey.map((f) => spec.columns.find((c) => c.field === f)).filter((c) => c !== undefined)
      const column = columns[0]
      return {
        row: row.rowNumber,
        column: column?.header ?? WHOLE_ROW,
        value: column ? (row.raw[column.field] ?? '') : '',
        reason: `与第${first}行重复：同一${columns.map((c) => c.header).join('、')}在一个文件中只能出现一次`,
      }
    },
  }
}

interface Tally {
  rows: number
  outcomes: Record<RowOutcome, number>
  problemCount: number
  problems: StoredProblem[]
  changedSubjects: Map<string, SubjectRef>
}

/** Runs the handler over the whole file in `tx`; returns the tally (the caller decides commit or rollback). */
async function passOverFile(
  tx: ImportBatch['tx'],
  db: Db,
  job: ImportJobRow,
  actor: Actor,
  handler: ImportHandler,
  engine: ImportEngine,
  options: Required<RunOptions>,
  onRows: (rowsDone: number, bytesRead: number) => void,
): Promise<Tally> {
  const tally: Tally = { rows: 0, outcomes: { create: 0, change: 0, unchanged: 0 }, problemCount: 0, problems: [], changedSubjects: new Map() }
  const refuse = (p: StoredProblem) => {
    tally.problemCount++
    if (tally.problems.length < STORED_PROBLEMS_LIMIT) tally.problems.push(p)
  }
  const duplicates = duplicateKeyCheck(job.kind)
  let bytesRead = 0
  const file = counted(createImportJobsRepository(db).readFile(job.id), (n) => (bytesRead += n))
  for await (const batch of batches(engine.readRows(file, job), options.batchSize)) {
    const valid: ImportRow[] = []
    for (const r of batch) {
      if (r.problems.length > 0) r.problems.forEach(refuse)
      else {
        const duplicate = duplicates.check(r)
        if (duplicate) refuse(duplicate)
        else valid.push(r)
      }
    }
    const context: ImportBatch = { tx, actor, now: options.now(), audit: [], changedSubjects: [], source: { jobId: job.id, fileName: job.fileName } }
    const results = await handler.writeBatch(context, valid)
    for (const result of results) {
      if ('outcome' in result) tally.outcomes[result.outcome]++
      else result.problems.forEach(refuse)
    }
    await appendAuditEntries(tx, context.audit)
    for (const s of context.changedSubjects) tally.changedSubjects.set(`${s.type}:${s.id}`, s)
    tally.rows += batch.length
    onRows(tally.rows, bytesRead)
  }
  tally.problems.sort((a, b) => a.row - b.row)
  return tally
}

/**
 * Runs one claimed job's phase to its end: VALIDATING -> VALID / INVALID, COMMITTING -> COMMITTED
 * (or INVALID when rows are refused now that were not at the dry run), FAILED on any other error.
 */
export async function runImportJob(db: Db, job: ImportJobRow, engine: ImportEngine, options: RunOptions = {}): Promise<ImportJobRow['status']> {
  const opts: Required<RunOptions> = { now: options.now ?? (() => new Date()), batchSize: options.batchSize ?? 500, heartbeatMs: options.heartbeatMs ?? 15_000 }
  const jobs = createImportJobsRepository(db)
  const phase = job.status
  if (phase !== 'VALIDATING' && phase !== 'COMMITTING') throw new Error(`job ${job.id} is ${phase}, not claimed for a run`)
  const finish = async (status: ImportJobRow['status'], data: Parameters<typeof jobs.update>[2] = {}) => {
    importProgress.clear(job.id)
    const terminal = status === 'COMMITTED' || status === 'INVALID' || status === 'FAILED'
    await jobs.update(job.id, phase, { status, heartbeatAt: null, ...(terminal ? { finishedAt: opts.now() } : {}), ...data })
    return status
  }

  const user = await jobs.findUser(job.createdBy.id)
  const handler = engine.handlerFor(job.kind)
  if (!user?.active) return finish('FAILED', { error: '提交导入的账号已停用，导入未执行' })
  const actor = actorOf(user)
  if (!handler) return finish('FAILED', { error: `不支持的导入类型：${job.kind}` })
  if (!can(actor.role, handler.permission)) return finish('FAILED', { error: '提交导入的账号没有导入此类数据的权限' })

  // the heartbeat is renewed from a timer, not awaited inside the transaction: on SQLite it waits
  // for the job's own transaction and lands when it ends
  const beat = setInterval(() => void jobs.update(job.id, phase, { heartbeatAt: opts.now() }).catch(() => undefined), opts.heartbeatMs)
  const startedAt = opts.now()
  const progress = (rowsDone: number, bytesRead: number) =>
    importProgress.set(job.id, { rowsDone, rowsTotal: job.rowsTotal, bytesRead, bytesTotal: job.fileSize, startedAt })
  progress(0, 0)
  const onRows = progress
  try {
    if (phase === 'VALIDATING') {
      let tally: Tally | undefined
      try {
        await db.$transaction(
          async (tx) => {
            tally = await passOverFile(tx, db, job, actor, handler, engine, opts, onRows)
            throw DRY_RUN_DONE
          },
          { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
        )
      } catch (error) {
        if (error !== DRY_RUN_DONE) throw error
      }
      const t = tally!
      await jobs.replaceProblems(job.id, t.problems)
      return finish(t.problemCount > 0 ? 'INVALID' : 'VALID', {
        rowsTotal: t.rows,
        rowsValidated: t.rows,
        toCreate: t.outcomes.create,
        toChange: t.outcomes.change,
        unchanged: t.outcomes.unchanged,
        problemCount: t.problemCount,
        error: t.rows === 0 ? '文件中没有数据行' : null,
      })
    }

    for (let attempt = 1; ; attempt++) {
      let tally: Tally | undefined
      try {
        await auditedTransaction(
          db,
          async (tx) => {
            tally = await passOverFile(tx, db, job, actor, handler, engine, opts, onRows)
            if (tally.problemCount > 0) throw new RowsRefused()
            await appendAuditEntries(tx, [
              {
                userId: actor.userId,
                clientIp: null,
                action: 'import.commit',
                entity: 'ImportJob',
                entityId: job.id,
                changes: {
                  kind: job.kind,
                  fileName: job.fileName,
                  fileSha256: job.fileSha256,
                  rows: tally.rows,
                  created: tally.outcomes.create,
                  changed: tally.outcomes.change,
                  unchanged: tally.outcomes.unchanged,
                },
                at: opts.now(),
              },
            ])
          },
          { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
        )
      } catch (error) {
        if (error instanceof RowsRefused && tally) {
          await jobs.replaceProblems(job.id, tally.problems)
          return finish('INVALID', {
            problemCount: tally.problemCount,
            error: '提交时发现有问题的行（数据在预检之后有变化），未写入任何数据；请查看问题清单，修改后重新上传',
          })
        }
        // another writer appended to the audit log between this job's read of its head and its
        // append: nothing was written, run the commit again
        if (isUniqueViolation(error) && attempt < 3) continue
        throw error
      }
      const t = tally!
      // grades after the commit, as the record forms do: the recompute writes in its own transaction
      await recomputeSubjectGrades(db, t.changedSubjects.values(), opts.now())
      return finish('COMMITTED', {
        rowsWritten: t.rows,
        toCreate: t.outcomes.create,
        toChange: t.outcomes.change,
        unchanged: t.outcomes.unchanged,
        problemCount: 0,
      })
    }
  } catch (error) {
    const refusal = engine.fileRefusal(error)
    if (refusal !== null) {
      await jobs.replaceProblems(job.id, [])
      return finish('INVALID', { error: refusal, problemCount: 0 })
    }
    return finish('FAILED', { error: `导入因系统错误中止，未写入任何数据：${error instanceof Error ? error.message : String(error)}`.slice(0, 500) })
  } finally {
    clearInterval(beat)
  }
}

/** Claims and runs waiting jobs until none is left; returns how many ran. */
export async function runPendingImportJobs(db: Db, engine: ImportEngine, options: RunOptions & { staleAfterMs?: number } = {}): Promise<number> {
  const now = options.now ?? (() => new Date())
  const jobs = createImportJobsRepository(db)
  let ran = 0
  for (;;) {
    const at = now()
    const job = await jobs.claimNext(at, new Date(at.getTime() - (options.staleAfterMs ?? 120_000)))
    if (!job) return ran
    await runImportJob(db, job, engine, options)
    ran++
  }
}
