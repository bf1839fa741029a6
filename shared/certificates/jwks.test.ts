import { describe, expect, it } from 'vitest'
import { encodeBase64url, hexToBytes } from './base64url'
import { fromJwks, JwksError, keyValidOn, toJwk, toJwks } from './jwks'
import { publicKeyOf } from './signing'
import { TEST_PUBLIC_KEY_HEX } from './test-key'
import { keyEntry, testSecretKey } from './testing'

const PUB_1 = publicKeyOf(testSecretKey(1))
const PUB_2 = publicKeyOf(testSecretKey(2))

describe('toJwk', () => {
  it('produces an RFC 8037 OKP key with the validity in seconds', () => {
    const jwk = toJwk(1, PUB_1, { notBefore: '2024-01-01', notAfter: '2025-06-30' })
    expect(jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: encodeBase64url(PUB_1),
      kid: '1',
      use: 'sig',
      alg: 'EdDSA',
      nbf: Date.parse('2024-01-01T00:00:00+08:00') / 1000,
      exp: Date.parse('2025-07-01T00:00:00+08:00') / 1000,
    })
    expect(toJwk(2, PUB_2, { notBefore: '2025-07-01' })).not.toHaveProperty('exp')
    expect(JSON.parse(JSON.stringify(jwk))).toEqual(jwk)
  })

  it.each([
    ['key id 0 (test key)', () => toJwk(0, PUB_1, { notBefore: '2024-01-01' })],
    ['key id 65536', () => toJwk(65536, PUB_1, { notBefore: '2024-01-01' })],
    ['short key', () => toJwk(1, new Uint8Array(31), { notBefore: '2024-01-01' })],
    ['the public test key', () => toJwk(5, hexToBytes(TEST_PUBLIC_KEY_HEX) as Uint8Array, { notBefore: '2024-01-01' })],
    ['a bad date', () => toJwk(1, PUB_1, { notBefore: '2024-1-1' })],
    ['notAfter before notBefore', () => toJwk(1, PUB_1, { notBefore: '2024-01-02', notAfter: '2024-01-01' })],
  ])('refuses %s', (_, f) => {
    expect(f).toThrow(RangeError)
  })
})

describe('fromJwks', () => {
  it('round-trips through JSON, validity dates included', () => {
    const keys = [keyEntry(1, testSecretKey(1), '2020-01-01', '2025-06-30'), keyEntry(2, testSecretKey(2), '2025-07-01')]
    const parsed = fromJwks(JSON.parse(JSON.stringify(toJwks(keys))))
    expect(parsed).toEqual(keys)
  })

  it('reads arbitrary nbf/exp instants as the China calendar dates they fall on', () => {
    const jwk = { ...toJwk(1, PUB_1, { notBefore: '2024-01-01' }) }
    jwk.nbf = Date.parse('2024-01-01T15:59:59Z') / 1000 // 23:59:59 China time
    jwk.exp = Date.parse('2024-06-30T16:00:01Z') / 1000 // 2024-07-01 00:00:01 China time
    const [key] = fromJwks({ keys: [jwk, { ...toJwk(2, PUB_2, { notBefore: '2024-01-01' }), extra: 1, key_ops: ['verify'] }] })
    expect(key).toMatchObject({ notBefore: '2024-01-01', notAfter: '2024-07-01' })
  })

  const good = () => toJwk(1, PUB_1, { notBefore: '2024-01-01' }) as unknown as Record<string, unknown>
  it.each<[string, unknown]>([
    ['not an object', 'keys'],
    ['no keys array', {}],
    ['wrong kty', { keys: [{ ...good(), kty: 'EC' }] }],
    ['wrong crv', { keys: [{ ...good(), crv: 'Ed448' }] }],
    ['wrong alg', { keys: [{ ...good(), alg: 'ES256' }] }],
    ['wrong use', { keys: [{ ...good(), use: 'enc' }] }],
    ['kid 0', { keys: [{ ...good(), kid: '0' }] }],
    ['kid with leading zero', { keys: [{ ...good(), kid: '01' }] }],
    ['kid too large', { keys: [{ ...good(), kid: '65536' }] }],
    ['numeric kid', { keys: [{ ...good(), kid: 1 }] }],
    ['x too short', { keys: [{ ...good(), x: encodeBase64url(new Uint8Array(31)) }] }],
    ['x padded', { keys: [{ ...good(), x: `${good().x}=` }] }],
    ['x not on the curve', { keys: [{ ...good(), x: encodeBase64url(new Uint8Array(32).fill(0xff)) }] }],
    ['the public test key', { keys: [{ ...good(), x: encodeBase64url(hexToBytes(TEST_PUBLIC_KEY_HEX) as Uint8Array) }] }],
    ['a private part', { keys: [{ ...good(), d: encodeBase64url(testSecretKey(1)) }] }],
    ['missing nbf', { keys: [{ ...good(), nbf: undefined }] }],
    ['nbf in milliseconds as a string', { keys: [{ ...good(), nbf: '1704038400000' }] }],
    ['fractional nbf', { keys: [{ ...good(), nbf: 1.5 }] }],
    ['exp before nbf', { keys: [{ ...good(), exp: (good().nbf as number) - 1 }] }],
    ['duplicate kid', { keys: [good(), { ...toJwk(1, PUB_2, { notBefore: '2024-01-01' }) }] }],
    ['a null entry', { keys: [good(), null] }],
  ])('rejects %s', (_, jwks) => {
    expect(() => fromJwks(jwks)).toThrow(JwksError)
  })

  it('lists every problem', () => {
    try {
      fromJwks({ keys: [{ ...good(), kty: 'RSA' }, { ...good(), kid: '2', d: 'x' }] })
      expect.unreachable()
    } catch (e) {
      expect((e as JwksError).problems.length).toBeGreaterThanOrEqual(2)
      expect((e as JwksError).message).toMatch(/keys\.1\.d/)
    }
  })
})

describe('keyValidOn', () => {
  it('is inclusive at both ends', () => {
    const key = keyEntry(1, testSecretKey(1), '2024-01-01', '2024-12-31')
    expect(['2023-12-31', '2024-01-01', '2024-12-31', '2025-01-01'].map((d) => keyValidOn(key, d))).toEqual([
      false,
      true,
      true,
      false,
    ])
    expect(keyValidOn({ ...key, notAfter: null }, '2099-12-31')).toBe(true)
  })
})
