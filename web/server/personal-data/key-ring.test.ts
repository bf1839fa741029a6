import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decryptField, encryptField } from './field-cipher'
import { addKeyToFile, createKeyFile, decodeSecret, keyRingFromFile, loadPersonalDataKeyRing, PersonalDataKeyError } from './key-ring'

function tempFile(content: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-keys-'))
  const file = path.join(dir, 'keys.json')
  fs.writeFileSync(file, JSON.stringify(content))
  return file
}

describe('personal-data key ring', () => {
  it('decodes 32-byte secrets as hex or base64 and nothing else', () => {
    const bytes = Buffer.alloc(32, 0xab)
    expect(decodeSecret(bytes.toString('hex'))).toEqual(bytes)
    expect(decodeSecret(bytes.toString('base64'))).toEqual(bytes)
    expect(decodeSecret(bytes.toString('base64url'))).toEqual(bytes)
    expect(decodeSecret(Buffer.alloc(31).toString('base64'))).toBeNull()
    expect(decodeSecret('zz'.repeat(32))).toBeNull()
  })

  it('reads a key file and refuses a broken one, naming the problem', () => {
    const file = createKeyFile()
    const ring = keyRingFromFile(file)
    expect(ring.activeKeyId).toBe('k1')
    expect(ring.keys.get('k1')).toHaveLength(32)
    expect(() => keyRingFromFile({ ...file, activeKeyId: 'k7' })).toThrow(/activeKeyId must be the id of one of the keys/)
    expect(() => keyRingFromFile({ ...file, keys: [...file.keys, file.keys[0]] })).toThrow(/unique/)
    expect(() => keyRingFromFile({ ...file, hmacKey: 'short' })).toThrow(/hmacKey/)
  })

  it('adding a key makes it active and keeps the old one for old values', () => {
    const first = createKeyFile()
    const old = encryptField(keyRingFromFile(first), 'person.phone', '13800138000')
    const { file: second, newKeyId } = addKeyToFile(first)
    expect(newKeyId).toBe('k2')
    const ring = keyRingFromFile(second)
    expect(ring.activeKeyId).toBe('k2')
    expect(decryptField(ring, 'person.phone', old)).toBe('13800138000')
    expect(second.hmacKey).toBe(first.hmacKey)
  })

  it('loads from a file, from secrets, or both (the secret then active)', () => {
    const content = createKeyFile()
    const file = tempFile(content)
    expect(loadPersonalDataKeyRing({ file }).activeKeyId).toBe('k1')
    const key = Buffer.alloc(32, 1).toString('hex')
    const hmacKey = Buffer.alloc(32, 2).toString('base64')
    const fromEnv = loadPersonalDataKeyRing({ file, key, keyId: 'prod3', hmacKey })
    expect(fromEnv.activeKeyId).toBe('prod3')
    expect([...fromEnv.keys.keys()].sort()).toEqual(['k1', 'prod3'])
    expect(fromEnv.hmacKey).toEqual(Buffer.alloc(32, 2))
    const envOnly = loadPersonalDataKeyRing({ key, hmacKey }, fs.mkdtempSync(path.join(os.tmpdir(), 'pii-none-')))
    expect(envOnly.activeKeyId).toBe('env')
    expect([...envOnly.keys.keys()]).toEqual(['env'])
  })

  it('refuses missing keys by name', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-none-'))
    expect(() => loadPersonalDataKeyRing({}, empty)).toThrow(PersonalDataKeyError)
    expect(() => loadPersonalDataKeyRing({ file: path.join(empty, 'missing.json') })).toThrow(/PERSONAL_DATA_KEYS_FILE .* does not exist/)
    expect(() => loadPersonalDataKeyRing({ key: Buffer.alloc(32).toString('hex') }, empty)).toThrow(/PERSONAL_DATA_HMAC_KEY/)
    expect(() => loadPersonalDataKeyRing({ key: 'nope', hmacKey: Buffer.alloc(32).toString('hex') }, empty)).toThrow(/PERSONAL_DATA_KEY must be/)
  })
})
