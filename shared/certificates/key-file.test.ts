import { describe, expect, it } from 'vitest'
import { bytesToHex, generateSigningKey, publicKeyOf, TEST_PUBLIC_KEY_HEX } from '@shared/certificates'
import { createDemoKeyFile, KeyFileError, NoSigningKeyError, parseKeyFile, rotateKeyFile, selectSigningKey } from './key-file'

function keyPair() {
  const secret = generateSigningKey()
  return { secretKeyHex: bytesToHex(secret), publicKeyHex: bytesToHex(publicKeyOf(secret)) }
}

function problemsOf(json: unknown, secretKeyHex?: string): string[] {
  try {
    parseKeyFile(json, { secretKeyHex })
  } catch (error) {
    if (error instanceof KeyFileError) return error.problems
    throw error
  }
  throw new Error('expected parseKeyFile to fail')
}

describe('parseKeyFile', () => {
  it('builds the key ring: all keys published, the active one with its secret', () => {
    const a = keyPair()
    const b = keyPair()
    const ring = parseKeyFile({
      keys: [
        { keyId: 1, ...a, notBefore: '2014-01-01', notAfter: '2025-06-30' },
        { keyId: 2, ...b, notBefore: '2025-07-01' },
      ],
      activeKeyId: 2,
    })
    expect(ring.publicKeys.map((k) => [k.keyId, bytesToHex(k.publicKey), k.notBefore, k.notAfter])).toEqual([
      [1, a.publicKeyHex, '2014-01-01', '2025-06-30'],
      [2, b.publicKeyHex, '2025-07-01', null],
    ])
    expect(ring.active?.keyId).toBe(2)
    expect(bytesToHex(ring.active!.secretKey)).toBe(b.secretKeyHex)
  })

  it('takes the secret from the environment and checks it belongs to the active key', () => {
    const a = keyPair()
    const file = { keys: [{ keyId: 7, publicKeyHex: a.publicKeyHex, notBefore: '2014-01-01' }], activeKeyId: 7 }
    expect(parseKeyFile(file).active).toBeNull() // verification-only server
    expect(bytesToHex(parseKeyFile(file, { secretKeyHex: a.secretKeyHex }).active!.secretKey)).toBe(a.secretKeyHex)
    expect(problemsOf(file, keyPair().secretKeyHex)[0]).toMatch(/CERTIFICATE_SIGNING_KEY_HEX: .*不匹配/)
    expect(problemsOf(file, 'xyz')[0]).toMatch(/CERTIFICATE_SIGNING_KEY_HEX: .*64/)
  })

  it('explains every problem in Chinese and English', () => {
    const a = keyPair()
    const problems = problemsOf({
      keys: [
        { keyId: 0, ...a, notBefore: '2014-01-01' },
        { keyId: 2, publicKeyHex: 'abc', notBefore: '2014-13-01' },
        { keyId: 3, secretKeyHex: keyPair().secretKeyHex, publicKeyHex: a.publicKeyHex, notBefore: '2014-01-01' },
      ],
      activeKeyId: 9,
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^keys\.0\.keyId: 密钥编号必须在 1–65535 .* \/ keyId must be 1-65535/),
        expect.stringMatching(/^keys\.1\.publicKeyHex: 公钥必须是 64 位十六进制/),
        expect.stringMatching(/^keys\.1\.notBefore: .*YYYY-MM-DD/),
        expect.stringMatching(/^keys\.2\.secretKeyHex: 私钥与公钥不匹配/),
        expect.stringMatching(/^activeKeyId: .*9.*not in "keys"/),
      ]),
    )
    expect(problemsOf('nope')[0]).toMatch(/^\(root\): /)
    expect(problemsOf({ keys: [] })[0]).toMatch(/^keys: 密钥列表为空/)
  })

  it('refuses the public test key, duplicates, a retired active key, a window ending before it starts and unknown members', () => {
    const a = keyPair()
    expect(problemsOf({ keys: [{ keyId: 1, publicKeyHex: TEST_PUBLIC_KEY_HEX, notBefore: '2014-01-01' }] })[0]).toMatch(/公开测试密钥/)
    expect(
      problemsOf({
        keys: [
          { keyId: 1, ...a, notBefore: '2014-01-01' },
          { keyId: 1, ...keyPair(), notBefore: '2014-01-01' },
        ],
      })[0],
    ).toMatch(/duplicate keyId 1/)
    expect(problemsOf({ keys: [{ keyId: 1, ...a, notBefore: '2014-01-01', notAfter: '2020-01-01' }], activeKeyId: 1 })[0]).toMatch(
      /^activeKeyId: .*retired/,
    )
    expect(problemsOf({ keys: [{ keyId: 1, ...a, notBefore: '2020-01-01', notAfter: '2019-01-01' }] })[0]).toMatch(/notAfter is before notBefore/)
    expect(problemsOf({ keys: [{ keyId: 1, ...a, notBefore: '2014-01-01', d: 'x' }] })[0]).toMatch(/keys\.0/)
  })
})

describe('selectSigningKey', () => {
  const current = keyPair()
  const old = keyPair()
  const ring = parseKeyFile({
    keys: [
      { keyId: 1, ...old, notBefore: '2014-01-01', notAfter: '2025-06-30' },
      { keyId: 2, ...current, notBefore: '2025-07-01' },
    ],
    activeKeyId: 2,
  })

  it('signs with the active key only, from its first day on', () => {
    expect(selectSigningKey(ring, '2025-07-01').keyId).toBe(2)
    expect(selectSigningKey(ring, '2026-11-24').keyId).toBe(2)
  })

  it('signs nothing dated before the active key, even within a retired key window', () => {
    expect(() => selectSigningKey(ring, '2024-03-15')).toThrow(NoSigningKeyError)
  })

  it('signs nothing without a secret or with a retired key', () => {
    const verifyOnly = parseKeyFile({ keys: [{ keyId: 2, publicKeyHex: current.publicKeyHex, notBefore: '2025-07-01' }], activeKeyId: 2 })
    expect(() => selectSigningKey(verifyOnly, '2026-01-01')).toThrow(/no active signing key/)
    const retired = { ...ring, publicKeys: ring.publicKeys.map((k) => ({ ...k, notAfter: '2026-01-01' })) }
    expect(() => selectSigningKey(retired, '2025-12-01')).toThrow(/retired/)
    expect(() => selectSigningKey(ring, '2026-1-1')).toThrow(RangeError)
  })
})

describe('demo key file and rotation', () => {
  it('creates one demo key, id 1, from 2014-01-01', () => {
    const file = createDemoKeyFile()
    expect(file.activeKeyId).toBe(1)
    expect(file.keys).toHaveLength(1)
    expect(file.keys[0]).toMatchObject({ keyId: 1, notBefore: '2014-01-01' })
    expect(parseKeyFile(file).active?.keyId).toBe(1)
  })

  it('rotates: next id active from today, the previous active retired yesterday and still published', () => {
    const first = createDemoKeyFile()
    const { file, retiredKeyId, newKeyId } = rotateKeyFile(first, '2026-11-24')
    expect([retiredKeyId, newKeyId, file.activeKeyId]).toEqual([1, 2, 2])
    expect(file.keys[0]).toEqual({ ...first.keys[0], notAfter: '2026-11-23' })
    expect(file.keys[1]).toMatchObject({ keyId: 2, notBefore: '2026-11-24' })
    expect(file.keys[1].publicKeyHex).not.toBe(first.keys[0].publicKeyHex)
    const ring = parseKeyFile(file)
    expect(ring.publicKeys.map((k) => k.keyId)).toEqual([1, 2])
    expect(selectSigningKey(ring, '2026-11-24').keyId).toBe(2)
    expect(() => rotateKeyFile(file, '2026-11-24')).toThrow(/rotate tomorrow/)
    expect(rotateKeyFile(file, '2027-01-01').file.keys.map((k) => [k.keyId, k.notAfter ?? null])).toEqual([
      [1, '2026-11-23'],
      [2, '2026-12-31'],
      [3, null],
    ])
  })
})
