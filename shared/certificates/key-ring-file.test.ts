import { describe, expect, it } from 'vitest'
import { bytesToHex } from './base64url'
import { fromJwks, toJwks } from './jwks'
import { createDemoKeyFile, KeyFileError, parseKeyFile, rotateKeyFile, selectSigningKey, type KeyFile } from './key-file'
import { exportPublicKeyFile, isPublicKeyFile, markKeyCompromised, parseKeyRingFile } from './key-ring-file'
import { signCertificate } from './signing'
import { ORIGIN, permitFields } from './testing'
import { verifyCertificateCode, type VerifyResult } from './verify'

const reasonOf = (r: VerifyResult) => (r.genuine ? 'GENUINE' : r.reason)

function problemsOf(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    if (error instanceof KeyFileError) return error.problems
    throw error
  }
  throw new Error('expected a KeyFileError')
}

/** A staff key file with a retired key 1 and an active key 2 (from 2025-07-01). */
function staffFile(): KeyFile {
  return rotateKeyFile(createDemoKeyFile('2020-01-01'), '2025-07-01').file
}

describe('public instances', () => {
  it('refuse a key file holding a private key, naming CERTIFICATE_KEYS_FILE', () => {
    const problems = problemsOf(() => parseKeyRingFile(staffFile(), { role: 'public' }))
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^CERTIFICATE_KEYS_FILE: keys\.0\.secretKeyHex: 公开实例/)
    expect(problems[1]).toMatch(/^CERTIFICATE_KEYS_FILE: keys\.1\.secretKeyHex: /)
  })

  it('refuse CERTIFICATE_SIGNING_KEY_HEX, with either file format', () => {
    const file = staffFile()
    const secret = file.keys[1].secretKeyHex!
    const withoutSecrets = { ...file, keys: file.keys.map(({ secretKeyHex: _, ...k }) => k) }
    expect(problemsOf(() => parseKeyRingFile(withoutSecrets, { role: 'public', secretKeyHex: secret }))).toEqual([
      expect.stringMatching(/^CERTIFICATE_SIGNING_KEY_HEX: /),
    ])
    expect(problemsOf(() => parseKeyRingFile(exportPublicKeyFile(file), { role: 'public', secretKeyHex: secret }))[0]).toMatch(
      /^CERTIFICATE_SIGNING_KEY_HEX: /,
    )
    // the same secret is fine on the staff side, where it signs
    expect(parseKeyRingFile(withoutSecrets, { role: 'staff', secretKeyHex: secret }).active?.keyId).toBe(2)
  })

  it('refuse a JWKS entry with a private part', () => {
    const jwks = exportPublicKeyFile(staffFile()) as unknown as { keys: Record<string, unknown>[] }
    jwks.keys[0].d = 'AAAA'
    expect(problemsOf(() => parseKeyRingFile(jwks, { role: 'public' }))[0]).toMatch(/^CERTIFICATE_KEYS_FILE: .*"d"/)
  })

  it('read the exported public key file: no signing key, and they verify what the staff key ring signed', () => {
    const file = staffFile()
    const exported = JSON.parse(JSON.stringify(exportPublicKeyFile(file)))
    expect(isPublicKeyFile(exported)).toBe(true)
    expect(isPublicKeyFile(file)).toBe(false)
    expect(JSON.stringify(exported)).not.toContain(file.keys[1].secretKeyHex!)

    const staff = parseKeyRingFile(file, { role: 'staff' })
    const publicRing = parseKeyRingFile(exported, { role: 'public' })
    expect(publicRing.active).toBeNull()
    expect(() => selectSigningKey(publicRing, '2026-01-05')).toThrow(/未配置签名私钥/)
    expect(publicRing.publicKeys.map((k) => [k.keyId, bytesToHex(k.publicKey), k.notBefore, k.notAfter])).toEqual(
      staff.publicKeys.map((k) => [k.keyId, bytesToHex(k.publicKey), k.notBefore, k.notAfter]),
    )

    const key = selectSigningKey(staff, '2026-01-05')
    const issued = signCertificate(permitFields({ issuedOn: '2026-01-05' }), key.secretKey, key.keyId)
    expect(verifyCertificateCode(issued.url(ORIGIN), { keys: publicRing.publicKeys, expectedOrigin: ORIGIN })).toMatchObject({ genuine: true, keyId: 2 })
    // the retired key's old certificates too
    const old = signCertificate(permitFields({ issuedOn: '2024-03-15' }), Buffer.from(file.keys[0].secretKeyHex!, 'hex'), 1)
    expect(verifyCertificateCode(old.url(ORIGIN), { keys: publicRing.publicKeys, expectedOrigin: ORIGIN }).genuine).toBe(true)
  })
})

describe('compromised keys', () => {
  const file = staffFile()
  const secretOf = (keyId: number) => Buffer.from(file.keys.find((k) => k.keyId === keyId)!.secretKeyHex!, 'hex')
  const issue = (keyId: number, issuedOn: string) => signCertificate(permitFields({ issuedOn }), secretOf(keyId), keyId).url(ORIGIN)

  it('the JWKS says so, and certificates dated on or after the day verify as not genuine (offline, from the JWKS)', () => {
    const { file: marked, wasActive } = markKeyCompromised(file, 1, '2024-06-01')
    expect(wasActive).toBe(false)
    const jwks = exportPublicKeyFile(marked)
    // 2024-06-01 00:00 China time
    expect(jwks.keys.find((k) => k.kid === '1')).toMatchObject({ compromised_from: Date.UTC(2024, 5, 1) / 1000 - 8 * 3600 })
    expect(jwks.keys.find((k) => k.kid === '2')).not.toHaveProperty('compromised_from')

    // what a verifier (the mini-program) reads back from the published JSON
    const keys = fromJwks(JSON.parse(JSON.stringify(jwks)))
    expect(keys.find((k) => k.keyId === 1)?.compromisedFrom).toBe('2024-06-01')
    const verify = (url: string) => reasonOf(verifyCertificateCode(url, { keys, expectedOrigin: ORIGIN }))
    expect(verify(issue(1, '2024-05-31'))).toBe('GENUINE')
    expect(verify(issue(1, '2024-06-01'))).toBe('KEY_COMPROMISED')
    expect(verify(issue(1, '2025-06-30'))).toBe('KEY_COMPROMISED')
    expect(verify(issue(2, '2025-07-01'))).toBe('GENUINE')
    // the key file's own ring agrees (the portal's verify API and page)
    const portalKeys = parseKeyFile(marked).publicKeys
    expect(reasonOf(verifyCertificateCode(issue(1, '2024-06-01'), { keys: portalKeys, expectedOrigin: ORIGIN }))).toBe('KEY_COMPROMISED')
    expect(reasonOf(verifyCertificateCode(issue(1, '2024-05-31'), { keys: portalKeys, expectedOrigin: ORIGIN }))).toBe('GENUINE')
    // an unmarked ring still says genuine: the mark is what makes the difference
    expect(reasonOf(verifyCertificateCode(issue(1, '2024-06-01'), { keys: fromJwks(toJwks(parseKeyFile(file).publicKeys)), expectedOrigin: ORIGIN }))).toBe(
      'GENUINE',
    )
  })

  it('a compromised active key signs nothing more', () => {
    const { file: marked, wasActive } = markKeyCompromised(file, 2, '2026-02-01')
    expect(wasActive).toBe(true)
    expect(() => selectSigningKey(parseKeyFile(marked), '2026-01-10')).toThrow(/已标记为泄露/)
    expect(selectSigningKey(parseKeyFile(file), '2026-01-10').keyId).toBe(2)
  })

  it('moves the date earlier but never later, and refuses unknown keys and bad dates', () => {
    const first = markKeyCompromised(file, 1, '2024-06-01').file
    expect(markKeyCompromised(first, 1, '2024-01-01').file.keys[0].compromisedFrom).toBe('2024-01-01')
    expect(() => markKeyCompromised(first, 1, '2024-07-01')).toThrow(/已自 2024-06-01 起/)
    expect(() => markKeyCompromised(file, 9, '2024-06-01')).toThrow(/密钥 9 不在/)
    expect(() => markKeyCompromised(file, 1, '2024-02-30')).toThrow(/YYYY-MM-DD/)
    expect(() => parseKeyFile({ ...file, keys: [{ ...file.keys[0], compromisedFrom: '1 June' }, file.keys[1]] })).toThrow(/compromisedFrom/)
  })
})
