import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decryptField, encryptField, isEncrypted, keyIdOf, lookupHash, PersonalDataCipherError, type PersonalDataKeyRing } from './field-cipher'

function ring(activeKeyId: string, keys: Record<string, Buffer>, hmacKey = Buffer.alloc(32, 9)): PersonalDataKeyRing {
  return { activeKeyId, keys: new Map(Object.entries(keys)), hmacKey }
}

const K1 = randomBytes(32)
const K2 = randomBytes(32)
const ID = '46010019850312123X'

describe('field cipher', () => {
  it('round-trips, with a fresh IV per value and the key id in the stored form', () => {
    const r = ring('k1', { k1: K1 })
    const a = encryptField(r, 'person.idNumber', ID)
    const b = encryptField(r, 'person.idNumber', ID)
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain(ID)
    expect(isEncrypted(a)).toBe(true)
    expect(isEncrypted(ID)).toBe(false)
    expect(keyIdOf(a)).toBe('k1')
    expect(decryptField(r, 'person.idNumber', a)).toBe(ID)
    expect(decryptField(r, 'objection.email', encryptField(r, 'objection.email', '张三@example.com'))).toBe('张三@example.com')
  })

  it('refuses a value whose any byte was changed', () => {
    const r = ring('k1', { k1: K1 })
    const stored = encryptField(r, 'person.phone', '13907561234')
    const body = Buffer.from(stored.split(':')[2], 'base64url')
    for (let i = 0; i < body.length; i++) {
      const tampered = Buffer.from(body)
      tampered[i] ^= 0x01
      expect(() => decryptField(r, 'person.phone', `v1:k1:${tampered.toString('base64url')}`), `byte ${i}`).toThrow(PersonalDataCipherError)
    }
    expect(() => decryptField(r, 'person.phone', `v1:k1:${body.subarray(0, 20).toString('base64url')}`)).toThrow(/truncated/)
    expect(() => decryptField(r, 'person.phone', '13907561234')).toThrow(/not an encrypted value/)
  })

  it('refuses the wrong key, an unknown key id and a value moved to another column', () => {
    const stored = encryptField(ring('k1', { k1: K1 }), 'person.idNumber', ID)
    expect(() => decryptField(ring('k1', { k1: K2 }), 'person.idNumber', stored)).toThrow(/fails authentication/)
    expect(() => decryptField(ring('k2', { k2: K2 }), 'person.idNumber', stored)).toThrow(/key k1, which the key ring does not hold/)
    expect(() => decryptField(ring('k1', { k1: K1 }), 'person.phone', stored)).toThrow(/fails authentication/)
    // the key id is authenticated too: relabelling a value as another key's fails even if that key is the same
    const relabelled = stored.replace('v1:k1:', 'v1:k9:')
    expect(() => decryptField(ring('k1', { k1: K1, k9: K1 }), 'person.idNumber', relabelled)).toThrow(/fails authentication/)
  })

  it('rotates: old values open with their own key, new ones go under the active key', () => {
    const before = ring('k1', { k1: K1 })
    const old = encryptField(before, 'objection.contactPhone', '13800138000')
    const after = ring('k2', { k1: K1, k2: K2 })
    expect(decryptField(after, 'objection.contactPhone', old)).toBe('13800138000')
    const fresh = encryptField(after, 'objection.contactPhone', '13800138000')
    expect(keyIdOf(fresh)).toBe('k2')
    expect(() => decryptField(before, 'objection.contactPhone', fresh)).toThrow(PersonalDataCipherError)
  })

  it('hashes deterministically under its own key, separately per kind', () => {
    const r = ring('k1', { k1: K1 })
    expect(lookupHash(r, 'idNumber', ID)).toBe(lookupHash(ring('k2', { k2: K2 }), 'idNumber', ID))
    expect(lookupHash(r, 'idNumber', ID)).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(lookupHash(r, 'idNumber', ID)).not.toBe(lookupHash(ring('k1', { k1: K1 }, Buffer.alloc(32, 8)), 'idNumber', ID))
    expect(lookupHash(r, 'phone', '13800138000')).not.toBe(lookupHash(r, 'idNumber', '13800138000'))
  })
})
