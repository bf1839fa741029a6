// The origin half of the staff CSRF defence (the other half is the per-session token of
// session-tokens.ts, checked by web/lib/staff/staff-action.ts). A browser names the page that
// sent a POST in Origin; without it, modern browsers still say in Sec-Fetch-Site whether the
// request came from this site. A request that shows neither is refused: every browser the back
// office supports sends one of them, and a crafted request without them has no cookie to ride on
// anyway unless it comes from a script that could send an Origin too.

/** The origins a staff POST may come from: the configured portal origin and the request's own host. */
export function expectedOrigins(headers: Headers, portalOrigin: string): string[] {
  const origins = new Set([portalOrigin])
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host')
  if (host) {
    const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http'
    origins.add(`${proto}://${host}`)
  }
  return [...origins]
}

/** True when the request comes from this site (Origin, or without it Sec-Fetch-Site). */
export function isSameOriginRequest(headers: Headers, allowed: readonly string[]): boolean {
  const origin = headers.get('origin')
  if (origin !== null) return origin !== 'null' && allowed.includes(origin)
  return headers.get('sec-fetch-site') === 'same-origin'
}
