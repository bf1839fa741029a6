// Backup and restore round trip on each database: a seeded database is backed up while a second
// client keeps inserting rows (as the portal would), the backup is restored into an empty
// database, and the restored database must equal the source as it was at one instant during the
// backup — every table's row count and a hash of its rows in primary-key order. The inserted rows
// present in the copy must be exactly the first k inserted (a consistent snapshot has no gaps).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../prisma/client.ts'
import { applyMigrations } from '../../prisma/migrator.ts'
import { createEmptyDatabase, testProviders } from '../../prisma/testing/test-database.ts'
import { seedDatabase } from '../seed/seed-database.ts'
import { createTestSigningKeys } from '../seed/test-signing-keys.ts'
import { BackupError, backupDatabase, backupKindOf, restoreDatabase } from './backup-restore.ts'
import { tableDigests } from './table-digests.ts'

const providers = await testProviders()
const WRITER_CODE_PREFIX = '99'
const writerCode = (i: number) => `${WRITER_CODE_PREFIX}${String(i).padStart(4, '0')}`

describe.each(providers)('database backup and restore (%s)', (provider) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-test-'))
  const drops: (() => Promise<void>)[] = []
  let sourceUrl: string
  let source: Db

  beforeAll(async () => {
    const empty = await createEmptyDatabase(provider)
    drops.push(empty.drop)
    sourceUrl = empty.url
    await applyMigrations(sourceUrl)
    source = createDb(sourceUrl)
    await seedDatabase(source, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'backup-test', asOf: '2026-06-30' })
  })

  afterAll(async () => {
    await source?.$disconnect()
    for (const drop of drops) await drop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('restores a consistent snapshot taken while another client writes', async () => {
    // the concurrent writer: its own client, one committed insert after another
    const writer = createDb(sourceUrl)
    let committed = 0
    let stop = false
    const writing = (async () => {
      while (!stop) {
        const i = committed + 1
        await writer.region.create({ data: { code: writerCode(i), name: `备份测试${i}`, shortName: `测${i}`, level: 'COUNTY', sortOrder: 10_000 + i } })
        committed = i
        // yield to the backup between inserts (on SQLite both run in this process)
        await new Promise((r) => setImmediate(r))
      }
    })()
    while (committed < 20) await new Promise((r) => setTimeout(r, 5))
    const file = path.join(dir, provider === 'sqlite' ? 'portal.db' : 'portal.dump')
    const before = committed
    const result = await backupDatabase(sourceUrl, file)
    const after = committed
    while (committed < after + 20) await new Promise((r) => setTimeout(r, 5))
    stop = true
    await writing
    await writer.$disconnect()
    expect(result).toMatchObject({ provider, file })
    expect(result.bytes).toBeGreaterThan(0)
    expect(backupKindOf(file)).toBe(provider)

    const empty = await createEmptyDatabase(provider)
    drops.push(empty.drop)
    await restoreDatabase(empty.url, file)

    // which of the writer's rows the snapshot holds: exactly the first k, k within the backup's span
    const restoredDb = createDb(empty.url)
    const restoredCodes = (await restoredDb.region.findMany({ where: { code: { startsWith: WRITER_CODE_PREFIX } }, select: { code: true } })).map((r) => r.code).sort()
    await restoredDb.$disconnect()
    const k = restoredCodes.length
    expect(restoredCodes).toEqual(Array.from({ length: k }, (_, i) => writerCode(i + 1)))
    expect(k).toBeGreaterThanOrEqual(before)
    expect(k).toBeLessThanOrEqual(after)
    expect(committed).toBeGreaterThan(k)

    // the source as it was at that instant: without the writer's later rows
    await source.region.deleteMany({ where: { code: { in: Array.from({ length: committed - k }, (_, i) => writerCode(k + 1 + i)) } } })
    const expected = await tableDigests(sourceUrl, { hash: true })
    const restored = await tableDigests(empty.url, { hash: true })
    expect(restored.map((t) => t.table)).toEqual(expected.map((t) => t.table))
    expect(restored).toEqual(expected)
    // the seed filled the tables the public reads
    const rows = Object.fromEntries(restored.map((t) => [t.table, t.rows]))
    expect(rows.Enterprise).toBeGreaterThan(0)
    expect(rows.ConstructionPermit).toBeGreaterThan(0)
    expect(rows._prisma_migrations).toBeGreaterThan(0)
  })

  it('never overwrites a file, and restores only into an empty database unless forced', async () => {
    const file = path.join(dir, `again-${provider}`)
    await backupDatabase(sourceUrl, file)
    await expect(backupDatabase(sourceUrl, file)).rejects.toThrow(/exists already/)
    await expect(restoreDatabase(sourceUrl, file)).rejects.toThrow(/already has tables/)
    // forced: the database becomes the backup again (here: the same data)
    const beforeForce = await tableDigests(sourceUrl, { hash: true })
    await source.$disconnect()
    await restoreDatabase(sourceUrl, file, { force: true })
    expect(await tableDigests(sourceUrl, { hash: true })).toEqual(beforeForce)
    source = createDb(sourceUrl)
  })

  it('refuses a backup of the other kind or none', async () => {
    const other = path.join(dir, 'not-a-backup.txt')
    fs.writeFileSync(other, 'hello')
    const empty = await createEmptyDatabase(provider)
    drops.push(empty.drop)
    await expect(restoreDatabase(empty.url, other)).rejects.toThrow(/not a backup this command made/)
    await expect(restoreDatabase(empty.url, path.join(dir, 'missing'))).rejects.toThrow(/no backup file/)
  })

  it.runIf(provider === 'postgresql')('says clearly when pg_dump or pg_restore is missing', async () => {
    const pathBefore = process.env.PATH
    process.env.PATH = path.join(dir, 'no-such-bin')
    try {
      const failure = backupDatabase(sourceUrl, path.join(dir, 'never.dump'))
      await expect(failure).rejects.toBeInstanceOf(BackupError)
      await expect(failure).rejects.toThrow(/pg_dump was not found on PATH/)
    } finally {
      process.env.PATH = pathBefore
    }
    expect(fs.existsSync(path.join(dir, 'never.dump'))).toBe(false)
  })
})
