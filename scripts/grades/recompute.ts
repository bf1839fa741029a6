// npm run grades:recompute -- [--as-of YYYY-MM-DD]
// Recomputes every enterprise's and practitioner's credit grade on a day (default: today in China)
// under the current scoring standard and stores the grades that changed in DATABASE_URL (default
// file:./data/portal.db); a second run for the same day writes nothing. Prints the grades, the
// rows written, subjects per second, where the time went and the peak resident memory.
import { parseArgs } from 'node:util'
import { createDb } from '../../prisma/client.ts'
import { parseDatabaseUrl } from '../../prisma/database-url.ts'
import { GRADES } from '../../shared/scoring/index.ts'
import { recomputeAllGrades, toDay } from '../../web/server/credit/recompute-grades.ts'
import { StandardMismatchError } from '../../web/server/credit/grade-snapshots-repository.ts'
import { announceToPortals } from '../lib/portal-cache.ts'

const USAGE = `usage: npm run grades:recompute -- [--as-of YYYY-MM-DD]
  --as-of   the day the grades describe (default: today, China time)`

export async function main(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({ args: argv, options: { 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, strict: true }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  let day: string
  try {
    day = toDay(values['as-of'] ?? new Date())
  } catch (error) {
    console.error(`grades:recompute: ${(error as Error).message}\n${USAGE}`)
    return 2
  }

  const target = parseDatabaseUrl()
  const db = createDb(target.url)
  // the changed grades end the portals' cached pages batch by batch (REDIS_URL, as on the portals)
  const closeAnnouncement = announceToPortals(process.env)
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 100)
  sampler.unref()
  try {
    console.log(`recomputing credit grades on ${day} in ${target.provider === 'sqlite' ? target.location : target.provider} …`)
    let lastReport = 0
    const summary = await recomputeAllGrades(db, day, {
      onProgress({ subjects }) {
        if (subjects - lastReport >= 50_000) {
          lastReport = subjects
          console.log(`  ${subjects.toLocaleString('en-US')} subjects`)
        }
      },
    })
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
    const seconds = summary.elapsedMs / 1000
    console.log(
      `standard ${summary.standardVersion}, ${summary.subjects.toLocaleString('en-US')} subjects: ${summary.snapshots.toLocaleString('en-US')} grades changed and stored, ${summary.unchanged.toLocaleString('en-US')} unchanged`,
    )
    console.log(`grades: ${GRADES.map((g) => `${g} ${summary.grades[g].toLocaleString('en-US')}`).join(', ')}; blacklisted ${summary.blacklisted.toLocaleString('en-US')}`)
    console.log(
      `elapsed ${seconds.toFixed(1)} s (${Math.round(summary.subjects / Math.max(seconds, 0.001)).toLocaleString('en-US')} subjects/s; waiting for reads ${(summary.timings.loadMs / 1000).toFixed(1)} s, scoring ${(summary.timings.computeMs / 1000).toFixed(1)} s, writing ${(summary.timings.writeMs / 1000).toFixed(1)} s), peak RSS ${Math.round(peakRss / 1048576)} MiB`,
    )
    return 0
  } catch (error) {
    if (error instanceof StandardMismatchError) {
      console.error(`grades:recompute: ${error.message}`)
      return 1
    }
    throw error
  } finally {
    clearInterval(sampler)
    await closeAnnouncement()
    await db.$disconnect()
  }
}

process.exitCode = await main(process.argv.slice(2))
