// vitest setup file (unit and db projects): every test process gets its own random transparency-log
// key, as the portal gets one from its settings, so every certificate write appends and signs as in
// production. testLogKeyFile() gives the same key as a key file, for a command a test spawns.
import { randomBytes } from 'node:crypto'
import { createLogKey, createLogKeyFile, logPublicKeyOf, useLogKey, type LogKeyFile } from '../log-key'

export const TEST_LOG_ORIGIN = 'portal.test/log'

const holder = globalThis as typeof globalThis & { __testLogSeed?: Uint8Array }
holder.__testLogSeed ??= new Uint8Array(randomBytes(32))
const seed = holder.__testLogSeed
useLogKey(createLogKey(TEST_LOG_ORIGIN, logPublicKeyOf(seed), seed))

/** This process's test log key as the content of a key file. */
export function testLogKeyFile(): LogKeyFile {
  return createLogKeyFile(TEST_LOG_ORIGIN, seed)
}
