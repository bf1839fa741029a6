// C2SP checkpoints (c2sp.org/tlog-checkpoint): the note text of a signed tree head —
// origin line, decimal tree size, base64 root hash, optional extension lines.

import { decodeBase64, encodeBase64, isWellFormedText, parseDecimal } from './bytes'
import { HASH_SIZE } from './hashes'
import { verifySignedNote, type VerifierKey } from './note'

export interface Checkpoint {
  origin: string
  size: number
  rootHash: Uint8Array
  /** extension lines (non-empty), usually none */
  extensions: string[]
}

function isLine(s: string): boolean {
  return typeof s === 'string' && s.length > 0 && isWellFormedText(s) && !/[\u0000-\u001f]/.test(s)
}

/** The checkpoint note text, ending with a newline. */
export function formatCheckpoint({ origin, size, rootHash, extensions = [] }: { origin: string; size: number; rootHash: Uint8Array; extensions?: readonly string[] }): string {
  if (!isLine(origin)) throw new RangeError('checkpoint origin must be a non-empty line')
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`tree size must be an integer ≥ 0, got ${size}`)
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== HASH_SIZE) throw new RangeError('root hash must be 32 bytes')
  for (const e of extensions) if (!isLine(e)) throw new RangeError('checkpoint extension lines must be non-empty lines')
  return [origin, String(size), encodeBase64(rootHash), ...extensions].map((l) => `${l}\n`).join('')
}

/** Checkpoint note text → fields; null if malformed. */
export function parseCheckpoint(text: string): Checkpoint | null {
  if (typeof text !== 'string' || !text.endsWith('\n')) return null
  const lines = text.slice(0, -1).split('\n')
  if (lines.length < 3 || !lines.every(isLine)) return null
  const [origin, sizeText, rootText, ...extensions] = lines
  const size = parseDecimal(sizeText)
  const rootHash = decodeBase64(rootText)
  if (size === null || !rootHash || rootHash.length !== HASH_SIZE) return null
  return { origin, size, rootHash, extensions }
}

/**
 * A signed checkpoint → its fields, if signed by a trusted key and (when given) for the
 * expected origin. What a verifier needs before trusting a root hash.
 */
export function openCheckpoint(
  signedNote: string,
  { verifierKeys, origin }: { verifierKeys: readonly (string | VerifierKey)[]; origin?: string },
): { ok: true; checkpoint: Checkpoint; note: string } | { ok: false; reason: string } {
  const verified = verifySignedNote(signedNote, verifierKeys)
  if (!verified.ok) return verified
  const checkpoint = parseCheckpoint(verified.text)
  if (!checkpoint) return { ok: false, reason: 'signed note is not a checkpoint' }
  if (origin !== undefined && checkpoint.origin !== origin) return { ok: false, reason: `checkpoint origin ${checkpoint.origin} is not ${origin}` }
  return { ok: true, checkpoint, note: signedNote }
}
