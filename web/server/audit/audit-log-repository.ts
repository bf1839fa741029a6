// Appending to the hash-chained audit log, inside the caller's transaction so that a change and
// its audit entry are written together or not at all. prevHash is unique: of two transactions
// that read the same last entry, the second fails to commit and is retried by the caller
// (withAuditRetry).
//
// Entries are written with a raw multi-row INSERT rather than Prisma's create/createMany: a bulk
// import appends one entry per row, and createMany cost ~0.8 ms an entry in Prisma's query
// compiler against ~0.1 ms for the same rows as one statement. The raw rows are the rows Prisma
// writes: the values are bound parameters that pass through the same driver adapter, which
// encodes them exactly as it does for create (checked by audit-log-raw-insert.db.test.ts):
//   column          SQLite (better-sqlite3, unixepoch-ms)   PostgreSQL (pg)
//   seq             INTEGER PRIMARY KEY AUTOINCREMENT       SERIAL (nextval per row, in VALUES order)
//   at              INTEGER, epoch milliseconds             TIMESTAMP(3), UTC wall clock, no zone
//   userId,clientIp TEXT or NULL                            TEXT or NULL
//   action, entity, entityId, changes (JSON), prevHash, hash: TEXT, UTF-8, on both
// (web/server/db/bulk-insert-repository.ts writes the statement.)
import type { Db } from '@db/client'
import { auditEntryHash, findBrokenLink, GENESIS_HASH, type ChainEntry } from '@shared/audit/audit-hash'
import { announceCommittedWrites } from '@web/server/cache/installed-cache'
import { insertRows } from '@web/server/db/bulk-insert-repository'
import { keysetBatches } from '@web/server/lib/keyset-batches'

/** The transaction client handed to db.$transaction(async (tx) => …). */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

export interface AuditEntryInput {
  userId: string | null
  /** the client address of the staff request (Actor.clientIp) */
  clientIp?: string | null
  action: string
  entity: string
  entityId: string
  changes: Record<string, unknown>
  at?: Date
}

export async function appendAuditEntry(tx: Tx, input: AuditEntryInput): Promise<void> {
  await appendAuditEntries(tx, [input])
}

const COLUMNS = ['at', 'userId', 'clientIp', 'action', 'entity', 'entityId', 'changes', 'prevHash', 'hash'] as const
type AuditRow = Record<(typeof COLUMNS)[number], Date | string | null>

/**
 * Rows per INSERT: 9 bound parameters a row, 9,000 a statement, well under SQLite's limit of
 * 32,766 (PostgreSQL's is 65,535); a bulk import's batch of 500 is one statement.
 */
export const AUDIT_ROWS_PER_INSERT = 1_000

/**
 * Appends the entries in order, chained from the head read once: what a bulk import's batch
 * writes in one statement instead of a read and an insert per entity. seq follows the input order
 * (multi-row VALUES are numbered in order on both databases).
 */
export async function appendAuditEntries(tx: Tx, inputs: readonly AuditEntryInput[]): Promise<void> {
  if (inputs.length === 0) return
  const written = entitiesWritten.get(tx)
  if (written) for (const input of inputs) written.add(input.entity)
  const last = await tx.auditLog.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } })
  let prevHash = last?.hash ?? GENESIS_HASH
  const rows = inputs.map((input): AuditRow => {
    const content = {
      at: input.at ?? new Date(),
      userId: input.userId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      changes: JSON.stringify(input.changes),
      clientIp: input.clientIp ?? null,
    }
    const row = { ...content, prevHash, hash: auditEntryHash(prevHash, content) }
    prevHash = row.hash
    return row
  })
  await insertRows(tx, 'AuditLog', COLUMNS, rows, AUDIT_ROWS_PER_INSERT)
}

// Every audited change is announced to the application cache after its commit (web/server/cache):
// the audit entry names what changed, so the one place every staff write passes through learns
// there what to invalidate. Keyed by the transaction client, which appendAuditEntries is handed.
const entitiesWritten = new WeakMap<Tx, Set<string>>()

/**
 * A transaction whose audit entries' entities are announced to the application cache once it has
 * committed, so that no instance serves a cached read older than the change. Every write that
 * appends audit entries runs in one (withAuditRetry does).
 */
export async function auditedTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
  const written = new Set<string>()
  const result = await db.$transaction((tx) => {
    // should the callback run again, only the attempt that commits counts
    written.clear()
    entitiesWritten.set(tx, written)
    return work(tx)
  }, options)
  if (written.size > 0) await announceCommittedWrites(written)
  return result
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002'
}

/**
 * Runs a transaction that appends to the audit log, again if another writer appended first.
 * Writers that collide wait a random, growing while before they retry, so that a burst of them
 * (a bulk revocation, several instances) spreads out instead of colliding again in lock step.
 */
export async function withAuditRetry<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditedTransaction(db, work)
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 5 * 2 ** attempt)))
    }
  }
}

/** Checks the whole chain; the first broken entry's seq, or null when it holds. */
export async function verifyAuditChain(db: Db): Promise<number | null> {
  let prev = GENESIS_HASH
  const pages = keysetBatches(
    (after: number | undefined, take): Promise<ChainEntry[]> =>
      db.auditLog.findMany({ where: after === undefined ? {} : { seq: { gt: after } }, orderBy: { seq: 'asc' }, take }),
    (entry) => entry.seq,
  )
  for await (const page of pages) {
    const broken = findBrokenLink(page, prev)
    if (broken) return broken.seq
    prev = page[page.length - 1].hash
  }
  return null
}
