// The transparency-log key of an operator command (seed, back-fill, certificate changes, the import
// worker), from the same variables the portal reads (web/lib/env.ts): LOG_KEY_FILE (default
// keys/log-key.json), LOG_SIGNING_KEY_HEX, PORTAL_ROLE. Installed for the process, so every
// certificate write the command makes appends to the log and signs its checkpoint. A key installed
// already (the test set-up's, web/server/transparency-log/testing) is kept.
import { randomBytes } from 'node:crypto'
import { createLogKey, hasLogKey, logKey, logPublicKeyOf, readLogKey, useLogKey, useLogKeyLoader, type LogKey, type LogKeySettings } from '../../web/server/transparency-log/log-key.ts'

function settingsOf(env: Record<string, string | undefined>): LogKeySettings {
  const role = env.PORTAL_ROLE === 'public' || env.PORTAL_ROLE === 'staff' ? env.PORTAL_ROLE : 'all'
  return { file: env.LOG_KEY_FILE || undefined, signingKeyHex: env.LOG_SIGNING_KEY_HEX || undefined, role }
}

/** Reads the key now (a missing or bad file fails the command at once, by name). */
export function logKeyFromEnvironment(env: Record<string, string | undefined> = process.env): LogKey {
  if (hasLogKey()) return logKey()
  const key = readLogKey(settingsOf(env))
  useLogKey(key)
  return key
}

/** Reads the key when the first certificate event is appended (the import worker: most kinds sign nothing). */
export function logKeyLoaderFromEnvironment(env: Record<string, string | undefined> = process.env): void {
  if (!hasLogKey()) useLogKeyLoader(() => readLogKey(settingsOf(env)))
}

/**
 * A random log key for a benchmark on a database of its own (its log is thrown away with it); a key
 * installed already is kept.
 */
export function useThrowAwayLogKey(origin = 'bench.invalid/log'): LogKey {
  if (hasLogKey()) return logKey()
  const seed = new Uint8Array(randomBytes(32))
  const key = createLogKey(origin, logPublicKeyOf(seed), seed)
  useLogKey(key)
  return key
}
