import { describe, expect, it } from 'vitest'
import { createDb } from '@db/client'
import { createEmptyDatabase, createTestDatabase, testProviders } from '@db/testing/test-database'
import { createHealthRepository } from './health-repository'

const providers = await testProviders()

describe.each(providers)('health repository on %s', (provider) => {
  it('reports a migrated database with its migrations', async () => {
    const testDb = await createTestDatabase(provider)
    try {
      const health = await createHealthRepository(testDb.db, provider).checkDatabase()
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
      expect(await createHealthRepository(db, provider).checkDatabase()).toMatchObject({ reachable: true, migrations: 0 })
    } finally {
      await db.$disconnect()
      await empty.drop()
    }
  })
})

it('reports an unreachable database instead of throwing', async () => {
  const db = createDb('postgresql://nobody@127.0.0.1:1/none')
  try {
    const health = await createHealthRepository(db, 'postgresql').checkDatabase()
    expect(health).toMatchObject({ reachable: false, provider: 'postgresql' })
  } finally {
    await db.$disconnect()
  }
})
