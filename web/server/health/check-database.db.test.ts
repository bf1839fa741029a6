import { describe, expect, it } from 'vitest'
import { createDb } from '@db/client'
import { createEmptyDatabase, createTestDatabase, testProviders } from '@db/testing/test-database'
import { checkDatabase } from './check-database'

const providers = await testProviders()

describe.each(providers)('checkDatabase on %s', (provider) => {
  it('reports a migrated database with its migrations', async () => {
    const testDb = await createTestDatabase(provider)
    try {
      const health = await checkDatabase(testDb.db, provider)
      expect(health).toMatchObject({ reachable: true, provider })
      expect(health.reachable && health.migrations).toBeGreaterThan(0)
    } finally {
      await testDb.drop()
    }
  })

  it('reports a reachable database that was never migrated as having no migrations', async () => {
    const empty = await createEmptyDatabase(provider)
    const db = createDb(empty.url)
    try {
      expect(await checkDatabase(db, provider)).toMatchObject({ reachable: true, migrations: 0 })
    } finally {
      await db.$disconnect()
      await empty.drop()
    }
  })
})

it('reports an unreachable database instead of throwing', async () => {
  const db = createDb('postgresql://nobody@127.0.0.1:1/none')
  try {
    const health = await checkDatabase(db, 'postgresql')
    expect(health).toMatchObject({ reachable: false, provider: 'postgresql' })
  } finally {
    await db.$disconnect()
  }
})
