// How the About page describes the portal origin the build was made for (the origin itself
// is validated at build time by config/portal-origin.ts).

const ORIGIN_RE = /^(https?):\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/i

export interface PortalOriginInfo {
  origin: string
  /** A note for the inspector when the origin cannot work in a released mini-program. */
  note: string | null
}

/**
 * What the About page says about the portal origin. A released WeChat mini-program can
 * only call https origins that are registered as request domains, and never an IP address or
 * localhost, so such an origin is marked as a development setting.
 */
export function describePortalOrigin(origin: string): PortalOriginInfo {
  const m = ORIGIN_RE.exec(origin)
  const scheme = m?.[1]
  const host = m?.[2] ?? ''
  const isLocal = host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[')
  if (scheme !== 'https' || isLocal) {
    return { origin, note: '开发用地址：正式版须使用已在小程序后台登记的 HTTPS 域名' }
  }
  return { origin, note: null }
}
