// Values fixed at build time by Taro's defineConstants (config/index.ts). Read them through
// this module so the rest of the code (and the tests) never touch the bare globals.

import type { BundledKeySet } from './keys'

declare const PORTAL_ORIGIN: string | undefined
declare const BUNDLED_JWKS: string | null | undefined
declare const BUNDLED_JWKS_SOURCE: string | null | undefined
declare const BUNDLED_PUBLIC_TEST_KEY: boolean | undefined
declare const BUILD_TIME: string | undefined
declare const BUNDLED_LOG_VKEY: string | null | undefined

/** The portal origin this build talks to, e.g. "https://portal.example.cn". */
export const portalOrigin: string = typeof PORTAL_ORIGIN === 'string' ? PORTAL_ORIGIN : '（未配置）'

function parseBundledJwks(): unknown {
  if (typeof BUNDLED_JWKS !== 'string') return null
  try {
    return JSON.parse(BUNDLED_JWKS)
  } catch {
    return null
  }
}

/** The keys embedded at build time (config/bundled-keys.ts). */
export const bundledKeySet: BundledKeySet = {
  jwks: parseBundledJwks(),
  source: typeof BUNDLED_JWKS_SOURCE === 'string' ? BUNDLED_JWKS_SOURCE : null,
  builtAt: typeof BUILD_TIME === 'string' ? BUILD_TIME : new Date(0).toISOString(),
  publicTestKey: typeof BUNDLED_PUBLIC_TEST_KEY === 'boolean' ? BUNDLED_PUBLIC_TEST_KEY : false,
}

/** The transparency log's verifier key embedded at build time (config/log-key.ts), or null. */
export const bundledLogKey: string | null = typeof BUNDLED_LOG_VKEY === 'string' ? BUNDLED_LOG_VKEY : null
