// The transparency log monitor (`npm run log:monitor`, docs/transparency-log.md "Monitoring"):
// what a third party runs against the portal's public /log/ files, with nothing of the portal
// but the shared codecs. One run:
//
//   1. the checkpoint (/log/checkpoint) must be signed by the pinned log key (given, or fetched
//      from /log/vkey and pinned on the first run) for the pinned origin;
//   2. it must not go back: a smaller tree than last time, or the same size with another root,
//      is a rewritten history or a split view (the log showed someone else another tree);
//   3. the consistency proof from the last seen tree to this one, computed from the tiles, must
//      verify against both signed roots;
//   4. the root is re-derived: from the previous run's verified frontier (the hashes of the old
//      tree's maximal complete subtrees) and the leaf hash of every new entry read from the entry
//      bundles — on the first run from every entry — and must equal the signed root; each new
//      entry's level-0 tile hash must equal its leaf hash (what other verifiers read);
//   5. the new entries are decoded and listed.
// Any failure is an alarm; the state (pinned key, last checkpoint, frontier) is only advanced by a
// run without one, so an alarm repeats until someone looks.
import { decodeLogEntry, type LogEntry } from '../../shared/transparency-log/log-entry.ts'
import { openCheckpoint } from '../../shared/transparency-log/checkpoint.ts'
import { leafHash, nodeHash } from '../../shared/transparency-log/hashes.ts'
import { parseVerifierKey } from '../../shared/transparency-log/note.ts'
import { decodeEntryBundle, entriesTilePath, readHashesFromTiles, TILE_WIDTH, tileWidthForSize } from '../../shared/transparency-log/tiles.ts'
import { proveConsistency, rangePositions, treeHash, verifyConsistency, type NodePosition, type ReadHashes } from '../../shared/transparency-log/tree.ts'

export interface MonitorState {
  version: 1
  /** the portal's origin, e.g. https://jzsc.hainan.gov.cn */
  portal: string
  /** the log's verifier key (C2SP vkey), pinned */
  vkey: string
  size: number
  /** base64 */
  rootHash: string
  /** the signed checkpoint last accepted */
  checkpoint: string
  /** the hashes of the maximal complete subtrees of the tree of `size`, base64 */
  frontier: { level: number; index: number; hash: string }[]
  checkedAt: string
}

export type AlarmKind = 'BAD_SIGNATURE' | 'KEY_CHANGED' | 'ROLLBACK' | 'SPLIT_VIEW' | 'INCONSISTENT' | 'ROOT_MISMATCH' | 'TILE_MISMATCH' | 'BAD_ENTRY'

export interface Alarm {
  kind: AlarmKind
  message: string
}

export interface NewEntry {
  index: number
  entry: LogEntry
}

export type MonitorResult =
  | { ok: true; state: MonitorState; previousSize: number; newEntries: NewEntry[]; pinnedKey: boolean }
  | { ok: false; alarms: Alarm[] }

export interface MonitorOptions {
  portal: string
  /** the previous run's state; none on the first run */
  state: MonitorState | null
  /** a vkey given on the command line; it must match the pinned one */
  vkey?: string
  /** GET <url> → body bytes; throws on a network error or a non-2xx answer */
  fetchBytes(url: string): Promise<Uint8Array>
  now: Date
}

/** Network and configuration problems: not an alarm about the log, but the run could not check it. */
export class MonitorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MonitorError'
  }
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))
const key = (p: { level: number; index: number }) => `${p.level}/${p.index}`
const equal = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes)

/** A ReadHashes that computes every node from the known hashes below it (the frontier and the new leaves). */
function derivingReader(known: Map<string, Uint8Array>): ReadHashes {
  const hashOf = (p: NodePosition): Uint8Array => {
    const hit = known.get(key(p))
    if (hit) return hit
    if (p.level === 0) throw new Error(`leaf ${p.index} is not at hand`)
    const h = nodeHash(hashOf({ level: p.level - 1, index: 2 * p.index }), hashOf({ level: p.level - 1, index: 2 * p.index + 1 }))
    known.set(key(p), h)
    return h
  }
  return async (positions) => positions.map(hashOf)
}

/** The entries [from, to) read from the entry bundles of the tree of `size`. */
async function readEntries(fetchTile: (path: string) => Promise<Uint8Array>, from: number, to: number, size: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = []
  for (let tile = Math.floor(from / TILE_WIDTH); tile * TILE_WIDTH < to; tile++) {
    const width = tileWidthForSize(0, tile, size)
    const bundle = decodeEntryBundle(await fetchTile(entriesTilePath({ index: tile, width })))
    if (bundle.length !== width) throw new RangeError(`entry bundle ${entriesTilePath({ index: tile, width })} holds ${bundle.length} entries, expected ${width}`)
    for (let i = 0; i < width; i++) {
      const index = tile * TILE_WIDTH + i
      if (index >= from && index < to) out.push(bundle[i])
    }
  }
  return out
}

export async function monitorOnce(options: MonitorOptions): Promise<MonitorResult> {
  const portal = new URL(options.portal).origin
  const get = async (path: string) => {
    try {
      return await options.fetchBytes(`${portal}/log/${path}`)
    } catch (error) {
      throw new MonitorError(`GET ${portal}/log/${path}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const alarm = (kind: AlarmKind, message: string): MonitorResult => ({ ok: false, alarms: [{ kind, message }] })
  const previous = options.state
  if (previous && previous.portal !== portal) throw new MonitorError(`the state file is for ${previous.portal}, not ${portal}`)

  // 1. the key: pinned, or given, or fetched and pinned now
  let vkey = previous?.vkey ?? options.vkey ?? null
  if (previous && options.vkey && options.vkey !== previous.vkey) {
    return alarm('KEY_CHANGED', `the verifier key given (${options.vkey}) is not the one pinned in the state (${previous.vkey})`)
  }
  const pinnedKey = vkey === null
  if (vkey === null) vkey = text(await get('vkey')).trim()
  const verifier = parseVerifierKey(vkey)
  if (!verifier) throw new MonitorError(`not a C2SP verifier key: ${vkey}`)

  const note = text(await get('checkpoint'))
  const opened = openCheckpoint(note, { verifierKeys: [verifier], origin: verifier.name })
  if (!opened.ok) return alarm('BAD_SIGNATURE', `the checkpoint is not validly signed by ${verifier.name}: ${opened.reason}`)
  const { size, rootHash } = opened.checkpoint

  // 2. never backwards, never two trees of one size
  const oldSize = previous?.size ?? 0
  const oldRoot = previous ? unb64(previous.rootHash) : null
  if (previous && size < oldSize) {
    return alarm('ROLLBACK', `the log shrank from ${oldSize} to ${size} entries: history was rewritten (last accepted checkpoint kept in the state file)`)
  }
  if (previous && size === oldSize && !equal(rootHash, oldRoot!)) {
    return alarm('SPLIT_VIEW', `two different trees of ${size} entries are signed (root ${previous.rootHash} before, ${b64(rootHash)} now): a split view or a rewritten history`)
  }

  const fetchTile = (path: string) => get(path)
  const tiles = readHashesFromTiles(fetchTile, size)

  // 3. consistency with the last tree seen, from the tiles
  if (previous && oldSize > 0 && size > oldSize) {
    let consistent = false
    try {
      const proof = await proveConsistency(oldSize, size, tiles)
      consistent = verifyConsistency({ oldSize, newSize: size, oldRoot: oldRoot!, newRoot: rootHash, proof })
    } catch (error) {
      if (error instanceof MonitorError) throw error
      consistent = false
    }
    if (!consistent) {
      return alarm('INCONSISTENT', `the tree of ${size} entries does not extend the tree of ${oldSize} seen at ${previous.checkedAt}: history was rewritten, or this is a split view`)
    }
  }

  // 4. the root re-derived from the old frontier and the new entries
  const known = new Map<string, Uint8Array>()
  for (const f of previous?.frontier ?? []) known.set(key(f), unb64(f.hash))
  let entries: Uint8Array[]
  try {
    entries = await readEntries(fetchTile, oldSize, size, size)
  } catch (error) {
    if (error instanceof MonitorError) throw error
    return alarm('BAD_ENTRY', `the entry bundles do not hold the log's entries: ${error instanceof Error ? error.message : String(error)}`)
  }
  const newEntries: NewEntry[] = []
  for (let i = 0; i < entries.length; i++) {
    const index = oldSize + i
    const entry = decodeLogEntry(entries[i])
    if (!entry) return alarm('BAD_ENTRY', `entry ${index} is not a valid log entry (docs/transparency-log.md "Entry encoding")`)
    newEntries.push({ index, entry })
    known.set(key({ level: 0, index }), leafHash(entries[i]))
  }
  const derived = derivingReader(known)
  const derivedRoot = await treeHash(size, derived)
  if (!equal(derivedRoot, rootHash)) {
    return alarm('ROOT_MISMATCH', `the root re-derived from the entries (${b64(derivedRoot)}) is not the signed root (${b64(rootHash)}) of ${size} entries`)
  }
  if (size > oldSize) {
    const leaves = Array.from({ length: size - oldSize }, (_, i) => ({ level: 0, index: oldSize + i }))
    let served: readonly Uint8Array[]
    try {
      served = await tiles(leaves)
    } catch (error) {
      if (error instanceof MonitorError) throw error
      return alarm('TILE_MISMATCH', `the level-0 tiles are malformed: ${error instanceof Error ? error.message : String(error)}`)
    }
    const wrong = leaves.findIndex((p, i) => !equal(served[i], known.get(key(p))!))
    if (wrong >= 0) return alarm('TILE_MISMATCH', `the hash tile's leaf ${oldSize + wrong} is not the hash of entry ${oldSize + wrong}`)
  }

  const frontier = rangePositions(0, size)
  const frontierHashes = await derived(frontier)
  return {
    ok: true,
    pinnedKey,
    previousSize: oldSize,
    newEntries,
    state: {
      version: 1,
      portal,
      vkey,
      size,
      rootHash: b64(rootHash),
      checkpoint: note,
      frontier: frontier.map((p, i) => ({ level: p.level, index: p.index, hash: b64(frontierHashes[i]) })),
      checkedAt: options.now.toISOString(),
    },
  }
}
