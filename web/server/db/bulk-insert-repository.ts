// Multi-row INSERTs for the paths that write thousands of rows in one transaction (the audit log's
// appends, a bulk import's new rows). Prisma's create and createMany cost 1–3 ms a row in its
// query compiler on this machine (measured: 2,000 enterprises, createMany 2.5–5 ms/row, one
// INSERT … VALUES of 500 rows 0.4 ms/row under the same load, on SQLite and PostgreSQL), which
// caps an import near 20,000 rows a minute whatever else is done.
//
// The rows are bound parameters through the same driver adapter as Prisma's own writes, so they
// are stored as Prisma stores them (dates as epoch milliseconds on SQLite and TIMESTAMP(3) on
// PostgreSQL, booleans as 0/1 on SQLite; PostgreSQL types each parameter from its target column,
// enums and numerics included). Prisma.Sql renders each database's placeholders, so the statement
// has no dialect. The callers' tests read such rows back through Prisma and compare them with
// rows Prisma wrote.
import { randomBytes } from 'node:crypto'
import { Prisma } from '@db/generated/sqlite/client'
import type { Tx } from '@web/server/audit/audit-log-repository'

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000

let counter = 0

/**
 * A fresh primary key for a row written here, where Prisma's @default(cuid()) does not run. Shaped
 * like a cuid — 'c', the time in base 36, a counter, then random — so that ids of rows written later
 * sort after earlier ones, whichever way they were written, in every collation (lower-case letters
 * and digits only): code that takes "the lowest id" as the first written keeps meaning it.
 */
export function newRowId(): string {
  counter = (counter + 1) % 36 ** 4
  return `c${Date.now().toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(8).toString('hex')}`
}

/** One INSERT of `rows` (in order) into `table`, as a flat Prisma.Sql of strings between bound values. */
export function insertStatement(table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Prisma.Sql {
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (`
  const strings: string[] = []
  const values: unknown[] = []
  rows.forEach((row, i) => {
    columns.forEach((column, k) => {
      strings.push(k > 0 ? ', ' : i === 0 ? head : '), (')
      values.push(row[column] ?? null)
    })
  })
  strings.push(')')
  return new Prisma.Sql(strings, values)
}

/**
 * A raw statement's unique violation reaches us as P2010 ("raw query failed"); the callers
 * (withAuditRetry, the import runner) act on P2002, what create and createMany throw. Give them
 * that, with the driver's details kept.
 */
export function asModelError(error: unknown, modelName: string): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2010') return error
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError?.cause
  if (cause?.kind !== 'UniqueConstraintViolation') return error
  return new Prisma.PrismaClientKnownRequestError(error.message, { code: 'P2002', clientVersion: error.clientVersion, meta: { ...error.meta, modelName } })
}

/** Inserts the rows in order, in statements of at most `rowsPerStatement` rows and MAX_PARAMETERS values. */
export async function insertRows(
  tx: Pick<Tx, '$executeRaw'>,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  rowsPerStatement = Number.POSITIVE_INFINITY,
): Promise<void> {
  const perStatement = Math.max(1, Math.min(rowsPerStatement, Math.floor(MAX_PARAMETERS / columns.length)))
  try {
    for (let i = 0; i < rows.length; i += perStatement) await tx.$executeRaw(insertStatement(table, columns, rows.slice(i, i + perStatement)))
  } catch (error) {
    throw asModelError(error, table)
  }
}
