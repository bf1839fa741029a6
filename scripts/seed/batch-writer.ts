// Buffered, transactional bulk writes for the seed.
//
// Rows are buffered per table and written when about BATCH_ROWS rows are waiting: one
// transaction per flush, tables in foreign-key order, each table as multi-row INSERTs of at
// most STATEMENT_ROWS rows. A row's parents are always added before it, so within a flush
// (parents first) or across flushes (earlier flush) they already exist.
//
// Why not createMany: measured on this code base, Prisma's createMany runs at ~5,000 rows/s
// with ~500 MB RSS on SQLite (the query compiler and its GC cost dominate); multi-row INSERTs
// through db.$executeRawUnsafe run at ~25,000 rows/s on SQLite (the database's own limit with
// these indexes) and ~15,000-19,000 on PostgreSQL. Values still go through Prisma's driver
// adapter, which encodes them exactly as Prisma does (SQLite: DateTime as unixepoch-ms
// integers, booleans as 0/1; PostgreSQL: enum and numeric types inferred from the column).
//
// One flush may run while the generator prepares the next (PostgreSQL works in another
// process meanwhile); never two at once, so the FK order still holds.
import type { Db } from '../../prisma/client.ts'
import type { DatabaseProvider } from '../../prisma/database-url.ts'

/** Columns of every table the seed writes, tables in foreign-key order. */
export const TABLE_COLUMNS = {
  Region: ['code', 'name', 'shortName', 'level', 'parentCode', 'sortOrder'],
  Authority: ['id', 'regionCode', 'name', 'address', 'phone'],
  Enterprise: [
    'id', 'uscc', 'name', 'type', 'regionCode', 'inProvince', 'legalRepresentative', 'registeredAddress',
    'registeredCapital', 'establishedOn', 'createdAt', 'updatedAt',
  ],
  Qualification: ['id', 'enterpriseId', 'category', 'grade', 'certificateNumber', 'issuedBy', 'issuedOn', 'validUntil'],
  Person: ['id', 'name', 'idNumber', 'idNumberHash', 'gender', 'phone', 'employerId', 'createdAt', 'updatedAt'],
  Registration: ['id', 'personId', 'type', 'number', 'specialty', 'employerId', 'issuedOn', 'validUntil'],
  Project: [
    'id', 'projectCode', 'name', 'address', 'regionCode', 'category', 'floorArea', 'investment', 'ownerId',
    'registeredOn', 'createdAt', 'updatedAt',
  ],
  ProjectParticipant: ['id', 'projectId', 'enterpriseId', 'role'],
  ProjectKeyPerson: ['id', 'projectId', 'personId', 'role'],
  ContractFiling: [
    'id', 'projectId', 'filingNumber', 'partyRole', 'partyId', 'contractPrice', 'signedOn', 'filedOn', 'authorityId',
    'status',
  ],
  DrawingReview: ['id', 'projectId', 'certificateNumber', 'reviewAgency', 'passedOn', 'authorityId', 'status'],
  SupervisionFiling: ['id', 'projectId', 'filingNumber', 'supervisionStation', 'filedOn', 'authorityId', 'status'],
  ConstructionPermit: [
    'id', 'projectId', 'permitNumber', 'regionCode', 'authorityId', 'issuedOn', 'scale', 'floorArea', 'contractPrice',
    'plannedStartOn', 'plannedEndOn', 'contractorId', 'supervisorId', 'projectManagerId', 'chiefSupervisorId', 'status',
    'revokedOn', 'revocationReason',
  ],
  CompletionFiling: [
    'id', 'projectId', 'filingNumber', 'regionCode', 'authorityId', 'acceptedOn', 'filedOn', 'actualCost',
    'actualArea', 'status', 'revokedOn', 'revocationReason',
  ],
  Certificate: [
    'id', 'type', 'serial', 'permitId', 'completionFilingId', 'projectCode', 'holderUscc', 'issuedOn', 'validUntil',
    'status', 'statusChangedAt', 'statusReason', 'supersededById', 'keyId', 'signature', 'createdAt',
  ],
  IntegrityRecord: [
    'id', 'subjectType', 'enterpriseId', 'personId', 'kind', 'categoryCode', 'title', 'description', 'decisionNumber',
    'authorityId', 'issuedBy', 'decidedOn', 'publishFrom', 'publishUntil', 'points', 'projectId', 'status',
    'createdAt',
  ],
  User: [
    'id', 'username', 'displayName', 'passwordHash', 'role', 'authorityId', 'active', 'isDemo', 'mustChangePassword',
    'passwordChangedAt', 'totpSecret', 'totpEnrolledAt', 'createdAt',
  ],
} as const satisfies Record<string, readonly string[]>

/** The tables the BatchWriter fills, in foreign-key order. */
export type BatchTable = keyof typeof TABLE_COLUMNS
export const BATCH_TABLES = Object.keys(TABLE_COLUMNS) as BatchTable[]

/**
 * Every table the seed fills: the BatchWriter's, then the objections with their audit entries and
 * the withdrawals they cause (written through web/server/objections' use cases, one transaction
 * each), then the standard and the grade history, which the seed writes with the portal's own
 * recompute (web/server/credit) once the records are final.
 */
export type TableName = BatchTable | 'Objection' | 'AuditLog' | 'ScoringStandard' | 'CreditGrade'
export const SEEDED_TABLES: TableName[] = [...BATCH_TABLES, 'Objection', 'AuditLog', 'ScoringStandard', 'CreditGrade']

export type Value = string | number | boolean | Date | null
export type Row<T extends BatchTable> = { [K in (typeof TABLE_COLUMNS)[T][number]]: Value }

/** Rows per transaction (all tables together) and rows per INSERT statement. */
export const BATCH_ROWS = 2000
const STATEMENT_ROWS = 500
const BATCH_TIMEOUT_MS = 120_000
/** SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535. */
const MAX_PARAMS = 30_000

export class BatchWriter {
  private buffers = new Map<BatchTable, Value[][]>()
  private buffered = 0
  private inFlight: Promise<void> | null = null
  readonly counts = Object.fromEntries(BATCH_TABLES.map((t) => [t, 0])) as Record<BatchTable, number>

  constructor(
    private readonly db: Db,
    private readonly provider: DatabaseProvider,
    private readonly batchRows = BATCH_ROWS,
  ) {}

  add<T extends BatchTable>(table: T, row: Row<T>): void {
    const columns = TABLE_COLUMNS[table] as readonly string[]
    const values = columns.map((c) => {
      const v = (row as Record<string, Value | undefined>)[c]
      return v === undefined ? null : v
    })
    let buffer = this.buffers.get(table)
    if (!buffer) this.buffers.set(table, (buffer = []))
    buffer.push(values)
    this.buffered++
    this.counts[table]++
  }

  /** Writes the buffers when a batch is full; resolves once the previous batch is written. */
  async maybeFlush(): Promise<void> {
    if (this.buffered >= this.batchRows) await this.flush()
  }

  /** Starts writing everything buffered (after the batch in flight, if any). */
  async flush(): Promise<void> {
    if (this.inFlight) {
      const previous = this.inFlight
      this.inFlight = null
      await previous
    }
    if (this.buffered === 0) return
    const buffers = this.buffers
    this.buffers = new Map()
    this.buffered = 0
    const write = this.write(buffers)
    // keep a rejection observed until someone awaits it
    write.catch(() => {})
    this.inFlight = write
  }

  /** Writes what is left and waits for every batch. */
  async finish(): Promise<void> {
    await this.flush()
    if (this.inFlight) {
      const last = this.inFlight
      this.inFlight = null
      await last
    }
  }

  protected async write(buffers: Map<BatchTable, Value[][]>): Promise<void> {
    // PostgreSQL: do not wait for the WAL flush at each commit (a crash loses at most the last
    // batches, never consistency; the seed is re-run with --reset anyway)
    const statements = this.provider === 'postgresql' ? [this.db.$executeRawUnsafe('SET LOCAL synchronous_commit = off')] : []
    for (const table of BATCH_TABLES) {
      const rows = buffers.get(table)
      if (!rows?.length) continue
      const columns = TABLE_COLUMNS[table] as readonly string[]
      const perStatement = Math.max(1, Math.min(STATEMENT_ROWS, Math.floor(MAX_PARAMS / columns.length)))
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement)
        statements.push(this.insert(table, columns, chunk))
      }
    }
    // the search-index triggers (docs/database.md) write ~30 token rows per name in the same
    // statements; on a busy machine a batch can outlast Prisma's default 5 s transaction timeout
    await this.db.$transaction(statements, { timeout: BATCH_TIMEOUT_MS })
  }

  private insert(table: BatchTable, columns: readonly string[], rows: Value[][]) {
    const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
    const params: Value[] = []
    const tuples: string[] = []
    for (const row of rows) {
      const placeholders: string[] = []
      for (const value of row) {
        params.push(value)
        placeholders.push(this.provider === 'sqlite' ? '?' : `$${params.length}`)
      }
      tuples.push(`(${placeholders.join(', ')})`)
    }
    return this.db.$executeRawUnsafe(head + tuples.join(', '), ...params)
  }
}

/**
 * SQLite: for the seed's own connection, no fsync per transaction (synchronous = OFF) and a
 * 64 MiB page cache; returns a function that puts both back. A seed is a bulk load of data
 * that can be made again: an application crash cannot corrupt the file either way, and after
 * a power cut mid-seed one re-runs it with --reset. This halves the time at scale 3 and more
 * above (the default syncs ~2,000 commits per 400,000 rows). The indexes of the large tables
 * are updated at random places, so the default 2 MiB cache keeps re-reading their pages.
 * PostgreSQL needs nothing here: each batch sets synchronous_commit off locally (see write).
 */
export async function prepareForBulkLoad(db: Db, provider: DatabaseProvider): Promise<() => Promise<void>> {
  if (provider !== 'sqlite') return async () => {}
  const read = async (pragma: string) => {
    const rows = await db.$queryRawUnsafe<Record<string, number | bigint>[]>(`PRAGMA ${pragma}`)
    return Number(Object.values(rows[0] ?? {})[0])
  }
  const synchronous = await read('synchronous')
  const cacheSize = await read('cache_size')
  await db.$executeRawUnsafe('PRAGMA synchronous = OFF')
  await db.$executeRawUnsafe('PRAGMA cache_size = -65536')
  return async () => {
    await db.$executeRawUnsafe(`PRAGMA synchronous = ${Number.isFinite(synchronous) ? synchronous : 2}`)
    await db.$executeRawUnsafe(`PRAGMA cache_size = ${Number.isFinite(cacheSize) ? cacheSize : -2000}`)
  }
}

/**
 * Deletes every row of every table (children first) in one transaction, and restarts the audit
 * log's sequence, so that a reset database numbers its entries as a new one would (same seed ⇒
 * same rows, seq included).
 */
export async function deleteAllRows(db: Db, provider: DatabaseProvider): Promise<void> {
  await db.$transaction([
    db.auditLog.deleteMany(),
    db.transparencyLogEntry.deleteMany(),
    db.transparencyLogNode.deleteMany(),
    db.transparencyLogHead.deleteMany(),
    db.certificateStatusList.deleteMany(),
    db.user.deleteMany(),
    db.creditGrade.deleteMany(),
    db.scoringStandard.deleteMany(),
    db.objection.deleteMany(),
    db.integrityRecord.deleteMany(),
    db.certificate.deleteMany(),
    db.completionFiling.deleteMany(),
    db.constructionPermit.deleteMany(),
    db.supervisionFiling.deleteMany(),
    db.drawingReview.deleteMany(),
    db.contractFiling.deleteMany(),
    db.projectKeyPerson.deleteMany(),
    db.projectParticipant.deleteMany(),
    db.project.deleteMany(),
    db.registration.deleteMany(),
    db.person.deleteMany(),
    db.qualification.deleteMany(),
    db.enterprise.deleteMany(),
    db.authority.deleteMany(),
    // regions reference their parent: zones (whose parent is a city) first, then cities, then the rest
    db.region.deleteMany({ where: { level: 'ZONE' } }),
    db.region.deleteMany({ where: { parentCode: { not: null } } }),
    db.region.deleteMany(),
  ])
  if (provider === 'sqlite') await db.$executeRawUnsafe(`DELETE FROM sqlite_sequence WHERE name = 'AuditLog'`)
  else await db.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('"AuditLog"', 'seq'), 1, false)`)
}

/** Which database a client talks to (the generated clients share one type). */
export async function detectProvider(db: Db): Promise<DatabaseProvider> {
  try {
    await db.$queryRawUnsafe('SELECT sqlite_version()')
    return 'sqlite'
  } catch {
    return 'postgresql'
  }
}
