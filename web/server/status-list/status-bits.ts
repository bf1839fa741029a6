// The stored list's bits grow with the highest status index (a certificate's status index is its
// ISSUED entry's log index), in the 16 KB steps of shared/transparency-log/status-list.ts, so the
// length says little about how many certificates there are.
import { newStatusBits, setStatusBit, statusListLengthFor } from '@shared/transparency-log/status-list'

/** A copy of `bits`, grown (zeros appended) as far as `index` needs, with bit `index` set. */
export function withBitSet(bits: Uint8Array, index: number): Uint8Array {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`status index ${index} is not a non-negative integer`)
  const out = newStatusBits(Math.max(bits.length * 8, statusListLengthFor(index + 1)))
  out.set(bits)
  setStatusBit(out, index, true)
  return out
}

/** The list with exactly the bits of `revoked` set, long enough for `highestIndex` (null: no index given yet). */
export function bitsOfRevoked(revoked: readonly number[], highestIndex: number | null): Uint8Array {
  const highest = revoked.reduce((max, index) => Math.max(max, index), highestIndex ?? 0)
  const bits = newStatusBits(statusListLengthFor(highest + 1))
  for (const index of revoked) setStatusBit(bits, index, true)
  return bits
}
