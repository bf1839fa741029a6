// The address of the client a request comes from, as the portal's own HTTP server computes it for
// the `x-portal-client-ip` header (the only header clientKeyOf reads). A client must not be able to
// choose it: without trusted proxies it is the socket's peer, whatever X-Forwarded-For says; behind
// N trusted proxies (TRUSTED_PROXY_COUNT) it is the entry N hops from the right of X-Forwarded-For,
// the address the outermost trusted proxy saw — entries to its left are the client's own writing.
import { isIP } from 'node:net'

/** Longer than any textual IP address (45 characters for IPv6 with an embedded IPv4 part), with room for a zone. */
const MAX_ADDRESS_LENGTH = 64
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::\d{1,5})?$/
const IPV4_MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/

/**
 * One textual address in a canonical form, or null when it is not an IP address: IPv4 as dotted
 * quad, IPv6 compressed and lower case (so 2001:DB8:0::1 and 2001:db8::1 are one client), an
 * IPv4-mapped IPv6 address as the IPv4 address it maps. A port (`1.2.3.4:80`, `[::1]:80`) and
 * an IPv6 zone (`fe80::1%eth0`) are dropped: neither names a different client.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null
  let text = raw.trim()
  if (!text || text.length > MAX_ADDRESS_LENGTH) return null
  text = text.match(BRACKETED_IPV6)?.[1] ?? text.match(IPV4_WITH_PORT)?.[1] ?? text
  const zone = text.indexOf('%')
  if (zone >= 0) text = text.slice(0, zone)
  const version = isIP(text)
  if (version === 4) return text
  if (version !== 6) return null
  // the URL parser prints IPv6 in the canonical compressed form (RFC 5952)
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1)
  const mapped = canonical.match(IPV4_MAPPED_HEX)
  if (!mapped) return canonical
  const high = parseInt(mapped[1], 16)
  const low = parseInt(mapped[2], 16)
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

/**
 * The client's address, or null when it cannot be told (no socket address, or the entry the
 * trusted proxies vouch for is not an address — then the request counts in the shared 'unknown'
 * rate-limit bucket rather than under a key the client picked).
 *
 * With trustedProxyCount > 0 the socket's peer is the innermost proxy and each proxy appended the
 * address it saw, so the client is the trustedProxyCount-th entry from the right. A header with
 * fewer entries than that reached fewer proxies than configured: its left-most entry is the
 * farthest-out address a trusted proxy wrote. No header at all means nothing was forwarded: the
 * socket's peer is the client.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | null, trustedProxyCount: number): string | null {
  if (!Number.isInteger(trustedProxyCount) || trustedProxyCount <= 0) return normalizeAddress(socketAddress)
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return normalizeAddress(socketAddress)
  return normalizeAddress(entries[Math.max(0, entries.length - trustedProxyCount)])
}

/** Loopback addresses (127.0.0.0/8, ::1), after normalizeAddress. */
export function isLoopbackAddress(address: string | null): boolean {
  return address !== null && (address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address))
}
