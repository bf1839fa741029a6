// Walks a list in its display order (newest first, then id) in fixed-size batches, each query
// starting after the last row of the previous one: constant memory and no OFFSET scans.
export interface KeysetCursor {
  date: Date
  id: string
}

export async function* keysetBatches<T>(
  fetchBatch: (after: KeysetCursor | undefined, take: number) => Promise<T[]>,
  cursorOf: (row: T) => KeysetCursor,
  batchSize = 1000,
): AsyncGenerator<T[]> {
  let after: KeysetCursor | undefined
  for (;;) {
    const batch = await fetchBatch(after, batchSize)
    if (batch.length) yield batch
    if (batch.length < batchSize) return
    after = cursorOf(batch[batch.length - 1])
  }
}

/** Prisma `where` for rows strictly after `cursor` in (date desc, id desc) order. */
export function afterCursorWhere(dateField: string, cursor: KeysetCursor | undefined) {
  if (!cursor) return {}
  return {
    OR: [{ [dateField]: { lt: cursor.date } }, { [dateField]: cursor.date, id: { lt: cursor.id } }],
  }
}

export async function* mapBatches<T, U>(batches: AsyncIterable<T[]>, map: (row: T) => U): AsyncGenerator<U[]> {
  for await (const batch of batches) yield batch.map(map)
}
