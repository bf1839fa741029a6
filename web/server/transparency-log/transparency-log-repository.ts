// The transparency log's rows (prisma/schema.prisma "transparency log"): entries by index, the hash
// of every complete subtree (TransparencyLogNode, level 0 = leaf hashes) and the one head row with
// the size, root and signed checkpoint. The only code that touches those tables.
//
// Writers serialise on the head row: lockHead() updates it in place (creating it the first time),
// which on PostgreSQL holds the row lock until the transaction ends, so a second appender waits
// there and then reads the size the first one committed (READ COMMITTED takes a new snapshot per
// statement). SQLite has one writer at a time anyway. Entries and nodes are written with multi-row
// INSERTs (bulk-insert-repository.ts): a back-fill writes hundreds of thousands of them.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { LogEvent } from '@shared/domain/enums'
import type { NodePosition, ReadHashes } from '@shared/transparency-log/tree'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { insertRows } from '@web/server/db/bulk-insert-repository'

type Client = Db | Tx

export interface LogHead {
  size: number
  rootHash: Uint8Array
  /** the C2SP signed note of the checkpoint */
  checkpoint: string
  updatedAt: Date
}

export interface LogEntryRow {
  index: number
  serial: string
  event: LogEvent
  /** encodeLogEntry() bytes */
  entry: Uint8Array
}

const headSelect = { size: true, rootHash: true, checkpoint: true, updatedAt: true } satisfies Prisma.TransparencyLogHeadSelect
const entrySelect = { index: true, serial: true, event: true, entry: true } satisfies Prisma.TransparencyLogEntrySelect

/** Bytes as the driver returns them (Uint8Array or Buffer) → a plain Uint8Array. */
const bytes = (value: Uint8Array): Uint8Array => new Uint8Array(value.buffer, value.byteOffset, value.byteLength)

export class MissingNodeError extends Error {
  constructor(position: NodePosition) {
    super(`transparency log node (${position.level}, ${position.index}) is not stored`)
    this.name = 'MissingNodeError'
  }
}

/** The stored head, or null before the first append. */
export async function readHead(db: Client): Promise<LogHead | null> {
  const head = await db.transparencyLogHead.findUnique({ where: { id: 1 }, select: headSelect })
  return head ? { ...head, rootHash: bytes(head.rootHash) } : null
}

export interface HeadWithEntries {
  head: Pick<LogHead, 'size' | 'rootHash' | 'checkpoint'>
  /** the serial's entries below the head's size, oldest first */
  entries: LogEntryRow[]
}

/** A row of a statement that joins the head (size, rootHash, checkpoint) and a serial's entries (index, event, entry). */
export interface HeadEntryRow {
  size: number | bigint | null
  rootHash: Uint8Array | null
  checkpoint: string | null
  index: number | bigint | null
  event: LogEvent | null
  entry: Uint8Array | null
}

/** The head and entries of such rows; null when they hold no head (before the first append). */
export function headWithEntriesOf(rows: readonly HeadEntryRow[], serial: string): HeadWithEntries | null {
  const first = rows[0]
  if (!first || first.size === null || first.rootHash === null || first.checkpoint === null) return null
  const entries: LogEntryRow[] = []
  for (const r of rows) if (r.index !== null && r.event !== null && r.entry !== null) entries.push({ index: Number(r.index), serial, event: r.event, entry: bytes(r.entry) })
  return { head: { size: Number(first.size), rootHash: bytes(first.rootHash), checkpoint: first.checkpoint }, entries }
}

/**
 * The head and one certificate's entries in it, in ONE statement: a join is one read of one
 * snapshot, so the entries are exactly those the head's size covers. Null before the first append.
 * (The verify answer reads this joined to the certificate's status row instead:
 * certificates-repository.ts findCertificateStateWithLog.)
 */
export async function readHeadWithEntries(db: Client, serial: string): Promise<HeadWithEntries | null> {
  const rows = await db.$queryRaw<HeadEntryRow[]>`SELECT h."size", h."rootHash", h."checkpoint", e."index", e."event", e."entry"
    FROM "TransparencyLogHead" h
    LEFT JOIN "TransparencyLogEntry" e ON e."serial" = ${serial} AND e."index" < h."size"
    WHERE h."id" = 1
    ORDER BY e."index"`
  return headWithEntriesOf(rows, serial)
}

/** The hashes at the positions, in the order asked; throws MissingNodeError for one not stored. */
export async function readNodes(db: Client, positions: readonly NodePosition[]): Promise<Uint8Array[]> {
  if (positions.length === 0) return []
  const found = new Map<string, Uint8Array>()
  // The positions a proof or root needs are ~log₂ n, one or two per level. Asked as `level IN (…)
  // AND index IN (…)` both databases walk the primary key; an OR of (level, index) pairs made
  // PostgreSQL scan the table (30 ms at 200,000 nodes). The few extra pairs it matches are dropped.
  for (let i = 0; i < positions.length; i += 100) {
    const chunk = positions.slice(i, i + 100)
    const rows = await db.transparencyLogNode.findMany({
      where: { level: { in: [...new Set(chunk.map((p) => p.level))] }, index: { in: [...new Set(chunk.map((p) => p.index))] } },
      select: { level: true, index: true, hash: true },
    })
    for (const row of rows) found.set(`${row.level}/${row.index}`, bytes(row.hash))
  }
  return positions.map((p) => {
    const hash = found.get(`${p.level}/${p.index}`)
    if (!hash) throw new MissingNodeError(p)
    return hash
  })
}

/** readNodes over this client, as the shared tree functions take it. */
export function nodeReader(db: Client): ReadHashes {
  return (positions) => readNodes(db, positions)
}

/** The hashes of one level from index `from` (inclusive) to `to` (exclusive), in index order: a hash tile. */
export async function readLevelRange(db: Client, level: number, from: number, to: number): Promise<Uint8Array[]> {
  const rows = await db.transparencyLogNode.findMany({
    where: { level, index: { gte: from, lt: to } },
    orderBy: { index: 'asc' },
    select: { hash: true },
  })
  return rows.map((r) => bytes(r.hash))
}

/** Entries from index `from` (inclusive) to `to` (exclusive), in order: an entry bundle. */
export async function readEntryRange(db: Client, from: number, to: number): Promise<LogEntryRow[]> {
  const rows = await db.transparencyLogEntry.findMany({ where: { index: { gte: from, lt: to } }, orderBy: { index: 'asc' }, select: entrySelect })
  return rows.map((r) => ({ ...r, entry: bytes(r.entry) }))
}

/** Every entry of the certificate, oldest first (its ISSUED entry, then a REVOKED or SUPERSEDED one). */
export async function findEntriesBySerial(db: Client, serial: string): Promise<LogEntryRow[]> {
  const rows = await db.transparencyLogEntry.findMany({ where: { serial }, orderBy: { index: 'asc' }, select: entrySelect })
  return rows.map((r) => ({ ...r, entry: bytes(r.entry) }))
}

/** `serial event` of every entry, for the back-fill to skip what is logged already. */
export async function listLoggedEvents(db: Client): Promise<Set<string>> {
  const logged = new Set<string>()
  let after = -1
  for (;;) {
    const page = await db.transparencyLogEntry.findMany({
      where: { index: { gt: after } },
      orderBy: { index: 'asc' },
      take: 20_000,
      select: { index: true, serial: true, event: true },
    })
    for (const row of page) logged.add(`${row.serial} ${row.event}`)
    if (page.length < 20_000) return logged
    after = page[page.length - 1].index
  }
}

export interface CertificateForLog {
  serial: string
  type: 'CONSTRUCTION_PERMIT' | 'COMPLETION_FILING'
  status: 'VALID' | 'REVOKED' | 'SUPERSEDED' | 'EXPIRED'
  issuedOn: Date
  statusChangedAt: Date | null
}

/** Every certificate's dates and status, for the back-fill to list their events (a page at a time). */
export async function listCertificatesForLog(db: Client): Promise<CertificateForLog[]> {
  const out: CertificateForLog[] = []
  let after: string | undefined
  for (;;) {
    const page = await db.certificate.findMany({
      where: after === undefined ? {} : { serial: { gt: after } },
      orderBy: { serial: 'asc' },
      take: 20_000,
      select: { serial: true, type: true, status: true, issuedOn: true, statusChangedAt: true } satisfies Prisma.CertificateSelect,
    })
    out.push(...page)
    if (page.length < 20_000) return out
    after = page[page.length - 1].serial
  }
}

// ---------------------------------------------------------------- writes (inside the appender's transaction)

const NO_BYTES = new Uint8Array(0)

/**
 * Takes the writers' lock: updates the head row in place (reading it back in the same statement,
 * RETURNING — SQLite and PostgreSQL both have it), creating it first if there is none (size 0, to
 * be overwritten by the caller before it commits). Returns the head as it stands under the lock.
 */
export async function lockHead(tx: Tx): Promise<{ size: number; rootHash: Uint8Array }> {
  const lock = () => tx.$queryRaw<{ size: number | bigint; rootHash: Uint8Array }[]>`UPDATE "TransparencyLogHead" SET "size" = "size" WHERE "id" = 1 RETURNING "size", "rootHash"`
  let rows = await lock()
  if (rows.length === 0) {
    // ON CONFLICT DO NOTHING: two first appenders both try; the second waits on the key, then skips
    await tx.$executeRaw`INSERT INTO "TransparencyLogHead" ("id", "size", "rootHash", "checkpoint", "updatedAt") VALUES (1, 0, ${NO_BYTES}, '', ${new Date(0)}) ON CONFLICT ("id") DO NOTHING`
    rows = await lock()
  }
  return { size: Number(rows[0].size), rootHash: bytes(rows[0].rootHash) }
}

const ENTRY_COLUMNS = ['index', 'serial', 'event', 'entry', 'createdAt'] as const
const NODE_COLUMNS = ['level', 'index', 'hash'] as const

export async function insertEntries(tx: Tx, rows: readonly LogEntryRow[], at: Date): Promise<void> {
  await insertRows(
    tx,
    'TransparencyLogEntry',
    ENTRY_COLUMNS,
    rows.map((r) => ({ ...r, createdAt: at })),
    2_000,
  )
}

export async function insertNodes(tx: Tx, rows: readonly (NodePosition & { hash: Uint8Array })[]): Promise<void> {
  await insertRows(
    tx,
    'TransparencyLogNode',
    NODE_COLUMNS,
    rows.map(({ level, index, hash }) => ({ level, index, hash })),
    5_000,
  )
}

export async function writeHead(tx: Tx, head: { size: number; rootHash: Uint8Array; checkpoint: string; updatedAt: Date }): Promise<void> {
  await tx.transparencyLogHead.update({ where: { id: 1 }, data: { ...head, rootHash: new Uint8Array(head.rootHash) }, select: { id: true } })
}
