import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCode } from './recovery-codes'
import { csrfTokenOf, hashSessionToken, isCsrfTokenOf, newSessionToken } from './session-tokens'

describe('session tokens', () => {
  it('are 256 random bits, base64url, never repeated', () => {
    const tokens = new Set(Array.from({ length: 200 }, newSessionToken))
    expect(tokens.size).toBe(200)
    for (const t of tokens) expect(Buffer.from(t, 'base64url')).toHaveLength(32)
  })

  it('are stored as their SHA-256 (hex), which is not the token', () => {
    const token = newSessionToken()
    expect(hashSessionToken(token)).toBe(createHash('sha256').update(token).digest('hex'))
    expect(hashSessionToken(token)).not.toContain(token)
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('each have their own CSRF token, which only matches its own session', () => {
    const a = newSessionToken()
    const b = newSessionToken()
    expect(isCsrfTokenOf(a, csrfTokenOf(a))).toBe(true)
    expect(isCsrfTokenOf(a, csrfTokenOf(b))).toBe(false)
    expect(isCsrfTokenOf(a, '')).toBe(false)
    expect(isCsrfTokenOf(a, null)).toBe(false)
  })
})

describe('recovery codes', () => {
  it('are 16 base32 characters in groups, hashed whatever the typing', () => {
    const code = newRecoveryCode()
    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/)
    expect(looksLikeRecoveryCode(code.toLowerCase().replaceAll('-', ' '))).toBe(true)
    expect(hashRecoveryCode(code.toLowerCase().replaceAll('-', ''))).toBe(hashRecoveryCode(code))
    expect(looksLikeRecoveryCode('123456')).toBe(false)
  })
})
