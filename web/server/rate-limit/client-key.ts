// Which client a request comes from, for rate limiting and the audit log. Only `x-portal-client-ip`
// is read: the portal's production HTTP server deletes any such header a client sends and writes
// the address it computed from the socket (clientAddressOf, client-address.ts, which applies
// TRUSTED_PROXY_COUNT to X-Forwarded-For). X-Forwarded-For is never read here: Next's own server
// passes a client-sent one through, so it would let a client pick a fresh key per request.
//
// Under `next dev` or plain `next start` nobody sets the header: every request then shares the one
// 'unknown' bucket (strict, never escapable). Those servers also let a client set the header
// itself, which is why production runs the portal's own server (README, "Rate limiting").
import { normalizeAddress } from './client-address'

export const CLIENT_ADDRESS_HEADER = 'x-portal-client-ip'
export const UNKNOWN_CLIENT = 'unknown'

/** The client's address as the portal's server recorded it, or null when it did not. */
export function clientAddressFromHeaders(headers: Headers): string | null {
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER))
}

/** The rate-limit key of the request's client: its address, or 'unknown' (one shared bucket). */
export function clientKeyOf(headers: Headers): string {
  return clientAddressFromHeaders(headers) ?? UNKNOWN_CLIENT
}
