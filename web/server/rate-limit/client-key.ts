// Which client a request comes from, for rate limiting. Behind N trusted proxies that append to
// X-Forwarded-For, the client is the Nth address from the right (what the outermost trusted proxy
// saw); with none, Next.js has put the socket's address there unless the client sent the header.
export function clientKeyOf(headers: Headers, trustedProxyCount: number): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const address = trustedProxyCount > 0 ? forwarded[Math.max(0, forwarded.length - trustedProxyCount)] : forwarded[0]
  // bound what a client can make us store, and normalise IPv4-mapped IPv6
  return (address ?? 'unknown').replace(/^::ffff:/, '').slice(0, 64)
}
