import { describe, expect, it } from 'vitest'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { leafHash } from './hashes'
import { decodeLogEntry, encodeLogEntry, LOG_EVENTS, payloadDigest, type LogEntry } from './log-entry'

const DIGEST = Uint8Array.from({ length: 32 }, (_, i) => i)

const ENTRY: LogEntry = {
  event: 'ISSUED',
  certificateType: 'CONSTRUCTION_PERMIT',
  serial: 'P20254601000000017',
  payloadSha256: DIGEST,
  keyId: '1',
  occurredAt: Date.UTC(2024, 11, 4, 12, 0, 0), // 1733313600000 = 0x00000193918a9a00
}

describe('log entry encoding, version 1', () => {
  it('matches the layout of docs/transparency-log.md byte for byte', () => {
    // written field by field from the documented table, not from the encoder
    const expected =
      '01' + // version
      '01' + // event ISSUED
      '01' + // certificate type CONSTRUCTION_PERMIT
      '00000193918a9a00' + // occurredAt, uint64 big-endian
      '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f' + // payloadSha256
      '12' + // serial length 18
      '503230323534363031303030303030303137' + // "P20254601000000017"
      '01' + // key id length 1
      '31' // "1"
    const bytes = encodeLogEntry(ENTRY)
    expect(bytesToHex(bytes)).toBe(expected)
    expect(bytes.length).toBe(64)
    // its leaf hash, computed independently with Python's hashlib (sha256(b'\x00' + entry)),
    // is the worked example in docs/transparency-log.md
    expect(bytesToHex(leafHash(bytes))).toBe('c70c9fe956ee56329d8d485cf054900b037a31335a0e4b0481cedb1f081c1276')
  })

  it('round-trips every event and type', () => {
    for (const event of LOG_EVENTS) {
      for (const [certificateType, serial] of [
        ['CONSTRUCTION_PERMIT', 'P20264601000000123'],
        ['COMPLETION_FILING', 'C20264602000000456'],
      ] as const) {
        const e: LogEntry = { ...ENTRY, event, certificateType, serial, keyId: '65535', occurredAt: 0 }
        expect(decodeLogEntry(encodeLogEntry(e))).toEqual(e)
      }
    }
    const late = { ...ENTRY, occurredAt: Number.MAX_SAFE_INTEGER }
    expect(decodeLogEntry(encodeLogEntry(late))).toEqual(late)
  })

  it('refuses invalid entries when encoding', () => {
    expect(() => encodeLogEntry({ ...ENTRY, serial: 'C20254601000000017' })).toThrow() // letter vs type
    expect(() => encodeLogEntry({ ...ENTRY, serial: 'P2025' })).toThrow()
    expect(() => encodeLogEntry({ ...ENTRY, payloadSha256: new Uint8Array(31) })).toThrow()
    expect(() => encodeLogEntry({ ...ENTRY, keyId: '' })).toThrow()
    expect(() => encodeLogEntry({ ...ENTRY, keyId: '钥' })).toThrow()
    expect(() => encodeLogEntry({ ...ENTRY, occurredAt: -1 })).toThrow()
    expect(() => encodeLogEntry({ ...ENTRY, occurredAt: 1.5 })).toThrow()
    expect(() => encodeLogEntry({ ...ENTRY, event: 'RESTORED' as never })).toThrow()
    expect(() => encodeLogEntry({ ...ENTRY, holder: '张三' } as never)).toThrow() // no extra (personal) fields
  })

  it('refuses anything but a well-formed version 1 entry when decoding', () => {
    const good = encodeLogEntry(ENTRY)
    const patched = (at: number, value: number) => {
      const b = good.slice()
      b[at] = value
      return b
    }
    expect(decodeLogEntry(good)).toEqual(ENTRY)
    expect(decodeLogEntry(patched(0, 2))).toBeNull() // unknown version
    expect(decodeLogEntry(patched(1, 0))).toBeNull() // unknown event
    expect(decodeLogEntry(patched(2, 3))).toBeNull() // unknown type
    expect(decodeLogEntry(patched(2, 2))).toBeNull() // type no longer matches the P serial
    expect(decodeLogEntry(patched(3, 0xff))).toBeNull() // time beyond 2^53
    expect(decodeLogEntry(patched(43, 17))).toBeNull() // serial length inconsistent
    expect(decodeLogEntry(good.slice(0, -1))).toBeNull() // truncated
    expect(decodeLogEntry(new Uint8Array([...good, 0]))).toBeNull() // trailing byte
    expect(decodeLogEntry(new Uint8Array(0))).toBeNull()
  })

  it('hashes the payload with SHA-256', () => {
    const payload = Uint8Array.from({ length: 114 }, (_, i) => i * 7)
    expect(payloadDigest(payload)).toEqual(sha256(payload))
    // FIPS 180-2 test vector "abc"
    expect(bytesToHex(payloadDigest(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(hexToBytes(bytesToHex(DIGEST))).toEqual(DIGEST)
  })
})
