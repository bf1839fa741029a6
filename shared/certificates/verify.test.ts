import { describe, expect, it } from 'vitest'
import { decodeBase64url, encodeBase64url } from './base64url'
import { certificateFactsDigest } from './facts-digest'
import { BODY_LENGTH, PAYLOAD_LENGTH } from './payload'
import { signCertificate } from './signing'
import { TEST_VECTORS } from './test-vectors'
import { completionFields, keyEntry, ORIGIN, permitFields, seededBytes, seededRandom, testSecretKey } from './testing'
import { MAX_SCANNED_LENGTH, VERIFY_FAILURE_MESSAGES, verifyCertificateCode, type VerifyResult } from './verify'

const KEY_A = testSecretKey(1)
const KEY_B = testSecretKey(2)
const KEY_ID = 7
const keys = [keyEntry(KEY_ID, KEY_A)]
const opts = { keys, expectedOrigin: ORIGIN }

const permit = signCertificate(permitFields(), KEY_A, KEY_ID)
const completion = signCertificate(completionFields(), KEY_A, KEY_ID)

function reasonOf(result: VerifyResult): string {
  return result.genuine ? 'GENUINE' : result.reason
}

function verifyBytes(bytes: Uint8Array): VerifyResult {
  return verifyCertificateCode(encodeBase64url(bytes), opts)
}

describe('round trip', () => {
  it.each([
    ['construction permit', permit, permitFields()],
    ['completion filing', completion, completionFields()],
  ])('%s: signed fields come back unchanged, from the URL and from the bare payload', (_, signed, fields) => {
    expect(signed.payload).toHaveLength(152)
    expect(signed.bytes).toHaveLength(PAYLOAD_LENGTH)
    const url = signed.url(ORIGIN)
    expect(url).toBe(`${ORIGIN}/v/${signed.payload}`)

    const fromUrl = verifyCertificateCode(url, opts)
    expect(fromUrl).toMatchObject({ genuine: true, keyId: KEY_ID, originMatches: true, payload: signed.payload })
    if (!fromUrl.genuine) throw new Error('not genuine')
    expect(fromUrl.fields).toEqual(fields)
    expect(fromUrl.message).toMatch(/数字签名有效/)

    const bare = verifyCertificateCode(signed.payload, opts)
    expect(bare).toMatchObject({ genuine: true, originMatches: false })
    if (bare.genuine) expect(bare.fields).toEqual(fields)
  })

  it('signing is deterministic', () => {
    expect(signCertificate(permitFields(), KEY_A, KEY_ID).payload).toBe(permit.payload)
  })

  it('accepts the usual variations of the same URL', () => {
    const p = permit.payload
    for (const text of [
      `  ${ORIGIN}/v/${p}\n`,
      `HTTPS://PORTAL.EXAMPLE.GOV.CN/v/${p}`,
      `${ORIGIN}:443/v/${p}`,
      `${ORIGIN}/v/${p}/`,
      `${ORIGIN}/v/${p}?from=singlemessage`,
      `${ORIGIN}/v/${p}#top`,
    ]) {
      expect(verifyCertificateCode(text, opts), text).toMatchObject({ genuine: true, originMatches: true })
    }
    // same host over plain http: the code is genuine, but the origin is not exactly ours
    expect(verifyCertificateCode(`http://portal.example.gov.cn/v/${p}`, opts)).toMatchObject({
      genuine: true,
      originMatches: false,
    })
    // an expected origin given with a trailing slash
    expect(verifyCertificateCode(permit.url(ORIGIN), { keys, expectedOrigin: `${ORIGIN}/` }).genuine).toBe(true)
  })

  it('issue dates at both ends of the 16-bit day count survive', () => {
    for (const issuedOn of ['1990-01-01', '2099-12-31', '2024-02-29']) {
      const signed = signCertificate(permitFields({ issuedOn }), KEY_A, KEY_ID)
      const r = verifyCertificateCode(signed.payload, { keys: [keyEntry(KEY_ID, KEY_A, '1990-01-01')], expectedOrigin: ORIGIN })
      expect(r.genuine && r.fields.issuedOn).toBe(issuedOn)
    }
  })
})

describe('tampering', () => {
  it('rejects every single-bit flip and every 0x00/0xFF/+1 replacement of every byte', () => {
    const seen = new Set<string>()
    for (let i = 0; i < PAYLOAD_LENGTH; i++) {
      const variants = new Set<number>([0x00, 0xff, (permit.bytes[i] + 1) & 0xff])
      for (let bit = 0; bit < 8; bit++) variants.add(permit.bytes[i] ^ (1 << bit))
      variants.delete(permit.bytes[i])
      for (const value of variants) {
        const bytes = Uint8Array.from(permit.bytes)
        bytes[i] = value
        const result = verifyBytes(bytes)
        expect(result.genuine, `byte ${i} = ${value}`).toBe(false)
        seen.add(reasonOf(result))
      }
    }
    expect([...seen].sort()).toEqual(['BAD_SIGNATURE', 'UNKNOWN_KEY', 'UNSUPPORTED_VERSION'])
  }, 60_000) // every byte × four variants, each a signature check: seconds on a busy machine

  it('rejects all 255 other values of the bytes read before the signature (version, key id, type)', () => {
    for (let i = 0; i < 4; i++) {
      for (let value = 0; value < 256; value++) {
        if (value === permit.bytes[i]) continue
        const bytes = Uint8Array.from(permit.bytes)
        bytes[i] = value
        const expected = i === 0 ? 'UNSUPPORTED_VERSION' : i === 3 ? 'BAD_SIGNATURE' : 'UNKNOWN_KEY'
        expect(reasonOf(verifyBytes(bytes)), `byte ${i} = ${value}`).toBe(expected)
      }
    }
  })

  it('rejects every truncation of the payload, in bytes and in characters', () => {
    for (let len = 0; len < PAYLOAD_LENGTH; len++) {
      const bytes = permit.bytes.slice(0, len)
      const bare = verifyBytes(bytes)
      const url = verifyCertificateCode(`${ORIGIN}/v/${encodeBase64url(bytes)}`, opts)
      expect(bare.genuine, `length ${len}`).toBe(false)
      expect(url.genuine, `length ${len}`).toBe(false)
      if (len > 0) expect(reasonOf(bare)).toBe('TRUNCATED')
    }
    const text = permit.url(ORIGIN)
    for (let len = 0; len < text.length; len++) {
      expect(verifyCertificateCode(text.slice(0, len), opts).genuine, `chars ${len}`).toBe(false)
    }
  })

  it('rejects extra bytes and characters', () => {
    const longer = new Uint8Array(PAYLOAD_LENGTH + 1)
    longer.set(permit.bytes)
    expect(reasonOf(verifyBytes(longer))).toBe('MALFORMED')
    for (const extra of ['A', 'AA', 'AAA', 'AAAA', '=', '==']) {
      expect(verifyCertificateCode(permit.payload + extra, opts).genuine, extra).toBe(false)
    }
  })

  it('rejects changed characters of the base64url text (3 random replacements per position)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const random = seededRandom(42)
    const p = permit.payload
    for (let i = 0; i < p.length; i++) {
      for (let k = 0; k < 3; k++) {
        let c = p[i]
        while (c === p[i]) c = alphabet[Math.floor(random() * 64)]
        const changed = p.slice(0, i) + c + p.slice(i + 1)
        expect(verifyCertificateCode(changed, opts).genuine, `${i}: ${c}`).toBe(false)
      }
    }
  })

  it('a body re-signed with another key under the same key id → BAD_SIGNATURE', () => {
    const forged = signCertificate(permitFields(), KEY_B, KEY_ID)
    expect(reasonOf(verifyCertificateCode(forged.url(ORIGIN), opts))).toBe('BAD_SIGNATURE')
  })

  it('the signature of one certificate does not fit another', () => {
    const spliced = Uint8Array.from(completion.bytes)
    spliced.set(permit.signature, BODY_LENGTH)
    expect(reasonOf(verifyBytes(spliced))).toBe('BAD_SIGNATURE')
  })

  it('changed facts give a different digest, so a changed digest fails the signature', () => {
    const facts = { ...TEST_VECTORS[0].facts, contractPrice: '18650.6' }
    const body = Uint8Array.from(permit.bytes)
    body.set(certificateFactsDigest(facts as typeof TEST_VECTORS[0]['facts']), 34)
    expect(reasonOf(verifyBytes(body))).toBe('BAD_SIGNATURE')
  })
})

describe('keys', () => {
  it('unknown key id → UNKNOWN_KEY', () => {
    const other = signCertificate(permitFields(), KEY_A, 8)
    expect(reasonOf(verifyCertificateCode(other.url(ORIGIN), opts))).toBe('UNKNOWN_KEY')
    expect(reasonOf(verifyCertificateCode(permit.url(ORIGIN), { keys: [], expectedOrigin: ORIGIN }))).toBe('UNKNOWN_KEY')
  })

  it('a retired key still verifies its old certificates; later issue dates → KEY_NOT_VALID_AT_ISSUE', () => {
    const retired = [keyEntry(KEY_ID, KEY_A, '2020-01-01', '2025-06-30')]
    const ropts = { keys: retired, expectedOrigin: ORIGIN }
    const old = signCertificate(permitFields({ issuedOn: '2024-03-15' }), KEY_A, KEY_ID)
    const lastDay = signCertificate(permitFields({ issuedOn: '2025-06-30' }), KEY_A, KEY_ID)
    const after = signCertificate(permitFields({ issuedOn: '2025-07-01' }), KEY_A, KEY_ID)
    const before = signCertificate(permitFields({ issuedOn: '2019-12-31' }), KEY_A, KEY_ID)
    expect(verifyCertificateCode(old.url(ORIGIN), ropts).genuine).toBe(true)
    expect(verifyCertificateCode(lastDay.url(ORIGIN), ropts).genuine).toBe(true)
    expect(reasonOf(verifyCertificateCode(after.url(ORIGIN), ropts))).toBe('KEY_NOT_VALID_AT_ISSUE')
    expect(reasonOf(verifyCertificateCode(before.url(ORIGIN), ropts))).toBe('KEY_NOT_VALID_AT_ISSUE')
  })

  it('rotation: old and new keys side by side, each verifies its own certificates', () => {
    const rotated = [keyEntry(1, KEY_A, '2020-01-01', '2025-06-30'), keyEntry(2, KEY_B, '2025-07-01')]
    const ropts = { keys: rotated, expectedOrigin: ORIGIN }
    const old = signCertificate(permitFields({ issuedOn: '2024-03-15' }), KEY_A, 1)
    const current = signCertificate(completionFields({ issuedOn: '2026-12-03' }), KEY_B, 2)
    expect(verifyCertificateCode(old.url(ORIGIN), ropts)).toMatchObject({ genuine: true, keyId: 1 })
    expect(verifyCertificateCode(current.url(ORIGIN), ropts)).toMatchObject({ genuine: true, keyId: 2 })
    // the new key cannot vouch for a certificate claiming the old key's id
    const mislabelled = signCertificate(permitFields({ issuedOn: '2024-03-15' }), KEY_B, 1)
    expect(reasonOf(verifyCertificateCode(mislabelled.url(ORIGIN), ropts))).toBe('BAD_SIGNATURE')
  })

  it('a malformed configured key does not make verification throw', () => {
    const bad = [{ keyId: KEY_ID, publicKey: new Uint8Array(5), notBefore: '2020-01-01' }]
    expect(reasonOf(verifyCertificateCode(permit.url(ORIGIN), { keys: bad, expectedOrigin: ORIGIN }))).toBe(
      'BAD_SIGNATURE',
    )
  })
})

describe('hosts and URLs', () => {
  const p = permit.payload
  it.each([
    `https://portal.example.gov.cn.evil.com/v/${p}`,
    `https://evil.com/v/${p}`,
    `https://portal-example.gov.cn/v/${p}`,
    `https://example.gov.cn/v/${p}`,
    `https://portal.example.gov.cn.:443/v/${p}`,
    `https://portal.example.gov.cn@evil.com/v/${p}`,
    `https://evil.com@portal.example.gov.cn/v/${p}`,
    `https://evil.com\\portal.example.gov.cn/v/${p}`,
    `https://portal.example.gov.cn:8443/v/${p}`,
    `https://xn--portal-9ya.example.gov.cn/v/${p}`,
    `https://pоrtal.example.gov.cn/v/${p}`, // Cyrillic о
  ])('a genuine payload under a foreign host is not genuine: %s', (text) => {
    const r = verifyCertificateCode(text, opts)
    expect(reasonOf(r)).toBe('FOREIGN_HOST')
    expect(r.message).toBe(VERIFY_FAILURE_MESSAGES.FOREIGN_HOST)
  })

  it.each([
    [`${ORIGIN}/x/${p}`, 'MALFORMED'],
    [`${ORIGIN}/v/${p}/extra`, 'MALFORMED'],
    [`${ORIGIN}/v/`, 'MALFORMED'],
    [`${ORIGIN}/`, 'MALFORMED'],
    [ORIGIN, 'MALFORMED'],
    [`${ORIGIN}/v/${p.slice(0, 40)}%41${p.slice(41)}`, 'MALFORMED'],
    [`${ORIGIN}/v/${p}=`, 'MALFORMED'],
    ['https:/portal.example.gov.cn/v/x', 'MALFORMED'],
    [`ftp://portal.example.gov.cn/v/${p}`, 'NOT_A_URL'],
    [`weixin://dl/business/?t=${p}`, 'NOT_A_URL'],
    [`portal.example.gov.cn/v/${p}`, 'NOT_A_URL'],
    ['', 'NOT_A_URL'],
    ['   ', 'NOT_A_URL'],
    ['这是一段普通文字', 'NOT_A_URL'],
    ['Hello, world!', 'NOT_A_URL'],
    ['https://www.baidu.com/s?wd=%E8%AF%81%E4%B9%A6', 'FOREIGN_HOST'],
    ['AQ', 'TRUNCATED'],
    ['hello', 'MALFORMED'],
    ['helloA', 'UNSUPPORTED_VERSION'],
    ['AAAA', 'UNSUPPORTED_VERSION'],
  ])('%s → %s', (text, reason) => {
    const r = verifyCertificateCode(text, opts)
    expect(reasonOf(r)).toBe(reason)
    expect(r.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('an unusable expectedOrigin matches no URL (and does not throw)', () => {
    for (const expectedOrigin of ['', 'portal.example.gov.cn', 'https://', 'https://portal.example.gov.cn/path']) {
      expect(reasonOf(verifyCertificateCode(permit.url(ORIGIN), { keys, expectedOrigin }))).toBe('FOREIGN_HOST')
    }
    // a bare payload needs no origin
    expect(verifyCertificateCode(p, { keys, expectedOrigin: '' }).genuine).toBe(true)
  })
})

describe('never throws', () => {
  it('rejects texts longer than the limit before parsing', () => {
    const padded = permit.url(ORIGIN) + ' '.repeat(MAX_SCANNED_LENGTH)
    expect(reasonOf(verifyCertificateCode(padded, opts))).toBe('MALFORMED')
    expect(reasonOf(verifyCertificateCode('A'.repeat(10 * 1024), opts))).toBe('MALFORMED')
    expect(reasonOf(verifyCertificateCode(`${ORIGIN}/v/${'A'.repeat(10 * 1024)}`, opts))).toBe('MALFORMED')
  })

  it('handles values that are not strings and broken options', () => {
    for (const value of [undefined, null, 42, {}, [], new Uint8Array(114), Symbol('x')]) {
      expect(verifyCertificateCode(value as unknown as string, opts).genuine).toBe(false)
    }
    const broken = [undefined, null, {}, { keys: null }, { keys: [null, 1, 'x'] }, { keys: 'x', expectedOrigin: 5 }]
    for (const o of broken) {
      expect(() => verifyCertificateCode(permit.url(ORIGIN), o as never)).not.toThrow()
      expect(verifyCertificateCode(permit.url(ORIGIN), o as never).genuine).toBe(false)
    }
  })

  it('random texts, random bytes and mutated URLs never throw and are never genuine (seeded)', () => {
    const random = seededRandom(20240315)
    const pieces = ['https://', 'http://', ORIGIN, '/v/', '/', '?', '#', '@', ':', '%', '.', '-', '_', 'A', 'Q', '证', '🏗️', '\u0000', '\n', ' ', permit.payload.slice(0, 20)]
    const randomChar = () => {
      const r = random()
      if (r < 0.5) return String.fromCharCode(32 + Math.floor(random() * 95))
      if (r < 0.8) return String.fromCharCode(Math.floor(random() * 0x10000))
      return pieces[Math.floor(random() * pieces.length)]
    }
    for (let n = 0; n < 2000; n++) {
      let text = ''
      const len = Math.floor(random() ** 2 * 700)
      while (text.length < len) text += randomChar()
      const r = verifyCertificateCode(text, opts)
      expect(r.genuine).toBe(false)
      expect(typeof r.message).toBe('string')
    }
    for (let n = 0; n < 500; n++) {
      const bytes = seededBytes(random, Math.floor(random() * 200))
      if (random() < 0.5 && bytes.length > 0) bytes[0] = 1
      expect(verifyBytes(bytes).genuine).toBe(false)
    }
    const url = permit.url(ORIGIN)
    for (let n = 0; n < 500; n++) {
      const i = Math.floor(random() * url.length)
      const mutated = url.slice(0, i) + randomChar() + url.slice(i + (random() < 0.5 ? 1 : 0))
      const r = verifyCertificateCode(mutated, opts)
      // the only harmless edits are in the scheme/host case or a trailing slash/query/fragment
      if (r.genuine) expect(decodeBase64url(r.payload)).toEqual(permit.bytes)
    }
  })
})
