// The address the portal's server writes into x-portal-client-ip: the socket's peer without a
// trusted proxy, the entry the trusted proxies vouch for behind them — never an address the
// client wrote itself, whatever it sends (forged entries, short headers, blanks, garbage).
import { describe, expect, it } from 'vitest'
import { clientAddressOf, isLoopbackAddress, normalizeAddress } from './client-address'

describe('normalizeAddress', () => {
  it('keeps IPv4, canonicalises IPv6 and unwraps IPv4-mapped IPv6', () => {
    expect(normalizeAddress('203.0.113.9')).toBe('203.0.113.9')
    expect(normalizeAddress('2001:DB8:0:0:0:0:0:2')).toBe('2001:db8::2')
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(normalizeAddress('::FFFF:7f00:1')).toBe('127.0.0.1')
    expect(normalizeAddress('::1')).toBe('::1')
  })

  it('drops ports, brackets and zones, which name no other client', () => {
    expect(normalizeAddress(' 203.0.113.9:51234 ')).toBe('203.0.113.9')
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8::1')
    expect(normalizeAddress('[::1]')).toBe('::1')
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1')
  })

  it('rejects anything that is not an address', () => {
    for (const garbage of ['', '   ', 'unknown', '_hidden', '<script>alert(1)</script>', '999.1.1.1', '01.2.3.4', '1.2.3', '9'.repeat(10_000), 'localhost', '2001:db8::bad::1', '1.2.3.4:', null, undefined]) {
      expect(normalizeAddress(garbage), String(garbage).slice(0, 20)).toBeNull()
    }
  })
})

describe('clientAddressOf without a trusted proxy (TRUSTED_PROXY_COUNT=0)', () => {
  it('takes the socket address and ignores whatever X-Forwarded-For the client sent', () => {
    expect(clientAddressOf('203.0.113.9', null, 0)).toBe('203.0.113.9')
    expect(clientAddressOf('203.0.113.9', '6.6.6.6', 0)).toBe('203.0.113.9')
    expect(clientAddressOf('::ffff:203.0.113.9', '6.6.6.6, 7.7.7.7', 0)).toBe('203.0.113.9')
    expect(clientAddressOf('::1', 'anything-at-all', 0)).toBe('::1')
  })

  it('gives a fresh spoofed header per request no fresh address', () => {
    const seen = new Set(Array.from({ length: 50 }, (_, i) => clientAddressOf('198.51.100.4', `10.0.${i}.1`, 0)))
    expect([...seen]).toEqual(['198.51.100.4'])
  })

  it('answers null when the socket has no address (a destroyed socket)', () => {
    expect(clientAddressOf(undefined, '6.6.6.6', 0)).toBeNull()
  })
})

describe('clientAddressOf behind one trusted proxy (TRUSTED_PROXY_COUNT=1)', () => {
  const proxy = '10.0.0.1'
  it('takes the right-most entry, the one the proxy wrote', () => {
    expect(clientAddressOf(proxy, '203.0.113.9', 1)).toBe('203.0.113.9')
    expect(clientAddressOf(proxy, '6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9')
    expect(clientAddressOf(proxy, '1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.9', 1)).toBe('203.0.113.9')
  })

  it('ignores blank entries and the spaces around entries', () => {
    expect(clientAddressOf(proxy, '6.6.6.6, , ,203.0.113.9', 1)).toBe('203.0.113.9')
    expect(clientAddressOf(proxy, ',,6.6.6.6,,   203.0.113.9   ', 1)).toBe('203.0.113.9')
  })

  it('keeps IPv6 whole and unwraps IPv4-mapped addresses', () => {
    expect(clientAddressOf(proxy, '6.6.6.6, 2001:db8::1', 1)).toBe('2001:db8::1')
    expect(clientAddressOf(proxy, '6.6.6.6, ::ffff:203.0.113.9', 1)).toBe('203.0.113.9')
  })

  it('does not let garbage on the client side reach the address', () => {
    expect(clientAddressOf(proxy, '<script>alert(1)</script>, 203.0.113.9', 1)).toBe('203.0.113.9')
    expect(clientAddressOf(proxy, `${'9'.repeat(10_000)}, 203.0.113.9`, 1)).toBe('203.0.113.9')
  })

  it('answers null when the vouched-for entry is not an address, instead of falling back to a client-written one', () => {
    expect(clientAddressOf(proxy, '203.0.113.9, unknown', 1)).toBeNull()
    expect(clientAddressOf(proxy, '6.6.6.6, _hidden', 1)).toBeNull()
  })

  it('takes the socket address when nothing was forwarded', () => {
    expect(clientAddressOf(proxy, null, 1)).toBe(proxy)
    expect(clientAddressOf(proxy, ' , , ', 1)).toBe(proxy)
  })
})

describe('clientAddressOf behind two trusted proxies (TRUSTED_PROXY_COUNT=2)', () => {
  const inner = '10.0.0.3'
  it('takes the second entry from the right, what the outer proxy saw', () => {
    expect(clientAddressOf(inner, '203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9')
    expect(clientAddressOf(inner, '6.6.6.6, 7.7.7.7, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9')
    // Node joins repeated header lines with ", "
    expect(clientAddressOf(inner, '6.6.6.6, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9')
    expect(clientAddressOf(inner, '6.6.6.6 ,, 2001:db8::7 , 10.0.0.2', 2)).toBe('2001:db8::7')
  })

  it('takes the left-most entry of a header shorter than the count', () => {
    expect(clientAddressOf(inner, '10.0.0.2', 2)).toBe('10.0.0.2')
  })

  it('treats a non-integer or negative count as no proxy', () => {
    expect(clientAddressOf(inner, '6.6.6.6', -1)).toBe(inner)
    expect(clientAddressOf(inner, '6.6.6.6', Number.NaN)).toBe(inner)
  })
})

describe('isLoopbackAddress', () => {
  it('knows 127.0.0.0/8 and ::1 and nothing else', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('127.1.2.3')).toBe(true)
    expect(isLoopbackAddress('::1')).toBe(true)
    expect(isLoopbackAddress('10.0.0.1')).toBe(false)
    expect(isLoopbackAddress('128.0.0.1')).toBe(false)
    expect(isLoopbackAddress(null)).toBe(false)
  })
})
