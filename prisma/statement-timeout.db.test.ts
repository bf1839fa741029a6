// PostgreSQL cancels a statement that runs past the configured timeout, on every pooled
// connection; SQLite has no statement timeout (nothing to test there).
import { describe, expect, it } from 'vitest'
import { createDb, defaultStatementTimeoutMs } from './client.ts'
import { createEmptyDatabase, testProviders } from './testing/test-database.ts'

const providers = await testProviders()

describe.runIf(providers.includes('postgresql'))('the PostgreSQL statement timeout', () => {
  it('cancels a statement that runs longer than the timeout, on every connection of the pool', async () => {
    const empty = await createEmptyDatabase('postgresql')
    const db = createDb(empty.url, { statementTimeoutMs: 300 })
    try {
      // several at once, so that more than one pooled connection is used
      const settings = await Promise.all(Array.from({ length: 4 }, () => db.$queryRaw<{ statement_timeout: string }[]>`show statement_timeout`))
      expect(settings.map((rows) => rows[0].statement_timeout)).toEqual(['300ms', '300ms', '300ms', '300ms'])
      await expect(db.$queryRaw`select pg_sleep(2)`).rejects.toThrow(/statement timeout|canceling statement/i)
      // the connection is usable afterwards
      expect(await db.$queryRaw<{ one: number }[]>`select 1 as one`).toEqual([{ one: 1 }])
    } finally {
      await db.$disconnect()
      await empty.drop()
    }
  })

  it('is off when set to 0', async () => {
    const empty = await createEmptyDatabase('postgresql')
    const db = createDb(empty.url, { statementTimeoutMs: 0 })
    try {
      expect((await db.$queryRaw<{ statement_timeout: string }[]>`show statement_timeout`)[0].statement_timeout).toBe('0')
    } finally {
      await db.$disconnect()
      await empty.drop()
    }
  })
})

describe('defaultStatementTimeoutMs', () => {
  it('reads PG_STATEMENT_TIMEOUT_MS, 15 s when unset or not a whole number', () => {
    const before = process.env.PG_STATEMENT_TIMEOUT_MS
    try {
      delete process.env.PG_STATEMENT_TIMEOUT_MS
      expect(defaultStatementTimeoutMs()).toBe(15_000)
      process.env.PG_STATEMENT_TIMEOUT_MS = '2500'
      expect(defaultStatementTimeoutMs()).toBe(2500)
      process.env.PG_STATEMENT_TIMEOUT_MS = 'soon'
      expect(defaultStatementTimeoutMs()).toBe(15_000)
    } finally {
      if (before === undefined) delete process.env.PG_STATEMENT_TIMEOUT_MS
      else process.env.PG_STATEMENT_TIMEOUT_MS = before
    }
  })
})
