// The objection route handlers against a real database on every test provider: a valid request is
// stored (with its audit entry) and answered 201; what the record does not allow is a 400 naming the
// field or a 404 that says nothing about why, and writes nothing; 413 over 16 KB; the per-client
// hourly limit (failed submissions count too) with 429 + Retry-After; the status route's checks and
// masking. Only getDb() is replaced, by the provider's test database; the settings come from the
// environment as in production (web/lib/env.ts), set before the routes are imported.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { isValidTrackingNumber } from '@shared/objections/tracking-number'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@web/lib/db'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { openObjectionRow } from '@web/server/personal-data/personal-data'

vi.mock('next/server', () => ({ connection: async () => {} }))
const database = vi.hoisted(() => ({ current: null as Db | null }))
vi.mock('@web/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@web/lib/db')>()),
  getDb: () => {
    if (!database.current) throw new Error('no test database for this test')
    return database.current
  },
}))
// read by web/lib/env when the routes are imported below; the memory count, never a Redis
vi.stubEnv('OBJECTION_RATE_LIMIT_PER_HOUR', '4')
vi.stubEnv('REDIS_URL', '')
vi.stubEnv('TRUSTED_PROXY_COUNT', '0')
afterAll(() => vi.unstubAllEnvs())

const { resetRateLimitersForTesting } = await import('@web/server/rate-limit/configured-limiter')
const { POST } = await import('../../app/api/v1/objections/route')
const status = await import('../../app/api/v1/objections/[trackingNumber]/route')

const providers = await testProviders()
const ORIGIN = 'http://localhost:3000'
const none = { params: Promise.resolve({}) as Promise<Record<string, never>> }
const PHONE = '13800138000'

/** China calendar day `offset` days from today, as stored (UTC midnight): the routes judge "public today". */
const dayFromToday = (offset: number) => new Date(`${chinaDateOf(new Date(Date.now() + offset * 86_400_000))}T00:00:00Z`)

/** All requests come from one client (no x-portal-client-ip: the shared unknown one) unless a test names another on purpose. */
const post = (body: unknown, init: { raw?: string; clientIp?: string } = {}) =>
  POST(
    new Request(`${ORIGIN}/api/v1/objections`, {
      method: 'POST',
      body: init.raw ?? JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(init.clientIp ? { 'x-portal-client-ip': init.clientIp } : {}) },
    }),
    none,
  )
const getStatus = (trackingNumber: string) =>
  status.GET(new Request(`${ORIGIN}/api/v1/objections/${trackingNumber}`), { params: Promise.resolve({ trackingNumber }) })

// each test starts with the whole hourly budget
beforeEach(() => resetRateLimitersForTesting())

describe.each(providers)('objection routes on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  const records = {} as Record<'publicBad' | 'publicGood' | 'expired' | 'notYet' | 'withdrawn', string>
  const valid = (recordId: string) => ({ recordId, kind: 'OBJECTION', applicantName: '海南测试建设工程有限公司', contactPhone: PHONE, reasons: '记录的文号有误，请核实更正。' })
  const stored = () => db.objection.count()

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    database.current = db
    await seedDatabase(db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'objection-routes', asOf: chinaDateOf(new Date()) })
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { type: 'CONTRACTOR' }, orderBy: { id: 'asc' } })
    const record = async (kind: 'GOOD' | 'BAD', categoryCode: string, from: number, until: number, recordStatus: 'ACTIVE' | 'WITHDRAWN' = 'ACTIVE') =>
      (
        await db.integrityRecord.create({
          data: {
            subjectType: 'ENTERPRISE',
            enterpriseId: enterprise.id,
            kind,
            categoryCode,
            title: `测试记录 ${categoryCode}`,
            description: '测试记录',
            decisionNumber: '琼建罚〔2025〕900号',
            issuedBy: '海南省住房和城乡建设厅',
            decidedOn: dayFromToday(from),
            publishFrom: dayFromToday(from),
            publishUntil: dayFromToday(until),
            points: kind === 'GOOD' ? 3 : -10,
            status: recordStatus,
          },
        })
      ).id
    // public for more than a year of a period over a year: credit repair is allowed too
    records.publicBad = await record('BAD', 'BAD.BIDDING.COLLUSION', -400, 700)
    records.publicGood = await record('GOOD', 'GOOD.COMMENDATION.PROVINCIAL', -100, 900)
    // the day publishUntil names is no longer public
    records.expired = await record('BAD', 'BAD.PENALTY.MINOR', -200, 0)
    records.notYet = await record('BAD', 'BAD.PENALTY.MINOR', 1, 200)
    records.withdrawn = await record('BAD', 'BAD.BIDDING.COLLUSION', -400, 700, 'WITHDRAWN')
  })
  afterAll(async () => {
    database.current = null
    await t?.drop()
  })

  it('stores a valid request with its audit entry and answers 201 with the tracking number and the status page', async () => {
    const audits = await db.auditLog.count()
    const res = await post(valid(records.publicBad))
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.json()
    expect(isValidTrackingNumber(body.trackingNumber)).toBe(true)
    expect(body.statusUrl).toBe(`/credit/objections/${body.trackingNumber}`)
    expect(res.headers.get('location')).toBe(body.statusUrl)
    expect(body).toMatchObject({ status: 'SUBMITTED', kind: 'OBJECTION' })
    // the phone is stored for staff, and answered only masked
    expect(JSON.stringify(body)).not.toContain(PHONE)
    // stored encrypted (web/server/personal-data), opened here
    const row = openObjectionRow(await db.objection.findUniqueOrThrow({ where: { trackingNumber: body.trackingNumber } }))
    expect(row).toMatchObject({ recordId: records.publicBad, kind: 'OBJECTION', contactPhone: PHONE, status: 'SUBMITTED', email: null, rectification: null })
    expect(await db.auditLog.count()).toBe(audits + 1)
  })

  it('accepts credit repair for a bad record public long enough', async () => {
    const res = await post({ ...valid(records.publicBad), kind: 'REPAIR', rectification: '已经完成全部整改并经复查合格。' })
    expect(res.status).toBe(201)
    const row = await db.objection.findUniqueOrThrow({ where: { trackingNumber: (await res.json()).trackingNumber } })
    expect(row).toMatchObject({ kind: 'REPAIR', rectification: '已经完成全部整改并经复查合格。' })
  })

  it('answers 400 naming every wrong field in Chinese, and stores nothing', async () => {
    const before = await stored()
    const res = await post({ ...valid(records.publicBad), contactPhone: '12345', reasons: '短' })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.issues.map((i: { parameter: string }) => i.parameter).sort()).toEqual(['contactPhone', 'reasons'])
    for (const issue of body.error.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
    expect((await post(undefined, { raw: '{not json' })).status).toBe(400)
    expect(await stored()).toBe(before)
  })

  it('answers 400 naming kind when a good record is asked to be repaired, and stores nothing', async () => {
    const before = await stored()
    const res = await post({ ...valid(records.publicGood), kind: 'REPAIR', rectification: '已经完成全部整改并经复查合格。' })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.issues).toHaveLength(1)
    expect(body.error.issues[0].parameter).toBe('kind')
    expect(body.error.issues[0].message).toMatch(/[\u4e00-\u9fff]/)
    expect(await stored()).toBe(before)
  })

  it('answers the same 404 for an unknown record and one not public today, saying nothing about which', async () => {
    const before = await stored()
    const answers = []
    for (const recordId of ['no-such-record', records.expired, records.notYet, records.withdrawn]) {
      await resetRateLimitersForTesting()
      const res = await post(valid(recordId))
      expect(res.status, recordId).toBe(404)
      answers.push(await res.json())
    }
    expect(answers[0].error.code).toBe('not_found')
    expect(answers[0].error.message).not.toMatch(/期满|撤回|未开始/)
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(await stored()).toBe(before)
  })

  it('answers 413 for a body over 16 KB, and stores nothing', async () => {
    const before = await stored()
    const res = await post({ ...valid(records.publicBad), reasons: '理'.repeat(6000) })
    expect(res.status).toBe(413)
    expect(await stored()).toBe(before)
  })

  it('limits each client per hour, failed submissions included, with Retry-After', async () => {
    const before = await stored()
    expect((await post({ ...valid(records.publicBad), contactPhone: 'x' })).status).toBe(400)
    // three applicants: the same phone on the same day would be one request (de-duplicated)
    for (let i = 0; i < 3; i++) expect((await post({ ...valid(records.publicBad), contactPhone: `1390000100${i}` })).status).toBe(201)
    const limited = await post(valid(records.publicBad))
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    expect((await limited.json()).error.message).toMatch(/分钟后再试/)
    expect(await stored()).toBe(before + 3)
    // another client is not affected
    expect((await post(valid(records.publicBad), { clientIp: '203.0.113.2' })).status).toBe(201)
  })

  it('answers the status by tracking number, normalized, masked, never cached', async () => {
    const { trackingNumber } = await (await post({ ...valid(records.publicBad), email: 'legal@example.com' })).json()
    const res = await getStatus(trackingNumber.toLowerCase())
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.json()
    expect(body).toMatchObject({ trackingNumber, status: 'SUBMITTED', kind: 'OBJECTION' })
    expect(JSON.stringify(body)).not.toContain(PHONE)
    expect(JSON.stringify(body)).not.toContain('legal@example.com')
  })

  it('answers 400 for a number with a wrong check character and 404 for an unknown valid one', async () => {
    const { trackingNumber } = await (await post(valid(records.publicBad))).json()
    const last = trackingNumber.at(-1)
    const bad = await getStatus(`${trackingNumber.slice(0, -1)}${last === 'X' ? 'Y' : 'X'}`)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.issues[0].parameter).toBe('trackingNumber')
    // a well-formed number nobody was given
    await db.objection.delete({ where: { trackingNumber } })
    expect((await getStatus(trackingNumber)).status).toBe(404)
  })
})
