// The application cache's effect on the reads it holds (docs/BENCHMARKS.md "Application cache"):
//   DATABASE_URL=… [REDIS_URL=redis://127.0.0.1:6379] npx tsx scripts/bench/cache.ts [--runs 20]
// Each cached use case runs in process, `runs` times from the database (no cache installed), then
// `runs` times through the cache after one filling read (Redis when REDIS_URL is set, else this
// process's memory, as the portal chooses), under a key prefix of this run's own. Prints the
// median and p95 of each in ms. The page times with and without the cache are
// scripts/bench/page-times.ts run with CACHE_TTL_SECONDS=0 and =60.
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createDb } from '../../prisma/client.ts'
import { closeAppCache, installAppCache, replaceAppCacheForTesting } from '../../web/server/cache/installed-cache.ts'
import { getEnterpriseProfilePage } from '../../web/server/enterprises/get-enterprise-profile-page.ts'
import { enterpriseProjectsQuerySchema } from '../../web/server/enterprises/enterprise-queries.ts'
import { getLatestDisclosures } from '../../web/server/home/get-latest-disclosures.ts'
import { getHeadlineCounts } from '../../web/server/statistics/get-headline-counts.ts'
import { getPermitStatistics } from '../../web/server/statistics/get-permit-statistics.ts'
import { statisticsQuerySchema } from '../../web/server/statistics/statistics-queries.ts'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } })
const RUNS = Number(values.runs)
const db = createDb(process.env.DATABASE_URL || undefined)

const enterprise = await db.enterprise.findFirstOrThrow({ where: { type: 'CONTRACTOR' }, orderBy: { uscc: 'asc' }, select: { uscc: true } })
const reads: [string, () => Promise<unknown>][] = [
  ['home: headline counts', () => getHeadlineCounts(db, new Date())],
  ['home: latest disclosures', () => getLatestDisclosures(db, new Date(), 5)],
  ['statistics (this year)', () => getPermitStatistics(db, statisticsQuerySchema.parse({}), new Date())],
  [
    'enterprise profile data',
    () => getEnterpriseProfilePage(db, enterprise.uscc, { projects: enterpriseProjectsQuerySchema.parse({}), registrationsShown: 20, recordsShown: 100 }),
  ],
]

const percentile = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]

async function time(read: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await read()
    times.push(performance.now() - t0)
  }
  return times
}

const store = process.env.REDIS_URL ? 'Redis' : 'memory'
console.log(`runs per read: ${RUNS}, in process; cache in ${store}`)
console.log('| read | database median / p95 ms | cache hit median / p95 ms |')
console.log('|---|---|---|')
try {
  for (const [name, read] of reads) {
    await replaceAppCacheForTesting(undefined)
    await read()
    const cold = await time(read)
    installAppCache({ redisUrl: process.env.REDIS_URL ?? null, redisKeyPrefix: `bench-cache-${process.pid}-${Date.now()}:`, ttlSeconds: 600 })
    await read()
    const hit = await time(read)
    await closeAppCache()
    const f = (xs: number[]) => `${percentile(xs, 50).toFixed(2)} / ${percentile(xs, 95).toFixed(2)}`
    console.log(`| ${name} | ${f(cold)} | ${f(hit)} |`)
  }
} finally {
  await db.$disconnect()
}
