// C2SP tlog-proof files (c2sp.org/tlog-proof@v1): an entry index, its inclusion proof and the
// signed checkpoint it leads to, verifiable offline. Saved with the extension .tlog-proof.

import { decodeBase64, encodeBase64, parseDecimal } from './bytes'
import { HASH_SIZE } from './hashes'
import { openCheckpoint, type Checkpoint } from './checkpoint'
import { parseSignedNote, type VerifierKey } from './note'
import { verifyInclusion } from './tree'

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1'
export const TLOG_PROOF_EXTENSION = '.tlog-proof'

export interface TlogProof {
  index: number
  /** inclusion proof hashes, leaf's sibling first */
  proof: Uint8Array[]
  /** the signed checkpoint note, verbatim */
  checkpointNote: string
  /** opaque, unauthenticated application data */
  extraData?: Uint8Array
}

export function formatTlogProof({ index, proof, checkpointNote, extraData }: TlogProof): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`index must be an integer ≥ 0, got ${index}`)
  for (const h of proof) if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) throw new RangeError('proof hashes are 32 bytes')
  if (!parseSignedNote(checkpointNote)) throw new RangeError('checkpoint must be a signed note')
  const lines = [TLOG_PROOF_HEADER]
  if (extraData !== undefined) lines.push(`extra ${encodeBase64(extraData)}`)
  lines.push(`index ${index}`, ...proof.map(encodeBase64))
  return `${lines.join('\n')}\n\n${checkpointNote}`
}

/** Parses the structure (the checkpoint's signature is checked by the caller); null if malformed. */
export function parseTlogProof(s: string): TlogProof | null {
  if (typeof s !== 'string') return null
  const split = s.indexOf('\n\n')
  if (split < 0) return null
  const lines = s.slice(0, split).split('\n')
  const checkpointNote = s.slice(split + 2)
  if (lines.shift() !== TLOG_PROOF_HEADER) return null
  let extraData: Uint8Array | undefined
  if (lines[0]?.startsWith('extra ')) {
    const extra = decodeBase64(lines.shift()!.slice('extra '.length))
    if (!extra) return null
    extraData = extra
  }
  const indexLine = lines.shift()
  if (!indexLine?.startsWith('index ')) return null
  const index = parseDecimal(indexLine.slice('index '.length))
  if (index === null) return null
  const proof: Uint8Array[] = []
  for (const line of lines) {
    const h = decodeBase64(line)
    if (!h || h.length !== HASH_SIZE) return null
    proof.push(h)
  }
  if (!parseSignedNote(checkpointNote)) return null
  return extraData === undefined ? { index, proof, checkpointNote } : { index, proof, checkpointNote, extraData }
}

export type TlogProofVerification =
  | { ok: true; index: number; checkpoint: Checkpoint; extraData?: Uint8Array }
  | { ok: false; reason: string }

/**
 * The C2SP verification steps for a tlog-proof file: the checkpoint is signed by a trusted
 * log key for the expected origin, and the proof binds `leafHash` (computed by the caller from
 * the entry it expects, step 1) at the stated index to the checkpoint's root.
 */
export function verifyTlogProof(
  s: string,
  { leafHash, verifierKeys, origin }: { leafHash: Uint8Array; verifierKeys: readonly (string | VerifierKey)[]; origin?: string },
): TlogProofVerification {
  const file = parseTlogProof(s)
  if (!file) return { ok: false, reason: 'malformed tlog-proof' }
  const opened = openCheckpoint(file.checkpointNote, { verifierKeys, origin })
  if (!opened.ok) return opened
  const { checkpoint } = opened
  if (!verifyInclusion({ leafIndex: file.index, treeSize: checkpoint.size, leafHash, proof: file.proof, rootHash: checkpoint.rootHash })) {
    return { ok: false, reason: 'inclusion proof does not match the checkpoint' }
  }
  return file.extraData === undefined ? { ok: true, index: file.index, checkpoint } : { ok: true, index: file.index, checkpoint, extraData: file.extraData }
}
