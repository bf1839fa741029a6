// The staff side keeps the revocation status list fresh by itself: an instance that signs (PORTAL_ROLE
// staff or all) checks once an hour and re-signs the list when it is a day old (web/server/status-list/
// sign-status-list.ts explains the 7-day validity), so the list never lapses while the staff side runs.
// Several instances may all do it: re-signing is idempotent and serialised on the list's row.
import { env } from '@web/lib/env'
import { getDb } from '@web/lib/db'
import { getLogger } from '@web/server/lib/logger'
import { refreshStatusListIfDue } from '@web/server/status-list/refresh-status-list'

const HOUR_MS = 3_600_000
const holder = globalThis as typeof globalThis & { __statusListRefresh?: NodeJS.Timeout }

async function refreshIfDue(): Promise<void> {
  try {
    const refreshed = await refreshStatusListIfDue(getDb())
    if (refreshed) getLogger().info({ validUntil: refreshed.validUntil.toISOString(), revoked: refreshed.revoked }, 'status list re-signed')
  } catch (error) {
    getLogger().warn({ err: error }, 'status list could not be re-signed; it turns stale at its valid-until time')
  }
}

/** Starts the hourly check (once per process); nothing on a public instance, which never signs. */
export function startStatusListRefresh(): void {
  if (env.PORTAL_ROLE === 'public' || holder.__statusListRefresh) return
  // first check right after start-up, off the start-up path; timers never keep the process alive
  setTimeout(() => void refreshIfDue(), 1_000).unref()
  holder.__statusListRefresh = setInterval(() => void refreshIfDue(), HOUR_MS).unref()
}
