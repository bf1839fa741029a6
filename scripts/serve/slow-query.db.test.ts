// The slow-query line: a database operation at or above the threshold writes one JSON line with
// its name and duration, under the request id of the request that ran it; below it, nothing; the
// arguments (which carry searched names, ID numbers, phones) never reach the log. Attribution is
// tested where Prisma's own query events got it wrong: findUnique calls of several requests that
// Prisma batches into one statement, and transactions queued behind another request's.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '@db/client'
import { createEmptyDatabase, testProviders } from '@db/testing/test-database'
import { applyMigrations } from '@db/migrator'
import { configureLogger, getLogger, logSlowQuery, withRequestContext } from '@web/server/lib/logger'
import { createPortalServer } from './portal-server'

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
  let everything: Db
  let drop: () => Promise<void>
  let url: string
  beforeAll(async () => {
    const empty = await createEmptyDatabase(provider)
    await applyMigrations(empty.url)
    db = createDb(empty.url, { slowQuery: { thresholdMs: 40, onSlowQuery: logSlowQuery } })
    // threshold 0: every operation writes its line, so each one's request id can be checked
    everything = createDb(empty.url, { slowQuery: { thresholdMs: 0, onSlowQuery: logSlowQuery } })
    drop = empty.drop
    url = empty.url
    await db.$queryRawUnsafe('SELECT 1')
    await everything.$queryRawUnsafe('SELECT 1')
  })
  afterAll(async () => {
    await db.$disconnect()
    await everything.$disconnect()
    await drop()
    configureLogger({ level: 'info' })
  })

  // a query that takes well over 40 ms on either database, with a bound value
  const slow = (value: string) =>
    provider === 'postgresql'
      ? db.$queryRawUnsafe('SELECT pg_sleep(0.08)::text AS s, $1::text AS v', value)
      : db.$queryRawUnsafe('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS c, ? AS v FROM n', value)

  it('writes one line for a slow operation, with the request id, without the arguments', async () => {
    const lines = captureLogs()
    // (a Prisma promise starts when awaited: inside the context, as the request's code awaits it)
    await withRequestContext({ requestId: 'req-slow-1' }, async () => {
      await slow(SECRET)
    })
    const slowLines = lines.filter((l) => l.msg === 'slow query')
    expect(slowLines).toHaveLength(1)
    expect(slowLines[0]).toMatchObject({ level: 'warn', requestId: 'req-slow-1', operation: '$queryRawUnsafe' })
    expect(slowLines[0].durationMs).toBeGreaterThanOrEqual(40)
    expect(JSON.stringify(lines)).not.toContain(SECRET)
  })

  it('writes nothing for an operation under the threshold', async () => {
    const lines = captureLogs()
    const patient = createDb(url, { slowQuery: { thresholdMs: 60_000, onSlowQuery: logSlowQuery } })
    try {
      await patient.$queryRawUnsafe('SELECT 1')
      await patient.region.count()
      if (provider === 'postgresql') await patient.$queryRawUnsafe('SELECT pg_sleep(0.08)::text AS s')
      else await patient.$queryRawUnsafe('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS c FROM n')
    } finally {
      await patient.$disconnect()
    }
    expect(lines.filter((l) => l.msg === 'slow query')).toEqual([])
  })

  it('puts each line under the request that ran the operation, when requests overlap', async () => {
    const lines = captureLogs()
    const requests = ['req-a', 'req-b', 'req-c', 'req-d']
    await Promise.all(
      requests.map((requestId, i) =>
        withRequestContext({ requestId }, async () => {
          // started in the same tick by every request: Prisma runs them as one batched statement
          await everything.region.findUnique({ where: { code: `46010${i}` } })
          // queued behind the other requests' transactions (one connection on SQLite)
          await everything.$transaction([everything.region.count(), everything.enterprise.count()])
          await everything.$transaction(async (tx) => tx.person.count())
          await everything.$queryRawUnsafe('SELECT 1')
        }),
      ),
    )
    const slowLines = lines.filter((l) => l.msg === 'slow query')
    for (const requestId of requests) {
      const own = slowLines.filter((l) => l.requestId === requestId).map((l) => l.operation)
      expect(own.sort(), requestId).toEqual(['$queryRawUnsafe', 'Enterprise.count', 'Person.count', 'Region.count', 'Region.findUnique'])
    }
    expect(slowLines).toHaveLength(requests.length * 5)
  })

  it('carries the x-request-id of the production server’s response that ran it', async () => {
    const lines = captureLogs()
    const portal = createPortalServer({
      trustedProxyCount: 0,
      logger: getLogger,
      handle: async (_req, res) => {
        await everything.region.count()
        res.end('ok')
      },
    })
    await new Promise<void>((resolve) => portal.server.listen(0, '127.0.0.1', resolve))
    const port = (portal.server.address() as AddressInfo).port
    try {
      const get = () =>
        new Promise<string>((resolve, reject) => {
          http
            .get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
              res.resume()
              res.on('end', () => resolve(String(res.headers['x-request-id'])))
            })
            .on('error', reject)
        })
      const ids = await Promise.all([get(), get(), get()])
      const slowIds = lines.filter((l) => l.msg === 'slow query' && l.operation === 'Region.count').map((l) => l.requestId)
      expect(slowIds.sort()).toEqual([...ids].sort())
    } finally {
      await portal.shutdown(1000)
    }
  })
})
