// Walks a list in its display order (newest first, then id) in fixed-size batches, each query
// starting after the last row of the previous one: constant memory and no OFFSET scans.
export interface KeysetCursor {
  date: Date
  id: string
}

/**
 * `C` is the cursor of the list's order: by default a date and an id (see afterCursorWhere).
 * With `readAhead` the next batch is queried while the caller works on the current one (the grade
 * recompute, where scoring and writing a batch take as long as reading the next).
 */
export async function* keysetBatches<T, C = KeysetCursor>(
  fetchBatch: (after: C | undefined, take: number) => Promise<T[]>,
  cursorOf: (row: T) => C,
  batchSize = 1000,
  { readAhead = false }: { readAhead?: boolean } = {},
): AsyncGenerator<T[]> {
  let next: Promise<T[]> | null = fetchBatch(undefined, batchSize)
  try {
    while (next) {
      const batch: T[] = await next
      next = null
      const after = batch.length === batchSize ? cursorOf(batch[batch.length - 1]) : undefined
      if (after !== undefined && readAhead) {
        next = fetchBatch(after, batchSize)
        // a caller that stops early must not leave a rejected read unobserved
        next.catch(() => {})
      }
      if (batch.length) yield batch
      if (after === undefined) return
      next ??= fetchBatch(after, batchSize)
    }
  } finally {
    await next?.catch(() => {})
  }
}

/** Prisma `where` for rows strictly after `cursor` in (date desc, id desc) order. */
export function afterCursorWhere(dateField: string, cursor: KeysetCursor | undefined) {
  if (!cursor) return {}
  return {
    OR: [{ [dateField]: { lt: cursor.date } }, { [dateField]: cursor.date, id: { lt: cursor.id } }],
  }
}

/** A cursor of a list sorted by one column high to low, then by id low to high (the credit ranking, the blacklist). */
export interface DescThenIdCursor<V extends number | Date> {
  value: V
  id: string
}

/** Prisma `where` for rows strictly after `cursor` in (field desc, id asc) order. */
export function afterDescThenIdWhere<V extends number | Date>(field: string, cursor: DescThenIdCursor<V> | undefined) {
  if (!cursor) return {}
  return {
    OR: [{ [field]: { lt: cursor.value } }, { [field]: cursor.value, id: { gt: cursor.id } }],
  }
}

/** A cursor of a list sorted by name, then id (the enterprise and practitioner lists). */
export interface NameCursor {
  name: string
  id: string
}

/** The by-name display order; ties broken by id, so the order is total and pages never overlap. */
export const nameOrder = [{ name: 'asc' as const }, { id: 'asc' as const }]

/** The cursor of a row of a list in `nameOrder`. */
export const nameCursorOf = (row: NameCursor): NameCursor => ({ name: row.name, id: row.id })

/** Prisma `where` for rows strictly after `cursor` in (name asc, id asc) order. */
export function afterNameCursorWhere(cursor: NameCursor | undefined) {
  if (!cursor) return {}
  return { OR: [{ name: { gt: cursor.name } }, { name: cursor.name, id: { gt: cursor.id } }] }
}

export async function* mapBatches<T, U>(batches: AsyncIterable<T[]>, map: (row: T) => U): AsyncGenerator<U[]> {
  for await (const batch of batches) yield batch.map(map)
}

/** Like mapBatches, for a whole-batch mapping that needs the database (one query per batch, not per row). */
export async function* mapWholeBatches<T, U>(batches: AsyncIterable<T[]>, map: (batch: T[]) => Promise<U[]>): AsyncGenerator<U[]> {
  for await (const batch of batches) yield await map(batch)
}
