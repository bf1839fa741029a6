// The portal (the web platform and its /api/v1) that this app talks to. Its origin is fixed at
// build time from TARO_APP_PORTAL_ORIGIN (see ./index.ts), because a WeChat mini-program may
// only call origins registered in the admin console: the build and the registration must
// name the same origin. A bad value fails the build rather than ship an app that cannot
// reach the portal.
//
// This file lives in config/ because Taro compiles only config/ when it loads the build
// config; it is tested from src/lib/portal-origin.test.ts.

export const DEFAULT_PORTAL_ORIGIN = 'http://localhost:3000'

export const ORIGIN_RE = /^(https?):\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?\/?$/i

/**
 * Validates and canonicalizes a portal origin: scheme http or https, a host, an optional port,
 * nothing else (no path, query, fragment or credentials). An empty or missing value gives the
 * default. Throws an Error whose message says what is wrong.
 */
export function parsePortalOrigin(raw: string | undefined | null): string {
  const value = (raw ?? '').trim()
  if (value === '') return DEFAULT_PORTAL_ORIGIN
  const m = ORIGIN_RE.exec(value)
  if (!m) {
    throw new Error(
      `TARO_APP_PORTAL_ORIGIN must be an origin such as https://portal.example.cn or http://localhost:3000 ` +
        `(scheme, host and optional port only, no path), got "${value}"`,
    )
  }
  const scheme = m[1].toLowerCase()
  const host = m[2].toLowerCase()
  const port = m[3]
  if (port !== undefined) {
    const n = Number(port)
    if (n < 1 || n > 65535) throw new Error(`TARO_APP_PORTAL_ORIGIN has an invalid port: "${value}"`)
    const isDefault = (scheme === 'http' && n === 80) || (scheme === 'https' && n === 443)
    return isDefault ? `${scheme}://${host}` : `${scheme}://${host}:${n}`
  }
  return `${scheme}://${host}`
}

