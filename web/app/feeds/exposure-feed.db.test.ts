// The exposure feed's route against a real database on every test provider: only records public
// today under the one publication rule appear (not withdrawn, not before publishFrom, not from the
// day publishUntil names), and the document parses as RSS.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@web/lib/db'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'

vi.mock('next/server', () => ({ connection: async () => {} }))
const database = vi.hoisted(() => ({ current: null as Db | null }))
vi.mock('@web/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@web/lib/db')>()),
  getDb: () => {
    if (!database.current) throw new Error('no test database for this test')
    return database.current
  },
}))

const { GET } = await import('./exposure.xml/route')
const providers = await testProviders()
const dayFromToday = (offset: number) => new Date(`${chinaDateOf(new Date(Date.now() + offset * 86_400_000))}T00:00:00Z`)

describe.each(providers)('exposure feed on %s', (provider) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    database.current = t.db
    await seedDatabase(t.db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'exposure-feed', asOf: chinaDateOf(new Date()) })
    const enterprise = await t.db.enterprise.findFirstOrThrow({ where: { type: 'CONTRACTOR' }, orderBy: { id: 'asc' } })
    const record = (title: string, from: number, until: number, status: 'ACTIVE' | 'WITHDRAWN' = 'ACTIVE') =>
      t.db.integrityRecord.create({
        data: {
          subjectType: 'ENTERPRISE',
          enterpriseId: enterprise.id,
          kind: 'BAD',
          categoryCode: 'BAD.PENALTY.MINOR',
          title,
          description: '测试记录',
          decisionNumber: '琼建罚〔2026〕901号',
          issuedBy: '海南省住房和城乡建设厅',
          // decided in the future of every seeded record, so that these are the feed's newest
          decidedOn: dayFromToday(0),
          publishFrom: dayFromToday(from),
          publishUntil: dayFromToday(until),
          points: -5,
          status,
        },
      })
    await record('FEED-TEST 今日起公示', 0, 180)
    await record('FEED-TEST 明日起公示', 1, 180)
    await record('FEED-TEST 今日已期满', -180, 0)
    await record('FEED-TEST 已撤回', -10, 180, 'WITHDRAWN')
  })
  afterAll(async () => {
    database.current = null
    await t?.drop()
  })

  it('lists the records public today and none outside their publication period', async () => {
    const xml = await (await GET()).text()
    expect(XMLValidator.validate(xml)).toBe(true)
    const channel = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item', parseTagValue: false }).parse(xml).rss.channel
    const items: { title: string; guid: { '#text': string } }[] = channel.item ?? []
    expect(items.map((i) => i.title).filter((title) => title.includes('FEED-TEST'))).toEqual([expect.stringContaining('FEED-TEST 今日起公示')])
    // and every entry it shows (the guid names the record) is public today
    const ids = items.map((i) => i.guid['#text'].replace(/^.*#record-/, ''))
    const shown = await t.db.integrityRecord.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, publishFrom: true, publishUntil: true } })
    expect(shown).toHaveLength(ids.length)
    const today = dayFromToday(0)
    for (const r of shown) {
      expect(r.status, r.id).toBe('ACTIVE')
      expect(r.publishFrom <= today && today < r.publishUntil, r.id).toBe(true)
    }
  })
})
