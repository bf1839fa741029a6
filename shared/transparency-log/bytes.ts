// Byte helpers for the log codecs: standard base64 (RFC 4648 §4, with padding — the encoding
// C2SP notes, checkpoints and proofs use), UTF-8 and comparison. Written without atob/btoa, Buffer
// or TextEncoder so the same code runs in Node, browsers and the WeChat mini-program runtime.
//
// Decoding is strict and canonical (padding required, no whitespace, unused bits zero), so a
// signed text has exactly one reading. Standard base64 is the certificate codec's strict base64url
// (shared/certificates/base64url.ts) with two other characters and padding, so it is built on it
// rather than written twice.
import { bytesEqual, decodeBase64url, encodeBase64url } from '../certificates/base64url'

export { bytesEqual }

/** Bytes → standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  const url = encodeBase64url(bytes).replace(/-/g, '+').replace(/_/g, '/')
  return url + '='.repeat((4 - (url.length % 4)) % 4)
}

/** Strict, canonical standard base64 (padded) → bytes; null for anything else. Never throws. */
export function decodeBase64(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length % 4 !== 0) return null
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const body = text.slice(0, text.length - pad)
  // the characters only base64url has are not base64; the strict base64url decoder checks the rest
  // (alphabet, a length that is not 1 mod 4, zero unused bits)
  if (/[-_=]/.test(body)) return null
  return decodeBase64url(body.replace(/\+/g, '-').replace(/\//g, '_'))
}

/** String → UTF-8 bytes (lone surrogates are refused: a signed text must have one encoding). */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) throw new RangeError('lone surrogate in text')
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      throw new RangeError('lone surrogate in text')
    }
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

/** True when the string has no lone surrogates (so it has a UTF-8 encoding). */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false
    }
  }
  return true
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0
  for (const p of parts) length += p.length
  const out = new Uint8Array(length)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** Canonical non-negative decimal (no sign, no leading zero unless "0") → number; null otherwise. */
export function parseDecimal(text: string, max = Number.MAX_SAFE_INTEGER): number | null {
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text)) return null
  const n = Number(text)
  return Number.isSafeInteger(n) && n <= max ? n : null
}
