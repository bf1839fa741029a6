// What /api/health tells whom. A load balancer needs only up or down; the database engine,
// migration count and latency help an attacker fingerprint the deployment, so they go only to a
// caller on the machine itself (loopback, as the portal's server recorded it) or one holding
// HEALTH_TOKEN.
import { createHash, timingSafeEqual } from 'node:crypto'
import { isLoopbackAddress } from '@web/server/rate-limit/client-address'
import { clientAddressFromHeaders } from '@web/server/rate-limit/client-key'
import type { DatabaseHealth } from './check-database'

export interface HealthAnswer {
  status: 200 | 503
  body: Record<string, unknown>
}

function sameSecret(given: string, expected: string): boolean {
  // equal-length digests, so the comparison time says nothing about the token's length or prefix
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/** True when the caller may see the details: from loopback, or with `Authorization: Bearer <HEALTH_TOKEN>`. */
export function mayReadHealthDetails(headers: Headers, healthToken: string | undefined): boolean {
  if (isLoopbackAddress(clientAddressFromHeaders(headers))) return true
  if (!healthToken) return false
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')
  return match !== null && sameSecret(match[1], healthToken)
}

/** 200 when the database answers and is migrated, else 503; the public body is the status word only. */
export function healthAnswer(health: DatabaseHealth, withDetails: boolean): HealthAnswer {
  if (!health.reachable) {
    return { status: 503, body: withDetails ? { status: 'unavailable', database: health.provider, error: 'database unreachable' } : { status: 'unavailable' } }
  }
  const ready = health.migrations > 0
  if (!withDetails) return { status: ready ? 200 : 503, body: { status: ready ? 'ok' : 'unavailable' } }
  return {
    status: ready ? 200 : 503,
    body: { status: ready ? 'ok' : 'uninitialized', database: health.provider, latencyMs: health.latencyMs, migrations: health.migrations },
  }
}
