// The first step of a list's search through the index: which enterprises, people and projects
// match the term. PostgreSQL: one statement per register over the gram arrays and trigram indexes
// (postgres-search.ts). SQLite: the token tables, read from the term's rarest token (an index
// range) and the rest checked on those rows only. When few match, the lists filter on those ids
// (`id IN …`, `ownerId IN …`), which both databases answer from the key and foreign-key indexes,
// also where the list ORs several registers together. A `where` of EXISTS subqueries, the other
// way, makes both databases test every row of the list's table when the OR spans relations: a full
// scan again, only a cheaper one. When many match (a common character such as 公), the lists keep
// that form (EXISTS over the token tables, on both databases): the rows then come thick enough
// that a page, and the capped count, fill early.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { normalizeCode } from '@shared/validators/normalize'
import { normalizeUscc } from '@shared/validators/uscc'
import { containsText, searchPieces } from '@web/server/lib/text-search'
import { queryTokens } from './search-tokens'
import { isPostgres, matchingIds, postgresTerm } from './postgres-search-repository'

/**
 * Up to this many matching rows are passed on as ids; more, and the lists take the EXISTS form. A
 * list binds up to three such lists (completion filings: projects, owners, contractors), and Prisma
 * refuses a SQLite query of more than 999 parameters (P2029).
 */
export const MATCH_ID_LIMIT = 250

/**
 * PostgreSQL binds up to 32,767 parameters, and a list filtered by 2,000 ids is still an index
 * walk; the EXISTS form over the token tables walks the list testing every row (fraction 0.1 of
 * national data, permits 海口, 585 permits: 775 ms with 250, 142 ms with 2,000).
 */
export const POSTGRES_MATCH_ID_LIMIT = 2_000

/** The rows of one register that match, or `many` (more than MATCH_ID_LIMIT). */
export type IdMatch = { ids: string[] } | 'many'

export interface SearchMatches {
  /** enterprises whose name contains the term */
  enterpriseNames: IdMatch
  /** enterprises whose name or USCC contains it */
  enterprises: IdMatch
  /** people whose name contains it */
  personNames: IdMatch
  /** projects whose name or project code contains it */
  projects: IdMatch
  /** the person holding the registration whose number is the term (exact, normalised as a code) */
  registrationHolders: IdMatch
  /** the enterprise whose USCC is the term (exact, normalised as a USCC) */
  usccEnterprise: IdMatch
}

/**
 * The exact matches (unique indexes, one probe each): lists that OR them with the name matches
 * filter on the ids, as a relation filter in the OR (`registrations some number`, `enterprise.uscc`)
 * would have PostgreSQL test every row (fraction 0.1 of national data, practitioners 王伟: 476 ms).
 */
async function exactMatches(db: Db, q: string): Promise<Pick<SearchMatches, 'registrationHolders' | 'usccEnterprise'>> {
  const [registration, enterprise] = await Promise.all([
    db.registration.findUnique({ where: { number: normalizeCode(q) }, select: { personId: true } }),
    db.enterprise.findUnique({ where: { uscc: normalizeUscc(q) }, select: { id: true } }),
  ])
  return { registrationHolders: { ids: registration ? [registration.personId] : [] }, usccEnterprise: { ids: enterprise ? [enterprise.id] : [] } }
}

/**
 * `build({ in: ids })` when the ids are known, else the `fallback` where (EXISTS through the tokens).
 * No ids: the row's own `id IN ()`, because a filter through a relation (a filing's project's owner)
 * would still be a LEFT JOIN in the list's OR, and make PostgreSQL join every row to find nothing.
 */
export function byIds<W>(match: IdMatch | undefined, build: (filter: { in: string[] }) => W, fallback: () => W): W {
  if (!match || match === 'many') return fallback()
  return match.ids.length ? build({ in: match.ids }) : ({ id: { in: [] } } as W)
}

function union(a: IdMatch, b: IdMatch, limit: number): IdMatch {
  if (a === 'many' || b === 'many') return 'many'
  const ids = [...new Set([...a.ids, ...b.ids])]
  return ids.length > limit ? 'many' : { ids }
}

function asMatch(ids: string[], limit: number): IdMatch {
  return ids.length > limit ? 'many' : { ids }
}

/** Token frequencies are counted up to this: enough to tell a rare token from a common one. */
const FREQUENCY_CAP = 10_000

/**
 * The tokens of `term`, the rarest first (`count` reads the index, stopping at FREQUENCY_CAP): the
 * read starts from it and checks the others on its rows only; a pair like 有限 or 46 (every code of
 * the province) would make it walk most of the table. Null when some token is in no row at all.
 */
async function tokensOf(term: string, count: (token: string) => Promise<number>): Promise<{ first: string; rest: string[] } | null> {
  const tokens = queryTokens(searchPieces(term))
  if (tokens.length === 0) return null
  const counts = tokens.length === 1 ? [1] : await Promise.all(tokens.map((token) => count(token)))
  if (counts.some((c) => c === 0)) return null
  const [first, ...rest] = tokens.map((token, i) => ({ token, n: counts[i] })).sort((a, b) => a.n - b.n).map((t) => t.token)
  return { first, rest }
}

/**
 * PostgreSQL: each register's matches in one statement through the gram and trigram indexes
 * (postgres-search.ts); the planner, knowing from the array statistics how common each gram is,
 * picks the way in, so the token counts of the SQLite path are not needed.
 */
function createPostgresSearchMatchesRepository(db: Db, limit: number) {
  return {
    async findSearchMatches(q: string): Promise<SearchMatches> {
      const t = postgresTerm(q)
      const [enterpriseNames, usccs, personNames, projectNames, projectCodes, exact] = await Promise.all([
        matchingIds(db, 'Enterprise', 'name', t, limit),
        matchingIds(db, 'Enterprise', 'uscc', t, limit),
        matchingIds(db, 'Person', 'name', t, limit),
        matchingIds(db, 'Project', 'name', t, limit),
        matchingIds(db, 'Project', 'projectCode', t, limit),
        exactMatches(db, q),
      ])
      const names = asMatch(enterpriseNames, limit)
      return {
        ...exact,
        enterpriseNames: names,
        enterprises: union(names, asMatch(usccs, limit), limit),
        personNames: asMatch(personNames, limit),
        projects: union(asMatch(projectNames, limit), asMatch(projectCodes, limit), limit),
      }
    },
  }
}

/** Ids passed on per register on `db`'s database. */
function matchIdLimit(db: Db): number {
  return isPostgres(db) ? POSTGRES_MATCH_ID_LIMIT : MATCH_ID_LIMIT
}

/** `limit`: ids passed on per register (default matchIdLimit). */
export function createSearchMatchesRepository(db: Db, limit = matchIdLimit(db)) {
  return isPostgres(db) ? createPostgresSearchMatchesRepository(db, limit) : createSqliteSearchMatchesRepository(db, limit)
}

function createSqliteSearchMatchesRepository(db: Db, limit: number) {
  async function enterprisesWhere(term: string, fields: ('name' | 'uscc')[], codeTerm: string): Promise<IdMatch> {
    const tokens = await tokensOf(term, (token) => db.enterpriseSearchToken.count({ where: { token }, take: FREQUENCY_CAP }))
    if (!tokens) return { ids: [] }
    const text = fields.map((field) => containsText(field === 'uscc' ? codeTerm : term, (f) => ({ [field]: f }) as Prisma.EnterpriseWhereInput))
    const rows = await db.enterpriseSearchToken.findMany({
      where: {
        token: tokens.first,
        enterprise: { AND: [...tokens.rest.map((token) => ({ searchTokens: { some: { token } } })), { OR: text }] },
      },
      select: { enterpriseId: true },
      take: limit + 1,
    })
    return asMatch(rows.map((r) => r.enterpriseId), limit)
  }

  async function projectsWhere(term: string, field: 'name' | 'projectCode'): Promise<IdMatch> {
    const tokens = await tokensOf(term, (token) => db.projectSearchToken.count({ where: { token }, take: FREQUENCY_CAP }))
    if (!tokens) return { ids: [] }
    const rows = await db.projectSearchToken.findMany({
      where: {
        token: tokens.first,
        project: {
          AND: [...tokens.rest.map((token) => ({ searchTokens: { some: { token } } })), containsText(term, (f) => ({ [field]: f }) as Prisma.ProjectWhereInput)],
        },
      },
      select: { projectId: true },
      take: limit + 1,
    })
    return asMatch(rows.map((r) => r.projectId), limit)
  }

  async function personNames(term: string): Promise<IdMatch> {
    const tokens = await tokensOf(term, (token) => db.personSearchToken.count({ where: { token }, take: FREQUENCY_CAP }))
    if (!tokens) return { ids: [] }
    const rows = await db.personSearchToken.findMany({
      where: {
        token: tokens.first,
        person: { AND: [...tokens.rest.map((token) => ({ searchTokens: { some: { token } } })), containsText(term, (f) => ({ name: f }))] },
      },
      select: { personId: true },
      take: limit + 1,
    })
    return asMatch(rows.map((r) => r.personId), limit)
  }

  return {
    async findSearchMatches(q: string): Promise<SearchMatches> {
      const uscc = normalizeUscc(q)
      const code = normalizeCode(q)
      const [enterpriseNames, usccs, personMatches, projectNames, projectCodes, exact] = await Promise.all([
        enterprisesWhere(q, ['name'], uscc),
        enterprisesWhere(uscc, ['uscc'], uscc),
        personNames(q),
        projectsWhere(q, 'name'),
        projectsWhere(code, 'projectCode'),
        exactMatches(db, q),
      ])
      return {
        ...exact,
        enterpriseNames,
        enterprises: union(enterpriseNames, usccs, limit),
        personNames: personMatches,
        projects: union(projectNames, projectCodes, limit),
      }
    },
  }
}

/**
 * The projects whose owner or a contractor is one of the enterprises matched by name: a list of a
 * project's stage (completion filings) then filters on its own projectId, where the owner's and
 * contractors' names reached through the project are joins in the list's OR, which PostgreSQL
 * answers by joining every row (fraction 0.1 of national data, filings 海口: 593 ms). Undefined
 * when the enterprises are not known as ids (the list keeps its other form).
 */
export async function findPartyProjects(db: Db, matches: SearchMatches | undefined): Promise<IdMatch | undefined> {
  const names = matches?.enterpriseNames
  if (!names || names === 'many') return undefined
  if (names.ids.length === 0) return { ids: [] }
  const limit = matchIdLimit(db)
  const [owned, contracted] = await Promise.all([
    db.project.findMany({ where: { ownerId: { in: names.ids } }, select: { id: true }, take: limit + 1 }),
    db.projectParticipant.findMany({ where: { role: 'CONTRACTOR', enterpriseId: { in: names.ids } }, select: { projectId: true }, take: limit + 1 }),
  ])
  return union(asMatch(owned.map((p) => p.id), limit), asMatch([...new Set(contracted.map((p) => p.projectId))], limit), limit)
}

/** The matches for `q`, or nothing when there is no term. */
export function findSearchMatches(db: Db, q: string | undefined): Promise<SearchMatches | undefined> {
  return q ? createSearchMatchesRepository(db).findSearchMatches(q) : Promise.resolve(undefined)
}
