import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import Database from 'better-sqlite3'
import { applyMigrations, readMigrations, SCHEMA_FILES, snapshotPath } from './migrator.ts'
import { createDb } from './client.ts'
import { parseDatabaseUrl } from './database-url.ts'
import { createEmptyDatabase, testProviders } from './testing/test-database.ts'

const providers = await testProviders()

async function appliedMigrationNames(url: string): Promise<string[]> {
  const target = parseDatabaseUrl(url)
  if (target.provider === 'sqlite') {
    const conn = new Database(target.location, { readonly: true })
    try {
      const rows = conn.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name').all() as { migration_name: string }[]
      return rows.map((r) => r.migration_name)
    } finally {
      conn.close()
    }
  }
  const client = new pg.Client({ connectionString: target.location })
  await client.connect()
  try {
    const { rows } = await client.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name')
    return rows.map((r) => r.migration_name as string)
  } finally {
    await client.end()
  }
}

describe.each(providers)('committed migrations on %s', (provider) => {
  let empty: Awaited<ReturnType<typeof createEmptyDatabase>>
  beforeAll(async () => {
    empty = await createEmptyDatabase(provider)
  })
  afterAll(async () => {
    await empty?.drop()
  })

  it('apply to an empty database and are recorded as Prisma records them', async () => {
    const expected = readMigrations(provider).migrationDirectories.map((d) => d.path)
    expect(expected.length).toBeGreaterThan(0)
    expect(await applyMigrations(empty.url)).toEqual(expected)
    expect(await appliedMigrationNames(empty.url)).toEqual(expected)
  })

  it('are not applied twice', async () => {
    expect(await applyMigrations(empty.url)).toEqual([])
  })

  it('build every table the generated client queries', async () => {
    const db = createDb(empty.url)
    try {
      const counts = await Promise.all([
        db.region.count(), db.authority.count(), db.enterprise.count(), db.qualification.count(),
        db.person.count(), db.registration.count(), db.project.count(), db.projectParticipant.count(),
        db.projectKeyPerson.count(), db.contractFiling.count(), db.drawingReview.count(),
        db.supervisionFiling.count(), db.constructionPermit.count(), db.completionFiling.count(),
        db.certificate.count(), db.integrityRecord.count(), db.scoringStandard.count(),
        db.creditGrade.count(), db.user.count(), db.auditLog.count(),
      ])
      expect(counts.every((n) => n === 0)).toBe(true)
      // a write through every layer: enum, relation, decimal and date columns round-trip
      await db.region.create({ data: { code: '460100', name: '海口市', shortName: '海口', level: 'CITY', sortOrder: 1 } })
      const enterprise = await db.enterprise.create({
        data: {
          uscc: '91460000MA5T00000X', name: '海南测试建设工程有限公司', type: 'CONTRACTOR', regionCode: '460100', inProvince: true,
          legalRepresentative: '王某', registeredAddress: '海口市龙华区', registeredCapital: '12345.67', establishedOn: new Date('2010-05-01T00:00:00Z'),
        },
      })
      const read = await db.enterprise.findUniqueOrThrow({ where: { id: enterprise.id } })
      expect(read.type).toBe('CONTRACTOR')
      expect(read.registeredCapital.toString()).toBe('12345.67')
      expect(read.establishedOn.toISOString()).toBe('2010-05-01T00:00:00.000Z')
    } finally {
      await db.$disconnect()
    }
  })

  it('reject a duplicate unique key instead of writing it twice', async () => {
    const db = createDb(empty.url)
    try {
      await expect(
        db.region.create({ data: { code: '460100', name: '重复', shortName: '重复', level: 'CITY', sortOrder: 2 } }),
      ).rejects.toThrow()
      expect(await db.region.count({ where: { code: '460100' } })).toBe(1)
    } finally {
      await db.$disconnect()
    }
  })
})

describe('migration sets', () => {
  it('carry every change of the schema (snapshot equals the schema)', () => {
    for (const provider of ['sqlite', 'postgresql'] as const) {
      expect(fs.readFileSync(snapshotPath(provider), 'utf8')).toBe(fs.readFileSync(SCHEMA_FILES[provider], 'utf8'))
    }
  })

  it('have the same migration names for both providers', () => {
    const names = (p: 'sqlite' | 'postgresql') => readMigrations(p).migrationDirectories.map((d) => d.path)
    expect(names('postgresql')).toEqual(names('sqlite'))
  })
})
