// npm run log:backfill — appends every certificate event not yet in the transparency log (the
// certificates issued before the log existed), in the order they happened. Safe to run again:
// what is logged already is skipped.
// Reads DATABASE_URL and the log key (LOG_KEY_FILE / LOG_SIGNING_KEY_HEX, scripts/log/log-key-from-environment.ts).
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createDb } from '../../prisma/client.ts'
import { backfillCertificateLog } from '../../web/server/transparency-log/backfill-certificate-log.ts'
import { logKeyFromEnvironment } from './log-key-from-environment.ts'

export async function main(env: Record<string, string | undefined> = process.env): Promise<string> {
  logKeyFromEnvironment(env)
  const db = createDb(env.DATABASE_URL || undefined)
  try {
    const started = performance.now()
    const result = await backfillCertificateLog(db, {
      onProgress: (done, total) => process.stderr.write(`\r  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} events`),
    })
    if (result.appended) process.stderr.write('\n')
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    return `透明日志补录完成 / back-fill done: ${result.appended} appended, ${result.skipped} already logged, tree size ${result.size} (${seconds} s)`
  } finally {
    await db.$disconnect()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (line) => console.log(line),
    (error) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
