// The transparency log bound to this server's configuration: the one place that hands
// web/server/transparency-log the log key settings (LOG_KEY_FILE, LOG_SIGNING_KEY_HEX, PORTAL_ROLE
// from web/lib/env.ts). Operator commands read the same variables themselves
// (scripts/log/log-key-from-environment.ts).
import { env } from '@web/lib/env'
import { hasLogKey, logKey, readLogKey, useLogKeyLoader, type LogKey, type LogKeySettings } from '@web/server/transparency-log/log-key'

export const logKeySettings: LogKeySettings = { file: env.LOG_KEY_FILE, signingKeyHex: env.LOG_SIGNING_KEY_HEX, role: env.PORTAL_ROLE }

/** Makes the key available to the use cases, read from the key file on first use (web/lib/db.ts). */
export function installLogKey(): void {
  if (!hasLogKey()) useLogKeyLoader(() => readLogKey(logKeySettings))
}

/** This server's log key. Throws LogKeyError (no file, a bad file, a secret on a public instance). */
export function portalLogKey(): LogKey {
  installLogKey()
  return logKey()
}

/**
 * Start-up check (web/instrumentation.ts): a public instance reads its log key file at once, so a
 * file holding the secret stops the server before it serves anything. Other roles load lazily, as
 * the certificate keys do: the demo starts before its keys exist.
 */
export function checkInstanceLogKey(): void {
  if (env.PORTAL_ROLE === 'public') portalLogKey()
}
