import { connection } from 'next/server'
import { dbProvider, getDb } from '@web/lib/db'
import { checkDatabase } from '@web/server/health/check-database'

const NO_STORE = { 'Cache-Control': 'no-store' }

/** For load balancers and monitoring: 200 when the database answers and is migrated, else 503. */
export async function GET() {
  await connection()
  const health = await checkDatabase(getDb(), dbProvider)
  if (!health.reachable) {
    console.error('[health] database check failed:', health.error)
    return Response.json(
      { status: 'unavailable', database: health.provider, error: 'database unreachable' },
      { status: 503, headers: NO_STORE },
    )
  }
  const ready = health.migrations > 0
  return Response.json(
    { status: ready ? 'ok' : 'uninitialized', database: health.provider, latencyMs: health.latencyMs, migrations: health.migrations },
    { status: ready ? 200 : 503, headers: NO_STORE },
  )
}
