// base64url (RFC 4648 §5) without padding, and hex, implemented here rather than with
// atob/btoa, Buffer or TextEncoder so the same code runs in Node, browsers and the WeChat
// mini-program runtime.
//
// Decoding is strict and canonical: only the 64 base64url characters, no padding, no
// whitespace, a length that is not 1 mod 4, and the unused low bits of the last character
// must be zero. So every byte string has exactly one accepted text form, and two different
// scanned texts can never decode to the same payload.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const LOOKUP: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  return table
})()

/** Bytes → base64url text without padding. */
export function encodeBase64url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63]
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] << 16
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63]
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63]
  }
  return out
}

/** Strict, canonical base64url (no padding) → bytes; null for anything else. Never throws. */
export function decodeBase64url(text: string): Uint8Array | null {
  if (typeof text !== 'string') return null
  const len = text.length
  if (len % 4 === 1) return null
  const values = new Uint8Array(len)
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i)
    const v = c < 128 ? LOOKUP[c] : -1
    if (v < 0) return null
    values[i] = v
  }
  const out = new Uint8Array(Math.floor((len * 3) / 4))
  let o = 0
  let i = 0
  for (; i + 4 <= len; i += 4) {
    const n = (values[i] << 18) | (values[i + 1] << 12) | (values[i + 2] << 6) | values[i + 3]
    out[o++] = n >> 16
    out[o++] = (n >> 8) & 0xff
    out[o++] = n & 0xff
  }
  const rest = len - i
  if (rest === 2) {
    if (values[i + 1] & 0x0f) return null // non-zero unused bits: not canonical
    out[o++] = (values[i] << 2) | (values[i + 1] >> 4)
  } else if (rest === 3) {
    if (values[i + 2] & 0x03) return null
    const n = (values[i] << 12) | (values[i + 1] << 6) | values[i + 2]
    out[o++] = n >> 10
    out[o++] = (n >> 2) & 0xff
  }
  return out
}

/** Bytes → lower-case hex. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16)
  return out
}

/** Hex (either case, even length) → bytes; null if not hex. */
export function hexToBytes(hex: string): Uint8Array | null {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

/** Constant-structure byte comparison (lengths and contents). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i]
  return diff === 0
}
