// Independent oracle: RFC 6238 Appendix B (SHA-1, secret "12345678901234567890", 8 digits); the
// 6-digit code of a step is the last 6 digits of the 8-digit one (the truncation is mod 10^d).
import { describe, expect, it } from 'vitest'
import { decodeTotpSecret, encodeTotpSecret, totpCode, totpStep, totpUri, verifyTotp } from './totp'

const SECRET = new TextEncoder().encode('12345678901234567890')
const VECTORS: [seconds: number, code8: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
]
const at = (seconds: number) => new Date(seconds * 1000)

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('T=%i gives the RFC code', (seconds, code8) => {
    const step = totpStep(at(seconds))
    expect(totpCode(SECRET, step, 8)).toBe(code8)
    expect(totpCode(SECRET, step)).toBe(code8.slice(2))
    expect(verifyTotp(SECRET, code8.slice(2), at(seconds), null)).toBe(step)
  })

  it('accepts the neighbouring steps and no further', () => {
    const code = totpCode(SECRET, totpStep(at(1111111109)))
    expect(verifyTotp(SECRET, code, at(1111111109 + 30), null)).not.toBeNull()
    expect(verifyTotp(SECRET, code, at(1111111109 - 30), null)).not.toBeNull()
    expect(verifyTotp(SECRET, code, at(1111111109 + 60), null)).toBeNull()
  })

  it('refuses a step at or before the last one accepted (no replay)', () => {
    const now = at(1111111109)
    const step = totpStep(now)
    const code = totpCode(SECRET, step)
    expect(verifyTotp(SECRET, code, now, step - 1)).toBe(step)
    expect(verifyTotp(SECRET, code, now, step)).toBeNull()
    // the previous step's code is no use either once a later step was accepted
    expect(verifyTotp(SECRET, totpCode(SECRET, step - 1), now, step)).toBeNull()
  })

  it('refuses malformed codes', () => {
    expect(verifyTotp(SECRET, '12345', at(59), null)).toBeNull()
    expect(verifyTotp(SECRET, 'abcdef', at(59), null)).toBeNull()
    expect(verifyTotp(SECRET, '287 082', at(59), null)).toBe(1)
  })

  it('round-trips base32 secrets and builds the otpauth URI', () => {
    const text = encodeTotpSecret(SECRET)
    expect(text).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
    expect(decodeTotpSecret(text.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual(SECRET)
    expect(totpUri('海南省建筑市场监管平台', 'haikou', text)).toBe(
      'otpauth://totp/%E6%B5%B7%E5%8D%97%E7%9C%81%E5%BB%BA%E7%AD%91%E5%B8%82%E5%9C%BA%E7%9B%91%E7%AE%A1%E5%B9%B3%E5%8F%B0:haikou?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E6%B5%B7%E5%8D%97%E7%9C%81%E5%BB%BA%E7%AD%91%E5%B8%82%E5%9C%BA%E7%9B%91%E7%AE%A1%E5%B9%B3%E5%8F%B0&algorithm=SHA1&digits=6&period=30',
    )
  })
})
