// The back office's list searches under the public search's bound (web/server/lib/query-params.ts):
// on both databases, every staff list use case and the stage forms' enterprise picker answer a
// term of 100 characters or 8 pieces, and refuse one of 101 characters, 9 pieces or a control
// character with InputError naming `q` — the 9-piece term is what, unbounded, made SQLite fail
// ("at most 64 tables in a join") on the records list. A plain search still finds its rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { listStaffEnterprises } from '@web/server/enterprises/list-staff-enterprises'
import { InputError } from '@web/server/lib/errors'
import { MAX_SEARCH_TERM_LENGTH } from '@web/server/lib/query-params'
import { MAX_SEARCH_PIECES } from '@web/server/lib/text-search'
import { listStaffPractitioners } from '@web/server/practitioners/list-staff-practitioners'
import { listStaffProjects } from '@web/server/projects/list-staff-projects'
import { lookupEnterprises } from '@web/server/projects/lookup-parties'
import { createProjectWorld, type ProjectWorld } from '@web/server/projects/testing/fixtures'
import { listStaffRecords } from '@web/server/records/list-staff-records'

const providers = await testProviders()

type Search = (db: Db, actor: Actor, q: string) => Promise<unknown>
const SEARCHES: Record<string, Search> = {
  listStaffEnterprises: (db, a, q) => listStaffEnterprises(db, a, { q }),
  listStaffPractitioners: (db, a, q) => listStaffPractitioners(db, a, { q }),
  listStaffRecords: (db, a, q) => listStaffRecords(db, a, { q }),
  listStaffProjects: (db, a, q) => listStaffProjects(db, a, { q, page: 1 }),
  lookupEnterprises: (db, a, q) => lookupEnterprises(db, a, q),
}

// pieces are what is left between LIKE wildcards (text-search.ts): 'ab%ab%…'
const pieces = (n: number) => Array.from({ length: n }, () => '建工').join('%')

describe.each(providers)('staff list searches on %s', (provider) => {
  let t: TestDatabase
  let w: ProjectWorld
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    w = await createProjectWorld(t.db)
  })
  afterAll(async () => t?.drop())

  const refusal = async (search: Search, q: string) => {
    const error = await search(t.db, w.actors.haikouOfficer, q).then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).fields
  }

  it.each(Object.keys(SEARCHES))('%s: answers a term at the bounds and refuses one past them, naming q', async (name) => {
    const search = SEARCHES[name]
    const actor = w.actors.haikouOfficer
    await expect(search(t.db, actor, '海'.repeat(MAX_SEARCH_TERM_LENGTH))).resolves.toBeDefined()
    await expect(search(t.db, actor, pieces(MAX_SEARCH_PIECES))).resolves.toBeDefined()
    // spaces around a term are not part of it
    await expect(search(t.db, actor, ` ${'海'.repeat(MAX_SEARCH_TERM_LENGTH)} `)).resolves.toBeDefined()

    expect(await refusal(search, '海'.repeat(MAX_SEARCH_TERM_LENGTH + 1))).toEqual({ q: `搜索词不能超过 ${MAX_SEARCH_TERM_LENGTH} 个字符` })
    expect(Object.keys(await refusal(search, pieces(MAX_SEARCH_PIECES + 1)))).toEqual(['q'])
    expect(Object.keys(await refusal(search, '建工\u0000'))).toEqual(['q'])
    expect(Object.keys(await refusal(search, '%'.repeat(2_000)))).toEqual(['q'])
  })

  it('still finds what a plain term names', async () => {
    const actor = w.actors.haikouOfficer
    const enterprises = await listStaffEnterprises(t.db, actor, { q: '海口城市建设' })
    expect(enterprises.items.map((e) => e.name)).toEqual(['海口城市建设投资有限公司'])
    expect((await lookupEnterprises(t.db, actor, '海口城市建设')).map((e) => e.name)).toEqual(['海口城市建设投资有限公司'])
    // no term: the whole list
    expect((await listStaffEnterprises(t.db, actor, { q: '   ' })).total).toBeGreaterThan(1)
  })
})
