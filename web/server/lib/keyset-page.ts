// Paging of the public lists at national size. A page reached by "next" or "previous" starts after
// (or before) the key of the row at the edge of the page the reader was on, so page 10,000 costs
// what page 1 costs: the database walks the list's index from that key instead of skipping
// 200,000 rows. Numbered pages (OFFSET) remain for the first MAX_OFFSET_PAGE pages, where skipping
// stays cheap. Counts stop at COUNT_CAP (shown as "超过 10,000 条"): counting a whole national
// register on every page view would cost more than the page itself.
import { z } from 'zod'
import { pageSizeSchema } from './pagination'
import { COUNT_CAP, cappedCount } from './counts'

/** Highest page number a link or API call may ask for by number; deeper pages are reached by cursor. */
export const MAX_OFFSET_PAGE = 50

/** Key columns of a list's display order: one column, then the id as tie-breaker (a total order). */
export interface KeyOrder {
  field: string
  kind: 'date' | 'text' | 'number'
  dir: 'asc' | 'desc'
  idDir: 'asc' | 'desc'
}

export type KeyValue = Date | string | number

/** Where a cursor leads: the rows after its key ('n', next) or before it ('p', previous), and that page's number. */
export interface Cursor {
  direction: 'n' | 'p'
  value: KeyValue
  id: string
  page: number
}

export const CURSOR_MESSAGE = '翻页参数 cursor 无效或已过期，请从第一页重新翻页'

function encode(order: KeyOrder, cursor: Cursor): string {
  const v = cursor.value instanceof Date ? cursor.value.toISOString() : cursor.value
  return Buffer.from(JSON.stringify({ o: order.field, d: cursor.direction, v, i: cursor.id, p: cursor.page }), 'utf8').toString('base64url')
}

/** The cursor a link or an API answer carries to the page before or after the row with `key`. */
export function encodeCursor(order: KeyOrder, direction: 'n' | 'p', key: { value: KeyValue; id: string }, page: number): string {
  return encode(order, { direction, value: key.value, id: key.id, page })
}

const BASE64URL = /^[A-Za-z0-9_-]+$/

/**
 * The `cursor` parameter of one list: opaque to clients, checked here against the list's key
 * (a cursor of another list, a forged or a truncated one is a clear 400, never a database error).
 */
export function cursorSchema(order: KeyOrder) {
  const value =
    order.kind === 'number'
      ? z.number().finite()
      : order.kind === 'date'
        ? z.iso.datetime().transform((s) => new Date(s))
        : z.string().max(1000)
  const payload = z.strictObject({
    o: z.literal(order.field),
    d: z.enum(['n', 'p']),
    v: value,
    i: z.string().min(1).max(100),
    p: z.number().int().min(1).max(100_000_000),
  })
  return z.string().transform((raw, ctx): Cursor => {
    let json: unknown = null
    if (raw.length <= 2000 && BASE64URL.test(raw)) {
      try {
        json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
      } catch {
        json = null
      }
    }
    const parsed = payload.safeParse(json)
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: CURSOR_MESSAGE })
      return z.NEVER
    }
    return { direction: parsed.data.d, value: parsed.data.v, id: parsed.data.i, page: parsed.data.p }
  })
}

const emptyAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** The paging parameters of a keyset list (spread into its query schema with `.extend`). */
export function keysetPagingShape(order: KeyOrder) {
  return {
    page: z.coerce
      .number({ error: 'page 必须是正整数' })
      .int('page 必须是正整数')
      .min(1, 'page 必须是正整数')
      .max(MAX_OFFSET_PAGE, `page 不能超过 ${MAX_OFFSET_PAGE}；更深的页请用上一页返回的 nextCursor 翻页`)
      .default(1),
    pageSize: pageSizeSchema,
    /** from a previous answer's nextCursor / prevCursor; when given, `page` is ignored */
    cursor: z.preprocess(emptyAsAbsent, cursorSchema(order).optional()),
  }
}

export interface KeysetPagination {
  page: number
  pageSize: number
  cursor?: Cursor
}

export interface KeysetPage<T> {
  items: T[]
  /** how many rows match, at most COUNT_CAP */
  total: number
  /** more than `total` rows match (counting stopped at COUNT_CAP) */
  totalCapped: boolean
  page: number
  pageSize: number
  /** pages of the counted rows: a lower bound when totalCapped */
  pageCount: number
  nextCursor: string | null
  prevCursor: string | null
}

const flip = (dir: 'asc' | 'desc') => (dir === 'asc' ? 'desc' : 'asc')
const beyond = (dir: 'asc' | 'desc') => (dir === 'asc' ? 'gt' : 'lt')

/** Prisma `orderBy` of the list, or of the list read backwards (for a "previous" page). */
export function keyOrderBy(order: KeyOrder, reverse = false) {
  return [{ [order.field]: reverse ? flip(order.dir) : order.dir }, { id: reverse ? flip(order.idDir) : order.idDir }]
}

/**
 * Prisma `where` for the rows strictly beyond `cursor` in the direction it reads. Prisma cannot
 * write the row comparison (field, id) > (v, i); the OR below means the same, and the redundant
 * `field >= v` (or <=) in front gives the planner where to start the index scan, without which
 * PostgreSQL reads the index from its beginning and a deep page costs its depth.
 */
export function keysetWhere(order: KeyOrder, cursor: Cursor | undefined) {
  if (!cursor) return {}
  const reverse = cursor.direction === 'p'
  const op = beyond(reverse ? flip(order.dir) : order.dir)
  const idOp = beyond(reverse ? flip(order.idDir) : order.idDir)
  return {
    [order.field]: { [`${op}e`]: cursor.value },
    OR: [{ [order.field]: { [op]: cursor.value } }, { [order.field]: cursor.value, id: { [idOp]: cursor.id } }],
  }
}

/** What keysetPage asks the repository to read: its filters AND `where`, in `orderBy`, `skip` then `take` rows. */
export interface KeysetRead {
  where: ReturnType<typeof keysetWhere>
  orderBy: ReturnType<typeof keyOrderBy>
  skip: number
  take: number
}

/**
 * One page of a list: reads pageSize + 1 rows to learn whether there is a next (or previous)
 * page, and counts up to COUNT_CAP + 1 rows at the same time.
 */
export async function keysetPage<R, T>(opts: {
  order: KeyOrder
  query: KeysetPagination
  find: (read: KeysetRead) => Promise<R[]>
  /** the filtered count, reading at most `take` rows */
  count: (take: number) => Promise<number>
  keyOf: (row: R) => { value: KeyValue; id: string }
  map: (rows: R[]) => T[] | Promise<T[]>
}): Promise<KeysetPage<T>> {
  const { order, query } = opts
  const { pageSize, cursor } = query
  const reverse = cursor?.direction === 'p'
  const [read, counted] = await Promise.all([
    opts.find({
      where: keysetWhere(order, cursor),
      orderBy: keyOrderBy(order, reverse),
      skip: cursor ? 0 : (query.page - 1) * pageSize,
      take: pageSize + 1,
    }),
    opts.count(COUNT_CAP + 1),
  ])
  const more = read.length > pageSize
  const rows = read.slice(0, pageSize)
  if (reverse) rows.reverse()
  // Going back, an extra row means an earlier page; going forward (or by number), a later one.
  // Going back to the start is page 1 whatever number the cursor carried (rows may have come or gone).
  const page = !cursor ? query.page : reverse && !more ? 1 : cursor.page
  const hasNext = reverse ? true : more
  const hasPrev = reverse ? more : page > 1
  const { total, capped } = cappedCount(counted)
  const first = rows[0]
  const last = rows[rows.length - 1]
  return {
    items: await opts.map(rows),
    total,
    totalCapped: capped,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize), page),
    nextCursor: hasNext && last ? encodeCursor(order, 'n', opts.keyOf(last), page + 1) : null,
    prevCursor: hasPrev && first ? encodeCursor(order, 'p', opts.keyOf(first), Math.max(1, page - 1)) : null,
  }
}

function compareKeys(a: KeyValue, b: KeyValue): number {
  if (typeof a === 'string' || typeof b === 'string') {
    // names sort by the database's collation, which JavaScript does not share
    throw new Error('findInBranches merges date and number keys only')
  }
  const x = a instanceof Date ? a.getTime() : a
  const y = b instanceof Date ? b.getTime() : b
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * The rows of `read` for a filter that is an OR of disjoint branches (no row matches two): each
 * branch is read on its own, `skip + take` rows in the list's order, and the reads are merged and
 * cut as the one query would have. Why: Prisma writes a to-one relation filter as a LEFT JOIN, and
 * an OR of filters through different joined tables (a record's enterprise's region, or its
 * person's employer's) leaves PostgreSQL no index to start from: it hash-joins the whole table.
 * Each branch alone is an index walk from the small side (the region's enterprises). Ids compare
 * as the databases compare them (ASCII, byte order); the key must be a date or a number.
 */
export async function findInBranches<W, R>(
  order: KeyOrder,
  read: KeysetRead,
  branches: W[],
  find: (branch: W, read: KeysetRead) => Promise<R[]>,
  keyOf: (row: R) => { value: KeyValue; id: string },
): Promise<R[]> {
  if (branches.length === 1) return find(branches[0], read)
  const each = { ...read, skip: 0, take: read.skip + read.take }
  const reads = await Promise.all(branches.map((branch) => find(branch, each)))
  const [first] = read.orderBy
  const dir = (first as Record<string, 'asc' | 'desc'>)[order.field]
  const reverse = dir !== order.dir
  const valueSign = dir === 'asc' ? 1 : -1
  const idSign = (reverse ? flip(order.idDir) : order.idDir) === 'asc' ? 1 : -1
  const rows = reads.flat()
  const keys = new Map(rows.map((row) => [row, keyOf(row)]))
  rows.sort((a, b) => {
    const ka = keys.get(a)!
    const kb = keys.get(b)!
    return valueSign * compareKeys(ka.value, kb.value) || idSign * (ka.id < kb.id ? -1 : ka.id > kb.id ? 1 : 0)
  })
  return rows.slice(read.skip, read.skip + read.take)
}

/** The capped count of an OR of disjoint branches: each branch counted up to `take`, the sum cut at `take`. */
export async function countInBranches<W>(take: number, branches: W[], count: (branch: W, take: number) => Promise<number>): Promise<number> {
  const counts = await Promise.all(branches.map((branch) => count(branch, take)))
  return Math.min(take, counts.reduce((sum, n) => sum + n, 0))
}

/** The branches as one `where` (their OR), for reads that take every row anyway (exports, tests). */
export function joinBranches<W>(branches: W[]): W | { OR: W[] } {
  return branches.length === 1 ? branches[0] : { OR: branches }
}

/**
 * keysetPage for a list whose filter is disjoint branches (findInBranches): `findMany` and `count`
 * are the model's own, given each branch's `where` (with the page's key condition), order and
 * bounds; the list adds its select.
 */
export function keysetPageInBranches<W, R, T>(opts: {
  order: KeyOrder
  query: KeysetPagination
  branches: W[]
  findMany: (args: { where: { AND: [W, KeysetRead['where']] }; orderBy: KeysetRead['orderBy']; skip: number; take: number }) => Promise<R[]>
  count: (args: { where: W; take: number }) => Promise<number>
  keyOf: (row: R) => { value: KeyValue; id: string }
  map: (rows: R[]) => T[] | Promise<T[]>
}): Promise<KeysetPage<T>> {
  const { order, branches, keyOf } = opts
  return keysetPage({
    order,
    query: opts.query,
    find: (read) =>
      findInBranches(order, read, branches, (where, each) => opts.findMany({ where: { AND: [where, each.where] }, orderBy: each.orderBy, skip: each.skip, take: each.take }), keyOf),
    count: (take) => countInBranches(take, branches, (where, each) => opts.count({ where, take: each })),
    keyOf,
    map: opts.map,
  })
}
