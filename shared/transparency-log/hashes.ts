// RFC 6962 / RFC 9162 §2.1.1 Merkle tree hashing with SHA-256. The 0x00 / 0x01 prefixes keep a
// leaf from ever being mistaken for an interior node (second-preimage protection).

import { sha256 } from '@noble/hashes/sha2.js'

export const HASH_SIZE = 32

/** MTH({}) = SHA-256 of the empty string, the root of the empty tree. Do not mutate. */
export const EMPTY_TREE_HASH: Uint8Array = sha256(new Uint8Array(0))

/** SHA-256(0x00 ‖ entry). */
export function leafHash(entry: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + entry.length)
  input[0] = 0x00
  input.set(entry, 1)
  return sha256(input)
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) throw new RangeError('node hashes are 32 bytes')
  const input = new Uint8Array(1 + 2 * HASH_SIZE)
  input[0] = 0x01
  input.set(left, 1)
  input.set(right, 1 + HASH_SIZE)
  return sha256(input)
}
