// Substring search on PostgreSQL (docs/database.md, "Substring search"): each register answered
// by one SQL statement for its first hits and one for its capped count, through the gram arrays
// and trigram indexes of the migration search_grams. A register's `where` is an OR over fields of
// several tables (a permit matches by its number, its project's name or code, or its contractor's
// name); as one WHERE that OR defeats every index, so each field is a branch of its own and the
// branches are UNIONed. A name branch finds its subjects (the matching names) first and, by how
// many there are, takes its rows from their ids or from the newest rows of the register (below).
// Each branch is cut at the page (hits) or at the count cap plus one (count): if any branch
// reaches the cap the union does too, and if none does the union is exact, so the capped count
// equals the plain scan's up to the cap.
import type { Db } from '@db/client'
import { Prisma } from '@db/generated/sqlite/client'
import { normalizeCode } from '@shared/validators/normalize'
import { normalizeUscc } from '@shared/validators/uscc'
import { searchPieces } from '@web/server/lib/text-search'
import { queryTokens } from './search-tokens'

type Sql = Prisma.Sql
const raw = Prisma.raw

/** The pieces of `term` as LIKE operands; none when the term is only wildcards (matches nothing). */
function patterns(term: string): string[] {
  return searchPieces(term).map((piece) => `%${piece}%`)
}

/** USCC, project code, permit and filing numbers hold only these; a piece with another character is in no code. */
const CODE_CHARACTERS = /^[0-9A-Z]*$/

/** What one search term becomes: the grams and LIKE operands of each kind of field. */
export interface PostgresTerm {
  /** grams a name containing the term must hold (ASCII folded, as the generated column) */
  grams: string[]
  /** the name must be LIKE each of these */
  names: string[]
  /** code fields searched with normalizeCode (project code, filing number) */
  codes: string[]
  /** the USCC, searched with normalizeUscc */
  usccs: string[]
  /** permit numbers, searched with the term in upper case */
  permitNumbers: string[]
  /** a registration number, matched exactly */
  registrationNumber: string
}

/**
 * The grams asked of the GIN index per term: the ends of the term. The planner multiplies the
 * grams' frequencies as if independent, and the pairs of one word are not (建设, 设工, 工程 come
 * together), so every added pair makes it think the term rarer than it is and walk a join for
 * thousands of rows it expected to be a handful; the LIKE re-check decides the rest anyway.
 */
export const POSTGRES_QUERY_GRAMS = 2

export function postgresTerm(q: string): PostgresTerm {
  return {
    grams: queryTokens(searchPieces(q), POSTGRES_QUERY_GRAMS),
    names: patterns(q),
    codes: patterns(normalizeCode(q)),
    usccs: patterns(normalizeUscc(q)),
    permitNumbers: patterns(q.toUpperCase()),
    registrationNumber: normalizeCode(q),
  }
}

const and = (parts: Sql[]) => Prisma.join(parts, ' AND ')

/** `alias.name` contains the term: the gram index narrows, the LIKE decides. Null: matches nothing. */
function nameMatch(alias: string, term: PostgresTerm): Sql | null {
  if (term.names.length === 0) return null
  const a = Prisma.raw(`"${alias}"`)
  return and([Prisma.sql`${a}."searchGrams" @> ${term.grams}::text[]`, ...term.names.map((p) => Prisma.sql`${a}."name" LIKE ${p}`)])
}

/**
 * A code column contains every piece. Pieces of three or more characters are served by the
 * trigram index; shorter ones occur in most codes (digits), so a scan stops early — except a
 * piece that no code can hold (王伟 against a USCC), where the scan would find nothing and read
 * the whole table: such a branch is tested against the rows whose code is unusual (normally none),
 * which a partial index of the migration lists.
 */
function codeMatch(column: string, pieces: string[]): Sql | null {
  if (pieces.length === 0) return null
  const c = Prisma.raw(column)
  const likes = pieces.map((p) => Prisma.sql`${c} LIKE ${p}`)
  const impossible = pieces.some((p) => !CODE_CHARACTERS.test(p.slice(1, -1)))
  return impossible ? and([Prisma.sql`${c} !~ '^[0-9A-Z]*$'`, ...likes]) : and(likes)
}

/**
 * Name branches look their subjects up first: the rows (of the register itself, or the related
 * enterprise or project) whose name matches, up to this many plus one. Few: the branch's rows are
 * taken from those ids (index probes, bounded) and sorted. More: the newest `window` rows of the
 * register (in the list's order) are tested first — a common term fills the page there — and
 * only when they hold fewer than a page is the whole join run. Left to itself the planner would
 * sometimes walk the whole list looking for a term it wrongly thought common (its estimates for a
 * name LIKE and for several grams are rough), or join thousands of rows it thought few.
 */
export interface SearchTuning {
  /** subjects up to this many are few */
  fewSubjects: number
  /** the newest rows tested first when subjects are many */
  window: number
}

export const DEFAULT_TUNING: SearchTuning = { fewSubjects: 500, window: 500 }

/**
 * One branch of a register's OR: the rows of `table` (as `r`) with `joins` where `match`. A name
 * branch also has `rare`: the subjects' ids by name and the form that takes the register's rows
 * from them (`key = ANY(ids)`). Null match: the branch can find nothing.
 */
interface Branch {
  table: string
  joins: string
  match: Sql | null
  rare?: { subjects: Sql; joins: string; key: string }
}

type LiveBranch = Branch & { match: Sql }

const liveOf = (branches: Branch[]) => branches.filter((b): b is LiveBranch => b.match !== null)

const withCtes = (ctes: Sql[]) => (ctes.length ? Prisma.sql`WITH ${Prisma.join(ctes, ', ')} ` : Prisma.empty)

const fromOf = (b: Branch) => raw(`"${b.table}" AS "r" ${b.joins}`)

/** The first `take` ids in the list's order: each branch's first `take`, their UNION ordered and cut again. */
function hitsStatement(p: RegisterPlan, take: number, { fewSubjects, window: windowRows }: SearchTuning): Sql | null {
  const live = liveOf(p.branches)
  if (live.length === 0) return null
  const ctes: Sql[] = []
  const parts: Sql[] = []
  const tail = Prisma.sql`ORDER BY ${p.orderBy} LIMIT ${take}`
  live.forEach((b, i) => {
    if (!b.rare) {
      parts.push(Prisma.sql`(SELECT ${p.select} FROM ${fromOf(b)} WHERE ${b.match} ${tail})`)
      return
    }
    const [subjects, windowed, few, rest] = ['s', 'w', 'f', 'g'].map((x) => raw(`"${x}${i}"`))
    const many = Prisma.sql`(SELECT count(*) FROM ${subjects}) > ${fewSubjects}`
    const window = raw(`(SELECT * FROM "${b.table}" AS "r" ORDER BY ${p.orderBy.sql} LIMIT ${windowRows}) AS "r" ${b.joins}`)
    ctes.push(
      Prisma.sql`${subjects} AS MATERIALIZED (${b.rare.subjects} LIMIT ${fewSubjects + 1})`,
      Prisma.sql`${windowed} AS MATERIALIZED (SELECT ${p.select} FROM ${window} WHERE ${b.match} AND ${many} ${tail})`,
      Prisma.sql`${few} AS MATERIALIZED (SELECT ${p.select} FROM ${raw(`"${b.table}" AS "r" ${b.rare.joins}`)} WHERE ${raw(b.rare.key)} = ANY(ARRAY(SELECT "id" FROM ${subjects})) AND NOT ${many})`,
      Prisma.sql`${rest} AS MATERIALIZED (SELECT ${p.select} FROM ${fromOf(b)} WHERE ${b.match} AND ${many} AND (SELECT count(*) FROM ${windowed}) < ${take})`,
    )
    parts.push(
      Prisma.sql`(SELECT * FROM ${windowed})`,
      Prisma.sql`(SELECT * FROM ${few} ORDER BY ${p.outerOrderBy} LIMIT ${take})`,
      Prisma.sql`(SELECT * FROM ${rest} ORDER BY ${p.outerOrderBy} LIMIT ${take})`,
    )
  })
  return Prisma.sql`${withCtes(ctes)}SELECT "id" FROM (${Prisma.join(parts, ' UNION ')}) AS "u" ORDER BY ${p.outerOrderBy} LIMIT ${take}`
}

/**
 * The count, up to `limit`: each branch's ids up to `limit` (a CTE, read only when needed), and
 * the first branch found at `limit` answers alone — a common term (公, 海口) fills one branch and
 * the union is never built. CASE and the scalar subqueries under it are evaluated lazily. A name
 * branch with few subjects counts the rows of their ids, as the hits do.
 */
function countStatement(p: RegisterPlan, limit: number, { fewSubjects }: SearchTuning): Sql | null {
  const live = liveOf(p.branches)
  if (live.length === 0) return null
  const name = (i: number) => raw(`"b${i}"`)
  const ctes: Sql[] = []
  live.forEach((b, i) => {
    if (!b.rare) {
      ctes.push(Prisma.sql`${name(i)} AS MATERIALIZED (SELECT "r"."id" FROM ${fromOf(b)} WHERE ${b.match} LIMIT ${limit})`)
      return
    }
    const subjects = raw(`"s${i}"`)
    const many = Prisma.sql`(SELECT count(*) FROM ${subjects}) > ${fewSubjects}`
    ctes.push(
      Prisma.sql`${subjects} AS MATERIALIZED (${b.rare.subjects} LIMIT ${fewSubjects + 1})`,
      Prisma.sql`${name(i)} AS MATERIALIZED ((SELECT "r"."id" FROM ${fromOf(b)} WHERE ${b.match} AND ${many} LIMIT ${limit}) UNION ALL (SELECT "r"."id" FROM ${raw(`"${b.table}" AS "r" ${b.rare.joins}`)} WHERE ${raw(b.rare.key)} = ANY(ARRAY(SELECT "id" FROM ${subjects})) AND NOT ${many} LIMIT ${limit}))`,
    )
  })
  const whens = Prisma.join(
    live.map((_, i) => Prisma.sql`WHEN (SELECT count(*) FROM ${name(i)}) >= ${limit} THEN ${limit}`),
    ' ',
  )
  const all = Prisma.join(
    live.map((_, i) => Prisma.sql`SELECT "id" FROM ${name(i)}`),
    ' UNION ',
  )
  return Prisma.sql`${withCtes(ctes)}SELECT CASE ${whens} ELSE (SELECT count(*) FROM (${all}) AS "u") END AS "n"`
}

export type Register = 'permits' | 'completionFilings' | 'projects' | 'enterprises' | 'practitioners'

interface RegisterPlan {
  branches: Branch[]
  /** the row's id and sort columns, qualified by the register's alias `r` */
  select: Sql
  /** the list's order over those columns */
  orderBy: Sql
  /** the same order over the union's output columns */
  outerOrderBy: Sql
}


/**
 * A branch through subjects: `joins` join the register's rows (`r`) to the subject table as
 * `alias`, whose field must match (`matchOf(alias)`); `rareJoins` and `key` take the rows from the
 * subjects' ids instead. Names and codes alike: a code piece in no code (王伟 in a USCC) has no
 * subjects, and the branch then reads nothing, where the planner might walk the whole list.
 */
function subjectBranch(
  table: string,
  joins: string,
  alias: string,
  subjectTable: string,
  rareJoins: string,
  key: string,
  matchOf: (alias: string) => Sql | null,
): Branch {
  const subjects = matchOf('s')
  return {
    table,
    joins,
    match: matchOf(alias),
    rare: subjects ? { subjects: Prisma.sql`SELECT "s"."id" FROM ${raw(`"${subjectTable}"`)} AS "s" WHERE ${subjects}`, joins: rareJoins, key } : undefined,
  }
}

/** The branches of each register: exactly the fields its list's `where` searches for `q`. */
function plan(register: Register, t: PostgresTerm): RegisterPlan {
  switch (register) {
    case 'enterprises':
      return {
        select: raw(`"r"."id", "r"."name"`),
        orderBy: raw(`"r"."name" ASC, "r"."id" ASC`),
        outerOrderBy: raw(`"name" ASC, "id" ASC`),
        branches: [
          subjectBranch('Enterprise', '', 'r', 'Enterprise', '', `"r"."id"`, (a) => nameMatch(a, t)),
          subjectBranch('Enterprise', '', 'r', 'Enterprise', '', `"r"."id"`, (a) => codeMatch(`"${a}"."uscc"`, t.usccs)),
        ],
      }
    case 'practitioners':
      return {
        select: raw(`"r"."id", "r"."name"`),
        orderBy: raw(`"r"."name" ASC, "r"."id" ASC`),
        outerOrderBy: raw(`"name" ASC, "id" ASC`),
        branches: [
          subjectBranch('Person', '', 'r', 'Person', '', `"r"."id"`, (a) => nameMatch(a, t)),
          subjectBranch('Person', `JOIN "Enterprise" AS "e" ON "e"."id" = "r"."employerId"`, 'e', 'Enterprise', '', `"r"."employerId"`, (a) => nameMatch(a, t)),
          {
            table: 'Person',
            joins: '',
            match: Prisma.sql`"r"."id" IN (SELECT "g"."personId" FROM "Registration" AS "g" WHERE "g"."number" = ${t.registrationNumber})`,
          },
        ],
      }
    case 'projects':
      return {
        select: raw(`"r"."id", "r"."registeredOn"`),
        orderBy: raw(`"r"."registeredOn" DESC, "r"."id" DESC`),
        outerOrderBy: raw(`"registeredOn" DESC, "id" DESC`),
        branches: [
          subjectBranch('Project', '', 'r', 'Project', '', `"r"."id"`, (a) => nameMatch(a, t)),
          subjectBranch('Project', '', 'r', 'Project', '', `"r"."id"`, (a) => codeMatch(`"${a}"."projectCode"`, t.codes)),
          subjectBranch('Project', `JOIN "Enterprise" AS "e" ON "e"."id" = "r"."ownerId"`, 'e', 'Enterprise', '', `"r"."ownerId"`, (a) => nameMatch(a, t)),
        ],
      }
    case 'permits':
      return {
        select: raw(`"r"."id", "r"."issuedOn"`),
        orderBy: raw(`"r"."issuedOn" DESC, "r"."id" DESC`),
        outerOrderBy: raw(`"issuedOn" DESC, "id" DESC`),
        branches: [
          subjectBranch('ConstructionPermit', '', 'r', 'ConstructionPermit', '', `"r"."id"`, (a) => codeMatch(`"${a}"."permitNumber"`, t.permitNumbers)),
          subjectBranch('ConstructionPermit', `JOIN "Project" AS "p" ON "p"."id" = "r"."projectId"`, 'p', 'Project', '', `"r"."projectId"`, (a) => nameMatch(a, t)),
          subjectBranch('ConstructionPermit', `JOIN "Project" AS "p" ON "p"."id" = "r"."projectId"`, 'p', 'Project', '', `"r"."projectId"`, (a) => codeMatch(`"${a}"."projectCode"`, t.codes)),
          subjectBranch('ConstructionPermit', `JOIN "Enterprise" AS "e" ON "e"."id" = "r"."contractorId"`, 'e', 'Enterprise', '', `"r"."contractorId"`, (a) => nameMatch(a, t)),
        ],
      }
    case 'completionFilings':
      return {
        select: raw(`"r"."id", "r"."filedOn"`),
        orderBy: raw(`"r"."filedOn" DESC, "r"."id" DESC`),
        outerOrderBy: raw(`"filedOn" DESC, "id" DESC`),
        branches: [
          subjectBranch('CompletionFiling', '', 'r', 'CompletionFiling', '', `"r"."id"`, (a) => codeMatch(`"${a}"."filingNumber"`, t.codes)),
          subjectBranch('CompletionFiling', `JOIN "Project" AS "p" ON "p"."id" = "r"."projectId"`, 'p', 'Project', '', `"r"."projectId"`, (a) => nameMatch(a, t)),
          subjectBranch('CompletionFiling', `JOIN "Project" AS "p" ON "p"."id" = "r"."projectId"`, 'p', 'Project', '', `"r"."projectId"`, (a) => codeMatch(`"${a}"."projectCode"`, t.codes)),
          subjectBranch(
            'CompletionFiling',
            `JOIN "Project" AS "p" ON "p"."id" = "r"."projectId" JOIN "Enterprise" AS "e" ON "e"."id" = "p"."ownerId"`,
            'e',
            'Enterprise',
            `JOIN "Project" AS "p" ON "p"."id" = "r"."projectId"`,
            `"p"."ownerId"`,
            (a) => nameMatch(a, t),
          ),
          subjectBranch(
            'CompletionFiling',
            `JOIN "ProjectParticipant" AS "pp" ON "pp"."projectId" = "r"."projectId" AND "pp"."role" = 'CONTRACTOR' JOIN "Enterprise" AS "e" ON "e"."id" = "pp"."enterpriseId"`,
            'e',
            'Enterprise',
            `JOIN "ProjectParticipant" AS "pp" ON "pp"."projectId" = "r"."projectId" AND "pp"."role" = 'CONTRACTOR'`,
            `"pp"."enterpriseId"`,
            (a) => nameMatch(a, t),
          ),
        ],
      }
  }
}

export interface RegisterResult {
  /** the first hits' ids in the list's order */
  ids: string[]
  /** how many match, counted up to `countCap + 1` */
  count: number
}

/** The two statements of a register: its first `take` hits' ids in list order, and its count up to `countCap + 1`. Null: the term can match nothing. */
export function registerStatements(
  register: Register,
  t: PostgresTerm,
  take: number,
  countCap: number,
  tuning: SearchTuning = DEFAULT_TUNING,
): { hits: Sql; count: Sql } | null {
  const p = plan(register, t)
  const hits = hitsStatement(p, take, tuning)
  const count = countStatement(p, countCap + 1, tuning)
  return hits && count ? { hits, count } : null
}

/** The first `take` hits of `register` for the term and their number, counted up to `countCap + 1`. */
export async function searchRegister(
  db: Db,
  register: Register,
  t: PostgresTerm,
  take: number,
  countCap: number,
  tuning: SearchTuning = DEFAULT_TUNING,
): Promise<RegisterResult> {
  const statements = registerStatements(register, t, take, countCap, tuning)
  if (!statements) return { ids: [], count: 0 }
  const [rows, [{ n }]] = await Promise.all([
    db.$queryRaw<{ id: string }[]>(statements.hits),
    db.$queryRaw<{ n: number | bigint }[]>(statements.count),
  ])
  return { ids: rows.map((r) => r.id), count: Number(n) }
}

/** The ids of the rows whose own field matches (no joins), up to `limit + 1`: what the lists filter on. */
export async function matchingIds(db: Db, table: 'Enterprise' | 'Person' | 'Project', field: 'name' | 'uscc' | 'projectCode', t: PostgresTerm, limit: number): Promise<string[]> {
  const match = field === 'name' ? nameMatch('r', t) : codeMatch(`"r"."${field}"`, field === 'uscc' ? t.usccs : t.codes)
  if (!match) return []
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT "r"."id" FROM ${raw(`"${table}"`)} AS "r" WHERE ${match} LIMIT ${limit + 1}`
  return rows.map((r) => r.id)
}

/** Whether `db` talks to PostgreSQL (the generated clients share one type; the client knows its provider). */
export function isPostgres(db: Db): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === 'postgresql'
}
