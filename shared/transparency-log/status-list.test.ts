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
  isSerialRevoked,
  STATUS_GROUP_BITS,
  STATUS_LIST_MAX_GROUPS,
  statusGroupsOf,
  statusPositionOf,
  verifyStatusList,
  withStatusGroup,
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

})

describe('positions derived from the serial', () => {
  it('groups by type, year and region and indexes by the 6-digit sequence', () => {
    // serial examples of docs/certificate-format.md
    expect(statusPositionOf('P20244601000001236')).toEqual({ group: 'P2024460100', index: 123 })
    expect(statusPositionOf('C20264602000000457')).toEqual({ group: 'C2026460200', index: 45 })
    expect(statusPositionOf('P20244601009999995')).toEqual({ group: 'P2024460100', index: 999_999 })
    for (const bad of ['', 'X20244601000001236', 'P2024460100000123', 'P202446010000012366', 'p20244601000001236', 'P2024460100000123x']) {
      expect(() => statusPositionOf(bad), bad).toThrow(RangeError)
    }
  })

  it('builds one 1,000,000-bit group per revoked group, sorted, read back by node:zlib', () => {
    const groups = statusGroupsOf(['P20254602000000019', 'C20244601000001236', 'P20244601000001236', 'P20244601009999995', 'P20244601000001236'])
    expect(groups.map((g) => g.group)).toEqual(['C2024460100', 'P2024460100', 'P2025460200'])
    const setBits = (encoded: string) => {
      const bytes = new Uint8Array(nodeGunzip(Buffer.from(encoded.slice(1), 'base64url')))
      expect(bytes.length).toBe(125_000)
      const out: number[] = []
      bytes.forEach((b, i) => {
        for (let k = 0; k < 8; k++) if (b & (0x80 >> k)) out.push(i * 8 + k)
      })
      return out
    }
    expect(groups.map((g) => setBits(g.encodedList))).toEqual([[123], [123, 999_999], [1]])
    expect(statusGroupsOf([])).toEqual([])
    expect(STATUS_GROUP_BITS % 8).toBe(0)
    expect(STATUS_GROUP_BITS).toBeGreaterThanOrEqual(STATUS_LIST_MIN_BITS)
  })

  it('replaces or adds one group and keeps the order, as a revocation does', () => {
    const serials = ['P20254602000000019', 'C20244601000001236', 'P20244601000001236']
    const groups = statusGroupsOf(serials)
    const [changed] = statusGroupsOf(['P20244601000001236', 'P20244601000002015'])
    expect(withStatusGroup(groups, changed)).toEqual(statusGroupsOf([...serials, 'P20244601000002015']))
    const [added] = statusGroupsOf(['C20264602000000457'])
    expect(withStatusGroup(groups, added)).toEqual(statusGroupsOf([...serials, 'C20264602000000457']))
    expect(() => withStatusGroup(groups, { group: 'X', encodedList: 'u0' })).toThrow(RangeError)
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
  const groups = statusGroupsOf(['P20244601000000422', 'C20264602000000457'])
  const fields = { origin, issuedAt, validUntil, groups }

  it('formats the documented lines and parses them back', () => {
    const text = formatStatusListText(fields)
    expect(text).toBe(
      `${origin}\nbitstring-status-list v2\nissued 2026-12-04T08:00:00.000Z\nvalid-until 2026-12-05T08:00:00.000Z\ngroups 2\n` +
        `C2026460200 ${groups[0].encodedList}\nP2024460100 ${groups[1].encodedList}\n`,
    )
    expect(parseStatusListText(text)).toEqual(fields)
    const empty = formatStatusListText({ ...fields, groups: [] })
    expect(empty.endsWith('groups 0\n')).toBe(true)
    expect(parseStatusListText(empty)).toEqual({ ...fields, groups: [] })
  })

  it('can never be read as a checkpoint, nor a checkpoint as a status list', () => {
    const text = formatStatusListText(fields)
    expect(parseCheckpoint(text)).toBeNull()
    expect(parseStatusListText(formatCheckpoint({ origin, size: 3, rootHash: new Uint8Array(32) }))).toBeNull()
  })

  it('refuses malformed texts', () => {
    const text = formatStatusListText(fields)
    const [c, p] = groups
    for (const bad of [
      text.replace('v2', 'v1'),
      text.replace('.000Z', 'Z'),
      text.replace('2026-12-05', '2026-02-30'),
      text.replace('valid-until 2026-12-05', 'valid-until 2026-12-03'), // ends before it starts
      text.replace('groups 2', 'groups 3'),
      text.replace('groups 2', 'groups 1'),
      text.replace('groups 2', 'groups 02'),
      text.replace('groups 2', `groups ${STATUS_LIST_MAX_GROUPS + 1}`),
      text.replace(`C2026460200 ${c.encodedList}\nP2024460100 ${p.encodedList}`, `P2024460100 ${p.encodedList}\nC2026460200 ${c.encodedList}`), // not sorted
      text.replace(`C2026460200 ${c.encodedList}`, `P2024460100 ${p.encodedList}`), // a group twice
      text.replace('C2026460200 u', 'C2026460200 z'),
      text.replace('C2026460200 ', 'C202646020 '),
      text.replace('C2026460200 ', 'X2026460200 '),
      text.replace('C2026460200 ', 'C2026460200  '),
      text.replace('C2026460200 ', 'C2026460200 u u'),
      text.slice(0, -1),
      `${text}extra\n`,
    ]) {
      expect(parseStatusListText(bad), bad).toBeNull()
    }
    expect(() => formatStatusListText({ ...fields, validUntil: issuedAt })).toThrow(RangeError)
    expect(() => formatStatusListText({ ...fields, groups: [groups[1], groups[0]] })).toThrow(RangeError)
  })

  it('verifies a signed list, reports its age and whether it is stale, and answers by serial', () => {
    const note = sign(formatStatusListText(fields))
    const fresh = verifyStatusList(note, { verifierKeys: [vkey], origin, now: issuedAt + 3600_000 })
    expect(fresh.ok).toBe(true)
    if (!fresh.ok) return
    expect(fresh.stale).toBe(false)
    expect(fresh.ageMs).toBe(3600_000)
    expect(fresh.list.decoded.size).toBe(0) // nothing inflated by verifying
    expect(isSerialRevoked(fresh.list, 'P20244601000000422')).toBe(true)
    expect(isSerialRevoked(fresh.list, 'P20244601000000430')).toBe(false) // same group, next sequence
    expect(isSerialRevoked(fresh.list, 'C20244601000000422')).toBe(false) // absent group
    expect([...fresh.list.decoded.keys()]).toEqual(['P2024460100']) // only the group asked about
    expect(isSerialRevoked(fresh.list, 'C20264602000000457')).toBe(true)
    expect(() => isSerialRevoked(fresh.list, 'P2024')).toThrow(RangeError)
    const late = verifyStatusList(note, { verifierKeys: [vkey], origin, now: validUntil + 1 })
    expect(late.ok && late.stale).toBe(true)
  })

  it('does not read a group that inflates to the wrong length as "not revoked"', () => {
    const short = `u${encodeBase64url(new Uint8Array(nodeGzip(new Uint8Array(STATUS_LIST_MIN_BITS / 8))))}`
    const note = sign(formatStatusListText({ ...fields, groups: [{ group: 'P2024460100', encodedList: short }] }))
    const v = verifyStatusList(note, { verifierKeys: [vkey], now: issuedAt })
    expect(v.ok).toBe(true)
    if (v.ok) expect(() => isSerialRevoked(v.list, 'P20244601000000422')).toThrow(RangeError)
  })

  it('rejects a list signed by another key, for another origin, or not a status list', () => {
    const note = sign(formatStatusListText(fields))
    const otherVkey = formatVerifierKey(origin, ed25519.getPublicKey(new Uint8Array(32).fill(6)))
    expect(verifyStatusList(note, { verifierKeys: [otherVkey], now: issuedAt }).ok).toBe(false)
    expect(verifyStatusList(note, { verifierKeys: [vkey], origin: 'elsewhere.example/log', now: issuedAt }).ok).toBe(false)
    const checkpointNote = sign(formatCheckpoint({ origin, size: 1, rootHash: new Uint8Array(32) }))
    expect(verifyStatusList(checkpointNote, { verifierKeys: [vkey], now: issuedAt })).toEqual({ ok: false, reason: 'signed note is not a status list' })
  })
})
