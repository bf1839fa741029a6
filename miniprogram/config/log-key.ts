// The transparency log's verifier key to embed (issue 16): TARO_APP_LOG_VKEY, the one line the
// portal serves at /log/vkey (`<origin>+<8 hex>+<base64>`, C2SP signed-note verifier key). The app
// checks the status list and checkpoints with it; without it, it pins the first key it fetches.
// Like the platform keys, a production build for a real (non-loopback) portal must embed it, so
// that a phone never has to trust its first connection for the log key.
//
// Runs in the Taro config loader (config/ only): the shape is checked here, the key itself
// (its key ID against name and key) by the app with the shared parser, and by the unit tests.

import { isLoopbackOrigin } from './bundled-keys'

export const LOG_VKEY_VAR = 'TARO_APP_LOG_VKEY'

/** name + 8 lower-case hex + base64 of 33 bytes (type 0x01 ‖ Ed25519 key) */
const VKEY_SHAPE = /^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]{43}[A-Za-z0-9+/=]$/

export interface BundledLogKey {
  vkey: string | null
  warnings: string[]
}

export function resolveBundledLogKey(input: { value: string | undefined; mode: 'development' | 'production'; portalOrigin: string }): BundledLogKey {
  const value = input.value?.trim()
  if (value) {
    if (!VKEY_SHAPE.test(value)) {
      throw new Error(`${LOG_VKEY_VAR} is not a log verifier key (expected the line served at ${input.portalOrigin}/log/vkey): ${JSON.stringify(value)}`)
    }
    return { vkey: value, warnings: [] }
  }
  if (input.mode === 'production' && !isLoopbackOrigin(input.portalOrigin)) {
    throw new Error(
      `${LOG_VKEY_VAR} is not set: a production build for ${input.portalOrigin} must embed the transparency log's verifier key. ` +
        `Build with ${LOG_VKEY_VAR}="$(curl -fsS ${input.portalOrigin}/log/vkey)".`,
    )
  }
  return {
    vkey: null,
    warnings: [`no ${LOG_VKEY_VAR}: this build pins the first log key it fetches from ${input.portalOrigin}/log/vkey (allowed only for development and loopback builds)`],
  }
}
