// The slow-query line: a query at or above the threshold writes one JSON line with its SQL and
// duration; below it, nothing; the bound values (which carry searched names, ID numbers, phones)
// never reach the log. (The line carries the request id only when Prisma emits the query event
// inside the request's async context, which it does not always do: not asserted here.)
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@db/client'
import { createEmptyDatabase, testProviders } from '@db/testing/test-database'
import { applyMigrations } from '@db/migrator'
import { configureLogger, logSlowQuery, withRequestContext } from '@web/server/lib/logger'

const providers = await testProviders()
const SECRET = '460100198001010011'

function captureLogs() {
  const lines: Record<string, unknown>[] = []
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      cb()
    },
  })
  configureLogger({ level: 'info', destination })
  return lines
}

describe.each(providers)('slow-query log lines (%s)', (provider) => {
  let db: Db
  let drop: () => Promise<void>
  let url: string
  beforeAll(async () => {
    const empty = await createEmptyDatabase(provider)
    await applyMigrations(empty.url)
    db = createDb(empty.url, { slowQuery: { thresholdMs: 40, onSlowQuery: logSlowQuery } })
    drop = empty.drop
    url = empty.url
    await db.$queryRawUnsafe('SELECT 1')
  })
  afterAll(async () => {
    await db.$disconnect()
    await drop()
    configureLogger({ level: 'info' })
  })

  // a query that takes well over 40 ms on either database, with a bound value
  const slow = (value: string) =>
    provider === 'postgresql'
      ? db.$queryRawUnsafe('SELECT pg_sleep(0.08)::text AS s, $1::text AS v', value)
      : db.$queryRawUnsafe('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS c, ? AS v FROM n', value)

  it('writes one line for a slow query, without the bound values', async () => {
    const lines = captureLogs()
    await withRequestContext({ requestId: 'req-slow-1' }, () => slow(SECRET))
    const slowLines = lines.filter((l) => l.msg === 'slow query' && /RECURSIVE|pg_sleep/.test(String(l.sql)))
    expect(slowLines).toHaveLength(1)
    expect(slowLines[0]).toMatchObject({ level: 'warn' })
    expect(slowLines[0].durationMs).toBeGreaterThanOrEqual(40)
    expect(JSON.stringify(lines)).not.toContain(SECRET)
  })

  it('writes nothing for a query under the threshold', async () => {
    const lines = captureLogs()
    const patient = createDb(url, { slowQuery: { thresholdMs: 60_000, onSlowQuery: logSlowQuery } })
    try {
      await patient.$queryRawUnsafe('SELECT 1')
      if (provider === 'postgresql') await patient.$queryRawUnsafe('SELECT pg_sleep(0.08)::text AS s')
      else await patient.$queryRawUnsafe('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS c FROM n')
    } finally {
      await patient.$disconnect()
    }
    expect(lines.filter((l) => l.msg === 'slow query')).toEqual([])
  })
})
