// The national data at a tiny fraction, on each database (PostgreSQL through COPY with the
// triggers off, SQLite through the demo's INSERTs): every province's regions with their
// authorities, and the demo's consistency rules (testing/seed-invariants.ts) in every province.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../prisma/client.ts'
import { createTestDatabase, testProviders, type TestDatabase } from '../../../prisma/testing/test-database.ts'
import { CHINA_PROVINCES, CHINA_REGIONS } from '../../../shared/regions/china.ts'
import { HAINAN_REGIONS, isKnownRegionCode } from '../../../shared/regions/hainan.ts'
import { openPersonRow } from '../../../web/server/personal-data/personal-data.ts'
import { SEEDED_TABLES } from '../batch-writer.ts'
import { SeedError } from '../seed-database.ts'
import { createTestSigningKeys } from '../test-signing-keys.ts'
import {
  expectCertificatesConsistent, expectEnterprisesConsistent, expectNothingAfter, expectPeopleConsistent,
  expectPermitHoldersConsistent, expectRecordsConsistent, expectStagesInOrder, permitsTheFormRefuses,
} from '../testing/seed-invariants.ts'
import { type NationalSeedSummary, seedNational, SQLITE_MAX_FRACTION } from './seed-national.ts'

const TEST_KEYS = createTestSigningKeys()
const providers = await testProviders()
const FRACTION = 0.001
const AS_OF = '2024-06-30'

/** Every region the national data holds: Hainan's own table (zones included), every other province's GB/T 2260 rows. */
const EXPECTED_REGIONS = [...HAINAN_REGIONS.map((r) => r.code), ...CHINA_REGIONS.filter((r) => r.provinceCode !== '46').map((r) => r.code)]

function delegate(db: Db, table: string) {
  const name = table[0].toLowerCase() + table.slice(1)
  return (db as unknown as Record<string, { count(): Promise<number> }>)[name]
}

describe.each(providers)(`national data (fraction ${FRACTION}) on %s`, (provider) => {
  let t: TestDatabase
  let db: Db
  let summary: NationalSeedSummary

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    summary = await seedNational(db, {
      signer: TEST_KEYS.signer,
      fraction: FRACTION,
      seed: 'national-test',
      asOf: AS_OF,
      provider,
      copyUrl: provider === 'postgresql' ? t.url : undefined,
    })
  }, 600_000)
  afterAll(async () => {
    await t?.drop()
  })

  it('writes what it reports, in every table, and times each phase', async () => {
    for (const table of SEEDED_TABLES) {
      expect(await delegate(db, table).count(), table).toBe(summary.counts[table])
      expect(summary.counts[table], table).toBeGreaterThan(0)
    }
    expect(summary.phases.map(([name]) => name)).toContain('credit grades (as-of only)')
  })

  it('has every province\'s regions, each with its authority', async () => {
    const regions = await db.region.findMany({ include: { authority: true } })
    expect(regions.map((r) => r.code).sort()).toEqual([...EXPECTED_REGIONS].sort())
    for (const r of regions) {
      expect(r.authority?.name, r.code).toMatch(/住房和城乡建设|规划建设|管理局|管理委员会/)
      expect(r.authority?.phone).toMatch(/^0\d{2,3}-6\d{7}$/)
    }
    const parents = new Set(regions.map((r) => r.code))
    for (const r of regions) if (r.parentCode) expect(parents.has(r.parentCode), r.code).toBe(true)
  })

  it('fills every province with its own enterprises, practitioners and projects', async () => {
    const enterprises = await db.enterprise.findMany({ select: { regionCode: true, inProvince: true } })
    const projects = await db.project.findMany({ select: { regionCode: true } })
    for (const p of CHINA_PROVINCES) {
      const prefix = p.region.provinceCode
      expect(enterprises.some((e) => e.regionCode.startsWith(prefix)), p.region.name).toBe(true)
      expect(projects.some((x) => x.regionCode.startsWith(prefix)), p.region.name).toBe(true)
    }
    expect(enterprises.every((e) => e.inProvince)).toBe(true)
    // ID numbers of the employer's province: two provinces' people never share a number
    const people = (await db.person.findMany({ include: { employer: true } })).map(openPersonRow)
    for (const person of people) expect(person.idNumber.slice(0, 2)).toBe(person.employer?.regionCode.slice(0, 2))
  })

  it('keeps the demo\'s rules in every province', async () => {
    await expectEnterprisesConsistent(db, AS_OF)
    await expectPeopleConsistent(db, AS_OF)
    await expectStagesInOrder(db)
    await expectPermitHoldersConsistent(db)
    expect(await permitsTheFormRefuses(db)).toEqual([])
    // the portal signs Hainan's certificates; its payload holds only Hainan codes
    await expectCertificatesConsistent(db, (regionCode) => isKnownRegionCode(regionCode))
    await expectRecordsConsistent(db)
    await expectNothingAfter(db, AS_OF)
  })

  it('grades every enterprise and practitioner on as-of, and logs every certificate event', async () => {
    const subjects = (await db.enterprise.count()) + (await db.person.count())
    expect(await db.creditGrade.count({ where: { asOf: new Date(`${AS_OF}T00:00:00.000Z`) } })).toBe(subjects)
    const revokedOrSuperseded = await db.certificate.count({ where: { status: { in: ['REVOKED', 'SUPERSEDED'] } } })
    expect(await db.transparencyLogEntry.count()).toBe((await db.certificate.count()) + revokedOrSuperseded)
  })
})

describe('national data on SQLite', () => {
  it(`refuses more than --fraction ${SQLITE_MAX_FRACTION}, naming PostgreSQL`, async () => {
    const t = await createTestDatabase('sqlite')
    try {
      await expect(seedNational(t.db, { signer: TEST_KEYS.signer, fraction: 0.5, asOf: AS_OF, provider: 'sqlite' })).rejects.toThrow(SeedError)
      await expect(seedNational(t.db, { signer: TEST_KEYS.signer, fraction: 1, asOf: AS_OF, provider: 'sqlite' })).rejects.toThrow(/PostgreSQL/)
      expect(await t.db.region.count()).toBe(0)
    } finally {
      await t.drop()
    }
  })
})
