// The demo-data seed, on every available database: the rules the data must keep (stage order,
// one project code, valid codes, nothing after as-of …) checked with real queries, and
// determinism (same seed ⇒ same rows, on SQLite and PostgreSQL alike; other seed ⇒ other rows).
import { createHash } from 'node:crypto'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HAINAN_REGIONS, OUT_OF_PROVINCE_REGION_CODES } from '../../shared/regions/hainan.ts'
import { ENTERPRISE_TYPES } from '../../shared/domain/enums.ts'
import type { Db } from '../../prisma/client.ts'
import type { DatabaseProvider } from '../../prisma/database-url.ts'
import { createEmptyDatabase, createTestDatabase, testProviders, type TestDatabase } from '../../prisma/testing/test-database.ts'
import { applyMigrations } from '../../prisma/migrator.ts'
import { SEEDED_TABLES } from './batch-writer.ts'
import { normalizeContactPhone } from '../../shared/objections/input.ts'
import { isValidTrackingNumber } from '../../shared/objections/tracking-number.ts'
import { verifyAuditChain } from '../../web/server/audit/audit-log-repository.ts'
import {
  expectCertificatesConsistent, expectEnterprisesConsistent, expectNothingAfter, expectPeopleConsistent,
  expectPermitHoldersConsistent, expectRecordsConsistent, expectStagesInOrder, permitsTheFormRefuses,
} from './testing/seed-invariants.ts'
import { seedDatabase, type SeedSummary } from './seed-database.ts'
import { DEMO_PASSWORD, DEMO_USERS } from './users.ts'
import { verifyPassword } from '../../web/server/auth/passwords.ts'
import { createTestSigningKeys } from './test-signing-keys.ts'
import { openObjectionRow, openPersonRow } from '../../web/server/personal-data/personal-data.ts'
import { createKeyFile } from '../../web/server/personal-data/key-ring.ts'
import { testLogKeyFile } from '../../web/server/transparency-log/testing/use-test-log-key.ts'

const TEST_KEYS = createTestSigningKeys()

const providers = await testProviders()
const SCALE = 0.03
const SEED = 'test-seed'
const AS_OF = '2024-06-30'
const AS_OF_END = new Date('2024-06-30T00:00:00.000Z').getTime()

const iso = (d: Date) => d.toISOString().slice(0, 10)

/** Model delegates by table name, for generic reads. */
function delegate(db: Db, table: string) {
  const name = table[0].toLowerCase() + table.slice(1)
  return (db as unknown as Record<string, { findMany(args?: unknown): Promise<Record<string, unknown>[]> }>)[name]
}

/** The primary key of a seeded table. */
function keyOf(table: string): string {
  return table === 'Region' ? 'code' : table === 'AuditLog' ? 'seq' : 'id'
}

/** SHA-256 over every row of every seeded table, rows ordered by key, values in a provider-neutral form. */
async function digest(db: Db): Promise<string> {
  const hash = createHash('sha256')
  for (const table of SEEDED_TABLES) {
    const rows = await delegate(db, table).findMany()
    const key = keyOf(table)
    rows.sort((a, b) => (key === 'seq' ? Number(a[key]) - Number(b[key]) : String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0))
    hash.update(`#${table}\n`)
    for (const stored of rows) {
      // personal data is encrypted with a fresh IV per value: compared by what it says
      const row = table === 'Person' ? openPersonRow(stored) : table === 'Objection' ? openObjectionRow(stored) : stored
      const canonical = Object.keys(row)
        .sort()
        .map((k) => {
          const v = row[k]
          if (v instanceof Date) return [k, v.toISOString()]
          if (v !== null && typeof v === 'object' && typeof (v as { toFixed?: unknown }).toFixed === 'function') return [k, String(v)]
          return [k, v]
        })
      hash.update(JSON.stringify(canonical) + '\n')
    }
  }
  return hash.digest('hex')
}

const digests = new Map<DatabaseProvider, string>()

// Without the generator's check (scripts/seed/projects.ts, before a permit is issued) this seed at
// this scale names 13 key people whose registration lapsed between the tender and the permit
// (found by trying seeds; issue 14 counted about 7 in the demo seed).
const LAPSING_SEED = 'd'

describe.each(providers)('permits of a seed whose registrations lapse (%s)', (provider) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: TEST_KEYS.signer, scale: SCALE, seed: LAPSING_SEED, asOf: AS_OF })
  }, 180_000)
  afterAll(async () => {
    await t?.drop()
  })

  it('every one names key people the permit form accepts', async () => {
    expect(await permitsTheFormRefuses(t.db)).toEqual([])
  })
})

describe.each(providers)('demo-data seed on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let summary: SeedSummary

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    summary = await seedDatabase(db, { signer: TEST_KEYS.signer, scale: SCALE, seed: SEED, asOf: AS_OF })
  })
  afterAll(async () => {
    await t?.drop()
  })

  it('writes what it reports, in every table', async () => {
    for (const table of SEEDED_TABLES) {
      const rows = await delegate(db, table).findMany({ select: { [keyOf(table)]: true } })
      expect(rows.length, table).toBe(summary.counts[table])
      expect(rows.length, table).toBeGreaterThan(0)
    }
    expect(summary.asOf).toBe(AS_OF)
  })

  it('has every Hainan region with its authority, and the out-of-province regions without one', async () => {
    const regions = await db.region.findMany({ include: { authority: true } })
    for (const r of HAINAN_REGIONS) {
      const row = regions.find((x) => x.code === r.code)
      expect(row?.authority?.name, r.code).toBe(r.authorityName)
      expect(row?.authority?.phone).toMatch(/^0898-6\d{7}$/)
    }
    for (const r of OUT_OF_PROVINCE_REGION_CODES) expect(regions.find((x) => x.code === r.code)?.authority).toBeNull()
  })

  it('has enterprises of every type, ~20 % out of province, with valid USCCs of their own region', async () => {
    const enterprises = await db.enterprise.findMany()
    expect(new Set(enterprises.map((e) => e.type))).toEqual(new Set(ENTERPRISE_TYPES))
    const hainan = new Set(HAINAN_REGIONS.map((r) => r.code))
    const out = enterprises.filter((e) => !e.inProvince)
    expect(out.length / enterprises.length).toBeGreaterThan(0.1)
    expect(out.length / enterprises.length).toBeLessThan(0.3)
    for (const e of enterprises) expect(hainan.has(e.regionCode)).toBe(e.inProvince)
    await expectEnterprisesConsistent(db, AS_OF)
  })

  it('has valid ID numbers and registration numbers; registrations sit with the employer', async () => {
    await expectPeopleConsistent(db, AS_OF)
  })

  it('keeps the five stages of every project in order, under one project code', async () => {
    await expectStagesInOrder(db)
  })

  it('names the permit holders as participants, with registered key people of those firms', async () => {
    await expectPermitHoldersConsistent(db)
  })

  it('names key people whose registration with the firm is valid on the issue day, as the permit form requires', async () => {
    expect(await permitsTheFormRefuses(db)).toEqual([])
  })

  it('issues unique, valid certificate serials for every permit and completion filing', async () => {
    await expectCertificatesConsistent(db, () => true)
  })

  it('gives every integrity record a known category, a decision number and a publication period', async () => {
    await expectRecordsConsistent(db)
  })

  it('dates nothing after the as-of day', async () => {
    await expectNothingAfter(db, AS_OF)
  })

  it('grades every enterprise and practitioner at each quarter end of three years and on as-of, under the current standard', async () => {
    const subjects = (await db.enterprise.count()) + (await db.person.count())
    const days = await db.creditGrade.groupBy({ by: ['asOf'], _count: { _all: true }, orderBy: { asOf: 'asc' } })
    expect(days.map((d) => iso(d.asOf))).toEqual([
      '2021-06-30', '2021-09-30', '2021-12-31', '2022-03-31', '2022-06-30', '2022-09-30',
      '2022-12-31', '2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31', '2024-03-31', AS_OF,
    ])
    for (const d of days) expect(d._count._all, iso(d.asOf)).toBe(subjects)
    const latest = await db.creditGrade.findMany({ where: { isLatest: true }, select: { asOf: true } })
    expect(latest.length).toBe(subjects)
    expect(latest.every((g) => iso(g.asOf) === AS_OF)).toBe(true)
    const standards = await db.scoringStandard.findMany()
    expect(standards.map((s) => s.version)).toEqual(['HN-2026.1'])
    expect(await db.creditGrade.count({ where: { standardVersion: { not: 'HN-2026.1' } } })).toBe(0)
  })

  it('has enterprises and practitioners on the blacklist on as-of, stored by the grade recompute', async () => {
    const listed = await db.creditGrade.findMany({ where: { isLatest: true, blacklisted: true }, select: { subjectType: true, asOf: true, grade: true, listedOn: true, removableOn: true, blacklistGrounds: true } })
    const enterprises = listed.filter((g) => g.subjectType === 'ENTERPRISE')
    const people = listed.filter((g) => g.subjectType === 'PERSON')
    expect(enterprises.length).toBeGreaterThan(0)
    expect(people.length).toBeGreaterThan(0)
    for (const g of listed) {
      expect(iso(g.asOf)).toBe(AS_OF)
      expect(g.grade).toBe('C')
      expect(g.listedOn && iso(g.listedOn) <= AS_OF).toBe(true)
      expect(g.removableOn && iso(g.removableOn) > AS_OF).toBe(true)
      expect(String(g.blacklistGrounds)).toMatch(/"code"/)
    }
    // every ground a practitioner can be listed on is an accident; firms have the other grounds too
    const grounds = new Set(listed.flatMap((g) => (JSON.parse(String(g.blacklistGrounds)) as { code: string }[]).map((x) => x.code)))
    expect([...grounds].sort()).toEqual(['QUALIFICATION_FRAUD', 'REFUSE_PAYMENT', 'SERIOUS_ACCIDENT', 'TRANSFER_OR_LEND'])
  })

  it('has records whose publication ended in the 90 days before as-of', async () => {
    const end = new Date(AS_OF_END)
    const ended = await db.integrityRecord.count({ where: { publishUntil: { gt: new Date(AS_OF_END - 90 * 86_400_000), lte: end } } })
    expect(ended).toBeGreaterThan(0)
  })

  it('has objections in every state; an accepted one withdrew its record, each change is audited', async () => {
    const objections = (await db.objection.findMany({ include: { record: { select: { status: true } } } })).map(openObjectionRow)
    expect(new Set(objections.map((o) => o.status))).toEqual(new Set(['SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED']))
    for (const o of objections) {
      expect(isValidTrackingNumber(o.trackingNumber), o.trackingNumber).toBe(true)
      expect(normalizeContactPhone(o.contactPhone)).toBe(o.contactPhone)
      expect(o.record.status).toBe(o.status === 'ACCEPTED' ? 'WITHDRAWN' : 'ACTIVE')
      if (o.status === 'REJECTED' || o.status === 'ACCEPTED') expect(o.statusReason?.length).toBeGreaterThan(0)
      if (o.status === 'SUBMITTED') expect(o.statusChangedAt).toBeNull()
      else expect(o.statusChangedAt!.getTime()).toBeGreaterThan(o.submittedAt.getTime())
      if (o.kind === 'REPAIR') expect(o.rectification?.length).toBeGreaterThan(0)
    }
    const withdrawn = await db.integrityRecord.count({ where: { status: 'WITHDRAWN' } })
    expect(withdrawn).toBe(objections.filter((o) => o.status === 'ACCEPTED').length)
    // submit + (review) + (decision) per objection, + one withdrawal per accepted one
    const entries = await db.auditLog.findMany({ orderBy: { seq: 'asc' } })
    const expected = objections.reduce((n, o) => n + ({ SUBMITTED: 1, UNDER_REVIEW: 2, ACCEPTED: 4, REJECTED: 3 } as const)[o.status], 0)
    expect(entries.length).toBe(expected)
    expect(new Set(entries.filter((e) => e.entity === 'Objection').map((e) => e.entityId))).toEqual(new Set(objections.map((o) => o.id)))
    expect(entries.filter((e) => e.action === 'record.withdraw').length).toBe(withdrawn)
    expect(await verifyAuditChain(db)).toBeNull()
    // a withdrawn record no longer counts: no stored grade of as-of rests on one
    const withdrawnIds = new Set((await db.integrityRecord.findMany({ where: { status: 'WITHDRAWN' }, select: { id: true } })).map((r) => r.id))
    const listed = await db.creditGrade.findMany({ where: { isLatest: true, blacklisted: true }, select: { blacklistGrounds: true } })
    for (const g of listed) for (const ground of JSON.parse(String(g.blacklistGrounds)) as { recordIds: string[] }[]) for (const id of ground.recordIds) expect(withdrawnIds.has(id)).toBe(false)
  })

  it('has each decision made by a reviewer who may make it: of the request\'s region, or the province\'s', async () => {
    const objections = await db.objection.findMany({
      select: { id: true, trackingNumber: true, enterprise: { select: { regionCode: true } }, person: { select: { employer: { select: { regionCode: true } } } } },
    })
    const regionOf = new Map(objections.map((o) => [o.id, o.enterprise?.regionCode ?? o.person?.employer?.regionCode ?? null]))
    const regionOfNumber = new Map(objections.map((o) => [o.trackingNumber, regionOf.get(o.id)!]))
    const users = new Map((await db.user.findMany({ select: { id: true, role: true, authority: { select: { regionCode: true } } } })).map((u) => [u.id, u]))
    const decisions = await db.auditLog.findMany({ where: { action: { in: ['objection.review', 'objection.accept', 'objection.reject', 'record.withdraw'] } } })
    expect(decisions.length).toBeGreaterThan(0)
    for (const d of decisions) {
      const region = d.entity === 'Objection' ? regionOf.get(d.entityId) : regionOfNumber.get(JSON.parse(d.changes).objection)
      expect(region, `${d.action} ${d.entityId}`).not.toBeUndefined()
      const user = users.get(d.userId!)!
      expect(user.role, `${d.action} ${d.entityId}`).toBe('REVIEWER')
      const reviewerRegion = user.authority!.regionCode
      // a city's reviewer only for its city; the province's for the regions without a reviewer of their own
      if (reviewerRegion === '460000') expect(['460100', '460200']).not.toContain(region)
      else expect(reviewerRegion).toBe(region)
    }
  })

  it('creates the demo staff accounts (each role, the province and two regions) with Argon2id hashes, their TOTP enrolled', async () => {
    const users = await db.user.findMany({ include: { authority: true }, orderBy: { username: 'asc' } })
    expect(users.map((u) => [u.username, u.role, u.authority?.regionCode])).toEqual([
      ['admin', 'PROVINCE_ADMIN', '460000'],
      ['auditor', 'AUDITOR', '460000'],
      ['haikou', 'REGION_OFFICER', '460100'],
      ['haikou-reviewer', 'REVIEWER', '460100'],
      ['province', 'REGION_OFFICER', '460000'],
      ['province-reviewer', 'REVIEWER', '460000'],
      ['sanya', 'REGION_OFFICER', '460200'],
      ['sanya-reviewer', 'REVIEWER', '460200'],
    ])
    for (const u of users) {
      expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
      expect(await verifyPassword(u.passwordHash, DEMO_PASSWORD)).toBe(true)
      expect(u).toMatchObject({ isDemo: true, mustChangePassword: false, active: true, totpSecret: DEMO_USERS.find((d) => d.username === u.username)!.totpSecret })
      expect(u.totpEnrolledAt).not.toBeNull()
    }
  })

  it('is deterministic: reset and reseed with the same seed gives the same rows; another seed does not', async () => {
    const first = await digest(db)
    digests.set(provider, first)
    await seedDatabase(db, { signer: TEST_KEYS.signer, scale: SCALE, seed: SEED, asOf: AS_OF, reset: true })
    expect(await digest(db)).toBe(first)
    await seedDatabase(db, { signer: TEST_KEYS.signer, scale: SCALE, seed: 'another-seed', asOf: AS_OF, reset: true })
    expect(await digest(db)).not.toBe(first)
  })

  it.runIf(provider === 'sqlite')('gives the connection back with its own durability and cache settings', async () => {
    const pragmas = async () => [
      await db.$queryRawUnsafe<unknown[]>('PRAGMA synchronous'),
      await db.$queryRawUnsafe<unknown[]>('PRAGMA cache_size'),
    ]
    const before = await pragmas()
    await seedDatabase(db, { signer: TEST_KEYS.signer, scale: 0.01, seed: SEED, asOf: AS_OF, reset: true })
    expect(await pragmas()).toEqual(before)
  })

  it('refuses to seed a database that has data, unless told to reset', async () => {
    await expect(seedDatabase(db, { signer: TEST_KEYS.signer, scale: SCALE, seed: SEED, asOf: AS_OF })).rejects.toThrow(/reset/)
  })
})

describe('demo-data seed across databases', () => {
  it.runIf(providers.length > 1)('writes the same rows on SQLite and PostgreSQL', () => {
    expect(digests.get('postgresql')).toBe(digests.get('sqlite'))
  })
})

describe('npm run db:seed', () => {
  let empty: Awaited<ReturnType<typeof createEmptyDatabase>>
  beforeAll(async () => {
    empty = await createEmptyDatabase('sqlite')
    await applyMigrations(empty.url)
  })
  afterAll(async () => {
    await empty?.drop()
  })

  const keysFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seed-keys-')), 'certificate-keys.json')
  fs.writeFileSync(keysFile, JSON.stringify(TEST_KEYS.keyFile))
  const personalDataKeysFile = path.join(path.dirname(keysFile), 'personal-data-keys.json')
  fs.writeFileSync(personalDataKeysFile, JSON.stringify(createKeyFile()))
  // the transparency log's key: the seed's last step logs every certificate event and signs it
  const logKeyFile = path.join(path.dirname(keysFile), 'log-key.json')
  fs.writeFileSync(logKeyFile, JSON.stringify(testLogKeyFile()))
  const run = (args: string[], keys = keysFile, personalDataKeys = personalDataKeysFile) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/seed/main.ts', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: empty.url,
        CERTIFICATE_KEYS_FILE: keys,
        CERTIFICATE_SIGNING_KEY_HEX: '',
        PERSONAL_DATA_KEYS_FILE: personalDataKeys,
        PERSONAL_DATA_KEY: '',
        PERSONAL_DATA_HMAC_KEY: '',
        LOG_KEY_FILE: logKeyFile,
        LOG_SIGNING_KEY_HEX: '',
      },
    })

  it('refuses to seed without the personal-data keys, naming the setting', async () => {
    await expect(run(['--scale', '0.02'], keysFile, path.join(path.dirname(keysFile), 'missing.json'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('PERSONAL_DATA_KEYS_FILE'),
    })
  })

  it('refuses to seed without a signing key, saying how to make one', async () => {
    await expect(run(['--scale', '0.02'], path.join(path.dirname(keysFile), 'missing.json'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('generate-demo-keys'),
    })
  })

  it('seeds, prints rows per table and the elapsed time, and needs --reset the second time', async () => {
    const { stdout } = await run(['--scale', '0.02', '--seed', '7', '--as-of', '2022-03-01'])
    expect(stdout).toMatch(/ConstructionPermit\s+[\d,]+/)
    expect(stdout).toMatch(/elapsed [\d.]+ s/)
    await expect(run(['--scale', '0.02', '--as-of', '2022-03-01'])).rejects.toMatchObject({ code: 1 })
    const again = await run(['--scale', '0.02', '--seed', '7', '--as-of', '2022-03-01', '--reset'])
    expect(again.stdout).toMatch(/total\s+[\d,]+/)
  })

  it('rejects bad arguments', async () => {
    await expect(run(['--scale', 'lots'])).rejects.toMatchObject({ code: 2 })
    await expect(run(['--as-of', '2022-02-30', '--reset'])).rejects.toMatchObject({ code: 1 })
  })
})
