// For load balancers and monitoring: {"status":"ok"} (200) when the database answers and is
// migrated, else {"status":"unavailable"} (503). The details (engine, latency, migrations) only
// from loopback or with `Authorization: Bearer <HEALTH_TOKEN>` (web/server/health/health-answer.ts).
import { connection } from 'next/server'
import { dbProvider, getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { checkDatabase } from '@web/server/health/check-database'
import { healthAnswer, mayReadHealthDetails } from '@web/server/health/health-answer'

const NO_STORE = { 'Cache-Control': 'no-store' }

export async function GET(request: Request) {
  await connection()
  const health = await checkDatabase(getDb(), dbProvider)
  if (!health.reachable) console.error('[health] database check failed:', health.error)
  const answer = healthAnswer(health, mayReadHealthDetails(request.headers, env.HEALTH_TOKEN))
  return Response.json(answer.body, { status: answer.status, headers: NO_STORE })
}
