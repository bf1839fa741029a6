// The Merkle tree of RFC 9162 §2.1 over stored complete subtrees: computing the root, inclusion
// and consistency proofs from whatever storage holds the hashes (database rows on the portal,
// tiles fetched over HTTP by a monitor), and verifying proofs without any storage.
//
// Every hash a proof needs is the Merkle Tree Hash of a range D[lo:hi] that the RFC's recursion
// produces; such a range splits, left to right, into maximal complete subtrees, and folding
// their hashes from the right gives MTH(D[lo:hi]). So a proof is planned as a list of
// ranges, all needed subtree positions are read in ONE call, then folded.
//
// Sizes and indices are JS numbers: exact up to 2^53, far beyond any certificate register.

import { bytesEqual } from './bytes'
import { EMPTY_TREE_HASH, HASH_SIZE, nodeHash } from './hashes'

/** The complete subtree of 2^level leaves starting at leaf index·2^level (level 0 = a leaf hash). */
export interface NodePosition {
  level: number
  index: number
}

/** Reads stored subtree hashes; answers in the order asked. */
export type ReadHashes = (positions: readonly NodePosition[]) => Promise<readonly Uint8Array[]>

type Range = readonly [lo: number, hi: number]

function requireSize(name: string, n: number, min = 0): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${n}`)
}

/** The largest power of two strictly below n (n ≥ 2): the RFC's split point k. */
function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/**
 * The maximal complete subtrees covering leaves [lo, hi), left to right. For the ranges the
 * RFC recursion produces (lo aligned to the largest power of two ≤ hi-lo) this is exactly the
 * RFC's own split of MTH(D[lo:hi]).
 */
export function rangePositions(lo: number, hi: number): NodePosition[] {
  requireSize('lo', lo)
  requireSize('hi', hi, lo)
  const out: NodePosition[] = []
  while (lo < hi) {
    let size = 1
    let level = 0
    while (size * 2 <= hi - lo && lo % (size * 2) === 0) {
      size *= 2
      level++
    }
    out.push({ level, index: lo / size })
    lo += size
  }
  return out
}

/** MTH of a range from the hashes of its rangePositions (right fold). */
function foldRange(hashes: readonly Uint8Array[]): Uint8Array {
  let h = hashes[hashes.length - 1]
  for (let i = hashes.length - 2; i >= 0; i--) h = nodeHash(hashes[i], h)
  return h
}

/** Reads the hashes of all ranges in one call and returns MTH of each, in order. */
async function hashRanges(ranges: readonly Range[], read: ReadHashes): Promise<Uint8Array[]> {
  const plans = ranges.map(([lo, hi]) => rangePositions(lo, hi))
  const positions = plans.flat()
  if (positions.length === 0) return []
  const hashes = await read(positions)
  if (hashes.length !== positions.length) {
    throw new Error(`storage answered ${hashes.length} hashes for ${positions.length} positions`)
  }
  for (const h of hashes) {
    if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) throw new Error('storage answered a hash that is not 32 bytes')
  }
  const out: Uint8Array[] = []
  let at = 0
  for (const plan of plans) {
    out.push(foldRange(hashes.slice(at, at + plan.length)))
    at += plan.length
  }
  return out
}

/** MTH(D[0:size]); the empty tree's hash for size 0. */
export async function treeHash(size: number, read: ReadHashes): Promise<Uint8Array> {
  requireSize('size', size)
  if (size === 0) return EMPTY_TREE_HASH.slice()
  const [root] = await hashRanges([[0, size]], read)
  return root
}

/** RFC 9162 §2.1.3.1 PATH(m, D[lo:hi]) as ranges, leaf side first. */
function inclusionRanges(m: number, lo: number, hi: number): Range[] {
  const out: Range[] = []
  // iterate from the root down, then reverse: the proof lists the leaf's sibling first
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo)
    if (m < lo + k) {
      out.push([lo + k, hi])
      hi = lo + k
    } else {
      out.push([lo, lo + k])
      lo = lo + k
    }
  }
  return out.reverse()
}

/** The inclusion proof (audit path) of leaf leafIndex in the tree of the given size. */
export async function proveInclusion(leafIndex: number, size: number, read: ReadHashes): Promise<Uint8Array[]> {
  requireSize('size', size, 1)
  requireSize('leafIndex', leafIndex)
  if (leafIndex >= size) throw new RangeError(`leaf ${leafIndex} is not in a tree of size ${size}`)
  return hashRanges(inclusionRanges(leafIndex, 0, size), read)
}

/** RFC 9162 §2.1.4.1 SUBPROOF(m, D[lo:hi], b) as ranges, in proof order. */
function consistencyRanges(m: number, lo: number, hi: number, complete: boolean): Range[] {
  // each recursion step appends one range after the sub-result: collect them outermost first
  const after: Range[] = []
  while (m !== hi) {
    const k = splitPoint(hi - lo)
    if (m <= lo + k) {
      after.push([lo + k, hi])
      hi = lo + k
    } else {
      after.push([lo, lo + k])
      lo = lo + k
      complete = false
    }
  }
  const base: Range[] = complete ? [] : [[lo, hi]]
  return [...base, ...after.reverse()]
}

/**
 * The consistency proof from the tree of oldSize to the tree of newSize (RFC 9162 §2.1.4.1);
 * empty when the sizes are equal. oldSize 0 is refused: a proof from the empty tree proves
 * nothing (a monitor that has seen no non-empty checkpoint has nothing to check yet).
 */
export async function proveConsistency(oldSize: number, newSize: number, read: ReadHashes): Promise<Uint8Array[]> {
  requireSize('oldSize', oldSize, 1)
  requireSize('newSize', newSize, oldSize)
  if (oldSize === newSize) return []
  return hashRanges(consistencyRanges(oldSize, 0, newSize, true), read)
}

function isHash(h: unknown): h is Uint8Array {
  return h instanceof Uint8Array && h.length === HASH_SIZE
}

function isProof(proof: unknown): proof is readonly Uint8Array[] {
  return Array.isArray(proof) && proof.every(isHash)
}

const isOdd = (n: number) => n % 2 === 1
const half = (n: number) => Math.floor(n / 2)

/** RFC 9162 §2.1.3.2. Never throws: any malformed input is simply not a valid proof. */
export function verifyInclusion(args: {
  leafIndex: number
  treeSize: number
  leafHash: Uint8Array
  proof: readonly Uint8Array[]
  rootHash: Uint8Array
}): boolean {
  const { leafIndex, treeSize, leafHash, proof, rootHash } = args
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return false
  if (!isHash(leafHash) || !isHash(rootHash) || !isProof(proof)) return false
  let fn = leafIndex
  let sn = treeSize - 1
  let r = leafHash
  for (const p of proof) {
    if (sn === 0) return false
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r)
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 && bytesEqual(r, rootHash)
}

/**
 * RFC 9162 §2.1.4.2. Equal sizes need equal roots and an empty proof; oldSize 0 is always
 * false, as in transparency-dev/merkle (there is nothing to be consistent with). Never throws.
 */
export function verifyConsistency(args: {
  oldSize: number
  newSize: number
  oldRoot: Uint8Array
  newRoot: Uint8Array
  proof: readonly Uint8Array[]
}): boolean {
  const { oldSize, newSize, oldRoot, newRoot, proof } = args
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || newSize < oldSize) return false
  if (!isHash(oldRoot) || !isHash(newRoot) || !isProof(proof)) return false
  if (oldSize === 0) return false
  if (oldSize === newSize) return proof.length === 0 && bytesEqual(oldRoot, newRoot)
  if (proof.length === 0) return false
  // a power-of-two old tree is itself a node of the new one, so the RFC starts from its root
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof]
  let fn = oldSize - 1
  let sn = newSize - 1
  while (isOdd(fn)) {
    fn = half(fn)
    sn = half(sn)
  }
  let fr = path[0]
  let sr = path[0]
  for (let i = 1; i < path.length; i++) {
    const c = path[i]
    if (sn === 0) return false
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 && bytesEqual(fr, oldRoot) && bytesEqual(sr, newRoot)
}

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false
  while (n % 2 === 0) n /= 2
  return n === 1
}

/**
 * The positions (level ≥ 1) whose subtree becomes complete when leaf newSize-1 is appended,
 * lowest level first; each is nodeHash of its two children at the level below.
 */
export function completedNodesAfterAppend(newSize: number): NodePosition[] {
  requireSize('newSize', newSize, 1)
  const out: NodePosition[] = []
  let span = 2
  for (let level = 1; newSize % span === 0; level++, span *= 2) out.push({ level, index: newSize / span - 1 })
  return out
}

/** MTH computed straight from the RFC's recursive definition: the reference for tests. */
export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Uint8Array {
  const n = hashes.length
  if (n === 0) return EMPTY_TREE_HASH.slice()
  if (n === 1) return hashes[0]
  const k = splitPoint(n)
  return nodeHash(rootFromLeafHashes(hashes.slice(0, k)), rootFromLeafHashes(hashes.slice(k)))
}

/** A ReadHashes over an in-memory list of leaf hashes (reference; each node computed once). */
export function readHashesFromLeafHashes(leafHashes: readonly Uint8Array[]): ReadHashes {
  const leaves = leafHashes.slice()
  const cache = new Map<string, Uint8Array>()
  return async (positions) =>
    positions.map(({ level, index }) => {
      const span = 2 ** level
      const lo = index * span
      if (!Number.isSafeInteger(lo) || lo + span > leaves.length) {
        throw new RangeError(`node (${level}, ${index}) is not complete in a tree of ${leaves.length} leaves`)
      }
      const key = `${level}/${index}`
      let h = cache.get(key)
      if (!h) {
        h = rootFromLeafHashes(leaves.slice(lo, lo + span))
        cache.set(key, h)
      }
      return h
    })
}
