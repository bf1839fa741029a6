// Byte helpers for the log codecs: standard base64 (RFC 4648 §4, with padding — the encoding
// C2SP notes, checkpoints and proofs use), UTF-8 and comparison. Written here rather than with
// atob/btoa, Buffer or TextEncoder so the same code runs in Node, browsers and the WeChat
// mini-program runtime.
//
// Decoding is strict and canonical (padding required, no whitespace, unused bits zero), so a
// signed text has exactly one reading.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const LOOKUP: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  return table
})()

/** Bytes → standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63]
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] << 16
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + '=='
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + '='
  }
  return out
}

/** Strict, canonical standard base64 (padded) → bytes; null for anything else. Never throws. */
export function decodeBase64(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length % 4 !== 0) return null
  let pad = 0
  if (text.endsWith('==')) pad = 2
  else if (text.endsWith('=')) pad = 1
  const body = text.length - pad
  const out = new Uint8Array((text.length / 4) * 3 - pad)
  const sextets = new Array<number>(4)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    for (let j = 0; j < 4; j++) {
      const at = i + j
      if (at >= body) {
        sextets[j] = 0
        continue
      }
      const code = text.charCodeAt(at)
      const v = code < 128 ? LOOKUP[code] : -1
      if (v < 0) return null
      sextets[j] = v
    }
    const n = (sextets[0] << 18) | (sextets[1] << 12) | (sextets[2] << 6) | sextets[3]
    if (o < out.length) out[o++] = n >> 16
    if (o < out.length) out[o++] = (n >> 8) & 0xff
    if (o < out.length) out[o++] = n & 0xff
  }
  // canonical: the bits below the last real character must be zero
  if (pad === 1 && (LOOKUP[text.charCodeAt(body - 1)] & 0x03) !== 0) return null
  if (pad === 2 && (LOOKUP[text.charCodeAt(body - 1)] & 0x0f) !== 0) return null
  return out
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

/** Constant-content comparison of two byte strings. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i]
  return diff === 0
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
