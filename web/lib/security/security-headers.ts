// The security headers of every response (web/proxy.ts sets them). Pure: the proxy hands in the
// nonce, the path and whether the request came over HTTPS.
import { createHash } from 'node:crypto'

/** What the response is: an HTML page (scripts run, so the nonce policy) or anything else. */
export type ResponseKind = 'page' | 'resource'

export interface SecurityHeaderInput {
  kind: ResponseKind
  /** fresh for every request; only used for pages */
  nonce: string
  pathname: string
  /** true only when the request reached the portal over HTTPS (see isHttpsRequest) */
  secure: boolean
  /** `next dev` needs 'unsafe-eval' (React rebuilds server error stacks with eval) */
  development?: boolean
}

/**
 * The one inline script of a prerendered static shell (React DOM's server renderer writes it before
 * the shell's end; the e2e test checks every page's scripts). The shell is built once, before any
 * request, so it cannot carry a nonce: the policy allows this exact script by its hash.
 */
export const REACT_SHELL_SCRIPT = 'requestAnimationFrame(function(){$RT=performance.now()});'
export const REACT_SHELL_SCRIPT_HASH = `sha256-${createHash('sha256').update(REACT_SHELL_SCRIPT).digest('base64')}`

/**
 * The page policy. Inline scripts run only with the request's nonce (Next puts it on everything it
 * renders per request) or as React's shell script above. Script files load from this origin only:
 * 'strict-dynamic' cannot be used because the static shells that cacheComponents prerenders at
 * build time load their chunks with <script src> tags that have no nonce, and 'strict-dynamic'
 * would make the browser ignore 'self' and block them. Nothing on this origin serves script an
 * attacker controls (API answers are JSON with nosniff, which browsers refuse to run).
 * Styles allow 'unsafe-inline' because React renders `style` attributes into the server HTML
 * (bars, chart sizes) and a nonce cannot cover attributes; with a nonce in style-src, browsers
 * would ignore 'unsafe-inline' and block them.
 */
export function pageContentSecurityPolicy(nonce: string, options: { secure: boolean; development?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' '${REACT_SHELL_SCRIPT_HASH}'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]
  // over plain HTTP (development, the e2e run) an upgrade would point subresources at nothing
  if (options.secure) directives.push('upgrade-insecure-requests')
  return directives.join('; ')
}

/** JSON, feeds, keys, images: nothing in them may run or be framed. */
export const RESOURCE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

/**
 * Pages whose URL carries an objection's tracking number (the status page, the look-up form that
 * redirects to it, the API answer and the staff review pages): whoever holds the number sees the
 * request, so it must not leak to another site in a Referer.
 */
const TRACKING_NUMBER_PATHS = ['/credit/objections', '/api/v1/objections', '/admin/objections']

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`)
}

export function referrerPolicyFor(pathname: string): string {
  return TRACKING_NUMBER_PATHS.some((p) => isUnder(pathname, p)) ? 'no-referrer' : 'strict-origin-when-cross-origin'
}

/** Features no page uses; the camera is allowed (same origin only) on the QR scanner page. */
const DENIED_FEATURES = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
] as const

/** The page where the browser scans certificate QR codes with getUserMedia. */
export const CAMERA_PAGES = ['/verify'] as const

export function permissionsPolicyFor(pathname: string): string {
  const camera = CAMERA_PAGES.some((p) => isUnder(pathname, p))
  return DENIED_FEATURES.map((f) => (f === 'camera' && camera ? 'camera=(self)' : `${f}=()`)).join(', ')
}

/** Two years, the preload list's minimum; subdomains are not ours to speak for. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000'

export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy':
      input.kind === 'page'
        ? pageContentSecurityPolicy(input.nonce, { secure: input.secure, development: input.development })
        : RESOURCE_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': referrerPolicyFor(input.pathname),
    'Permissions-Policy': permissionsPolicyFor(input.pathname),
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
  // HSTS over plain HTTP is ignored by browsers and would only mislead
  if (input.secure) headers['Strict-Transport-Security'] = STRICT_TRANSPORT_SECURITY
  return headers
}

/** Top-level files such as /favicon.ico, /icon.svg, /manifest.webmanifest, /robots.txt. */
const ROOT_FILE = /^\/[^/]+\.[A-Za-z0-9]+$/

/** Which policy a path gets: pages run the app's scripts, everything else none. */
export function responseKindOf(pathname: string): ResponseKind {
  if (['/api', '/_next', '/feeds', '/.well-known', '/log'].some((p) => isUnder(pathname, p))) return 'resource'
  return ROOT_FILE.test(pathname) ? 'resource' : 'page'
}

/**
 * True when the request came over HTTPS: the URL's own scheme, or X-Forwarded-Proto set by a
 * trusted reverse proxy (TRUSTED_PROXY_COUNT > 0). Without a trusted proxy a client could send
 * the header itself, so it is ignored.
 */
export function isHttpsRequest(url: URL, forwardedProto: string | null, trustedProxyCount: number): boolean {
  if (url.protocol === 'https:') return true
  if (trustedProxyCount <= 0 || forwardedProto === null) return false
  // each proxy appends its own value: the client-facing one is `trustedProxyCount` from the end
  const values = forwardedProto.split(',').map((v) => v.trim().toLowerCase())
  const index = Math.max(0, values.length - trustedProxyCount)
  return values[index] === 'https'
}
