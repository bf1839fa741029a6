import { describe, expect, it } from 'vitest'
import { gunzipSync as nodeGunzip, gzipSync as nodeGzip } from 'node:zlib'
import { ed25519 } from '@noble/curves/ed25519.js'
import { decodeBase64url, encodeBase64url } from '../certificates/base64url'
import { formatCheckpoint, parseCheckpoint } from './checkpoint'
import { formatSignedNote, formatVerifierKey, keyHash, noteMessage } from './note'
import {
  decodeStatusBits,
  encodeStatusBits,
  formatStatusListText,
  isRevoked,
  newStatusBits,
  parseStatusListText,
  setStatusBit,
  STATUS_LIST_MIN_BITS,
  statusListLengthFor,
  verifyStatusList,
} from './status-list'

describe('status bits', () => {
  it('numbers bits from the high bit of byte 0 (W3C Bitstring Status List order)', () => {
    const bits = newStatusBits()
    setStatusBit(bits, 0, true)
    setStatusBit(bits, 9, true)
    setStatusBit(bits, STATUS_LIST_MIN_BITS - 1, true)
    expect(bits[0]).toBe(0b1000_0000)
    expect(bits[1]).toBe(0b0100_0000)
    expect(bits[bits.length - 1]).toBe(0b0000_0001)
    expect(isRevoked(bits, 0)).toBe(true)
    expect(isRevoked(bits, 1)).toBe(false)
    expect(isRevoked(bits, 9)).toBe(true)
    setStatusBit(bits, 9, false)
    expect(isRevoked(bits, 9)).toBe(false)
    expect(bits[1]).toBe(0)
    expect(() => isRevoked(bits, STATUS_LIST_MIN_BITS)).toThrow(RangeError)
    expect(() => isRevoked(bits, -1)).toThrow(RangeError)
  })

  it('round-trips through GZIP + multibase base64url, deterministically', () => {
    const bits = newStatusBits()
    for (const i of [0, 7, 8, 1000, 65_535, 131_071]) setStatusBit(bits, i, true)
    const encoded = encodeStatusBits(bits)
    expect(encoded[0]).toBe('u')
    expect(encoded).toBe(encodeStatusBits(bits.slice()))
    expect(encoded.length).toBeLessThan(400) // a sparse 16 KB list compresses to a few hundred bytes
    expect(decodeStatusBits(encoded)).toEqual(bits)
  })

  it('writes GZIP that node:zlib reads, and reads GZIP that node:zlib writes', () => {
    const bits = newStatusBits(2 * STATUS_LIST_MIN_BITS)
    for (let i = 0; i < bits.length * 8; i += 977) setStatusBit(bits, i, true)
    const gz = decodeBase64url(encodeStatusBits(bits).slice(1))!
    expect(new Uint8Array(nodeGunzip(gz))).toEqual(bits)
    const fromNode = `u${encodeBase64url(new Uint8Array(nodeGzip(bits)))}`
    expect(decodeStatusBits(fromNode)).toEqual(bits)
  })

  it('enforces the 131,072-bit minimum and refuses malformed or inconsistent lists', () => {
    expect(() => newStatusBits(STATUS_LIST_MIN_BITS - 8)).toThrow(RangeError)
    expect(() => encodeStatusBits(new Uint8Array(STATUS_LIST_MIN_BITS / 8 - 1))).toThrow(RangeError)
    const tooShort = `u${encodeBase64url(new Uint8Array(nodeGzip(new Uint8Array(1000))))}`
    expect(() => decodeStatusBits(tooShort)).toThrow(RangeError)
    const good = encodeStatusBits(newStatusBits())
    expect(() => decodeStatusBits(good.slice(1))).toThrow(RangeError) // no multibase prefix
    expect(() => decodeStatusBits(`z${good.slice(1)}`)).toThrow(RangeError)
    expect(() => decodeStatusBits('u!!!')).toThrow(RangeError)
    const gz = decodeBase64url(good.slice(1))!
    const badCrc = gz.slice()
    badCrc[gz.length - 8] ^= 1
    expect(() => decodeStatusBits(`u${encodeBase64url(badCrc)}`)).toThrow(RangeError)
    const bigger = new Uint8Array(nodeGzip(new Uint8Array(STATUS_LIST_MIN_BITS / 4)))
    bigger.set([0x00, 0x40, 0x00, 0x00], bigger.length - 4) // trailer claims 16 KB, content is 32 KB
    expect(() => decodeStatusBits(`u${encodeBase64url(bigger)}`)).toThrow(RangeError)
    const hugeClaim = gz.slice()
    hugeClaim[gz.length - 1] = 0x7f // ISIZE claims ~2 GB: refused before inflating
    expect(() => decodeStatusBits(`u${encodeBase64url(hugeClaim)}`)).toThrow(RangeError)
  })

  it('grows in 16 KB steps', () => {
    expect(statusListLengthFor(0)).toBe(STATUS_LIST_MIN_BITS)
    expect(statusListLengthFor(STATUS_LIST_MIN_BITS)).toBe(STATUS_LIST_MIN_BITS)
    expect(statusListLengthFor(STATUS_LIST_MIN_BITS + 1)).toBe(2 * STATUS_LIST_MIN_BITS)
  })
})

describe('status list text and signature', () => {
  const origin = 'portal.example.cn/log'
  const seed = new Uint8Array(32).fill(5)
  const pub = ed25519.getPublicKey(seed)
  const vkey = formatVerifierKey(origin, pub)
  const sign = (text: string) => formatSignedNote(text, [{ name: origin, keyHash: keyHash(origin, pub), signature: ed25519.sign(noteMessage(text), seed) }])
  const issuedAt = Date.UTC(2026, 11, 4, 8, 0, 0)
  const validUntil = issuedAt + 24 * 3600_000
  const bits = newStatusBits()
  setStatusBit(bits, 42, true)
  const encodedList = encodeStatusBits(bits)

  it('formats the documented lines and parses them back', () => {
    const text = formatStatusListText({ origin, issuedAt, validUntil, length: STATUS_LIST_MIN_BITS, encodedList })
    expect(text).toBe(
      `${origin}\nbitstring-status-list v1\nissued 2026-12-04T08:00:00.000Z\nvalid-until 2026-12-05T08:00:00.000Z\nlength 131072\nlist ${encodedList}\n`,
    )
    expect(parseStatusListText(text)).toEqual({ origin, issuedAt, validUntil, length: STATUS_LIST_MIN_BITS, encodedList })
  })

  it('can never be read as a checkpoint, nor a checkpoint as a status list', () => {
    const text = formatStatusListText({ origin, issuedAt, validUntil, length: STATUS_LIST_MIN_BITS, encodedList })
    expect(parseCheckpoint(text)).toBeNull()
    expect(parseStatusListText(formatCheckpoint({ origin, size: 3, rootHash: new Uint8Array(32) }))).toBeNull()
  })

  it('refuses malformed texts', () => {
    const text = formatStatusListText({ origin, issuedAt, validUntil, length: STATUS_LIST_MIN_BITS, encodedList })
    for (const bad of [
      text.replace('v1', 'v2'),
      text.replace('.000Z', 'Z'),
      text.replace('2026-12-05', '2026-02-30'),
      text.replace('valid-until 2026-12-05', 'valid-until 2026-12-03'), // ends before it starts
      text.replace('length 131072', 'length 131071'),
      text.replace('length 131072', 'length 8'),
      text.replace('list u', 'list z'),
      text.slice(0, -1),
      `${text}extra\n`,
    ]) {
      expect(parseStatusListText(bad), bad).toBeNull()
    }
    expect(() => formatStatusListText({ origin, issuedAt, validUntil: issuedAt, length: STATUS_LIST_MIN_BITS, encodedList })).toThrow(RangeError)
  })

  it('verifies a signed list, reports its age and whether it is stale', () => {
    const note = sign(formatStatusListText({ origin, issuedAt, validUntil, length: STATUS_LIST_MIN_BITS, encodedList }))
    const fresh = verifyStatusList(note, { verifierKeys: [vkey], origin, now: issuedAt + 3600_000 })
    expect(fresh.ok).toBe(true)
    if (!fresh.ok) return
    expect(fresh.stale).toBe(false)
    expect(fresh.ageMs).toBe(3600_000)
    expect(isRevoked(fresh.list.bits, 42)).toBe(true)
    expect(isRevoked(fresh.list.bits, 41)).toBe(false)
    const late = verifyStatusList(note, { verifierKeys: [vkey], origin, now: validUntil + 1 })
    expect(late.ok && late.stale).toBe(true)
  })

  it('rejects a list signed by another key, for another origin, or whose list contradicts its length', () => {
    const note = sign(formatStatusListText({ origin, issuedAt, validUntil, length: STATUS_LIST_MIN_BITS, encodedList }))
    const otherVkey = formatVerifierKey(origin, ed25519.getPublicKey(new Uint8Array(32).fill(6)))
    expect(verifyStatusList(note, { verifierKeys: [otherVkey], now: issuedAt }).ok).toBe(false)
    expect(verifyStatusList(note, { verifierKeys: [vkey], origin: 'elsewhere.example/log', now: issuedAt }).ok).toBe(false)
    const lying = sign(formatStatusListText({ origin, issuedAt, validUntil, length: 2 * STATUS_LIST_MIN_BITS, encodedList }))
    expect(verifyStatusList(lying, { verifierKeys: [vkey], now: issuedAt })).toEqual({ ok: false, reason: 'status list length does not match its bits' })
    const checkpointNote = sign(formatCheckpoint({ origin, size: 1, rootHash: new Uint8Array(32) }))
    expect(verifyStatusList(checkpointNote, { verifierKeys: [vkey], now: issuedAt })).toEqual({ ok: false, reason: 'signed note is not a status list' })
  })
})
