// Appends certificate events to the transparency log inside the caller's transaction — the one
// that issues, supersedes or revokes the certificate — so that a certificate never exists without
// its entry nor an entry without its certificate (docs/transparency-log.md "Operations").
//
// Under the head row's lock (transparency-log-repository.ts lockHead) it reads the old tree's
// frontier (its maximal complete subtrees, ≤ log₂ n hashes, one query), checks that they still give
// the root the head holds (a store that no longer matches its signed root takes no new entries),
// computes in memory each new leaf hash and each subtree the new leaves complete, the new root, and
// a checkpoint signed with the log key; then writes entries, nodes and head.
import { formatCheckpoint } from '@shared/transparency-log/checkpoint'
import { leafHash, nodeHash } from '@shared/transparency-log/hashes'
import { encodeLogEntry, type LogEntry } from '@shared/transparency-log/log-entry'
import { formatSignedNote, keyHash, noteMessage } from '@shared/transparency-log/note'
import { completedNodesAfterAppend, rangePositions, treeHash, type NodePosition, type ReadHashes } from '@shared/transparency-log/tree'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { LogKeyError, logKey, type LogKey } from './log-key'
import { insertEntries, insertNodes, lockHead, readNodes, writeHead } from './transparency-log-repository'

/** One event as the log stores it (shared/transparency-log/log-entry.ts). */
export type LogEntryInput = LogEntry

export interface AppendResult {
  /** index of the first entry appended */
  firstIndex: number
  /** the tree size after the append */
  size: number
  rootHash: Uint8Array
  checkpoint: string
}

export class LogStoreMismatchError extends Error {
  constructor(size: number) {
    super(`transparency log store does not match its signed root at size ${size}: refusing to append`)
    this.name = 'LogStoreMismatchError'
  }
}

const positionKey = (p: NodePosition) => `${p.level}/${p.index}`

/** The checkpoint note for a tree, signed with the log key (C2SP tlog-checkpoint, signed-note). */
export function signCheckpoint(key: LogKey, size: number, rootHash: Uint8Array): string {
  if (!key.sign) throw new LogKeyError('this instance holds no log signing key (PORTAL_ROLE=public, or no secretKeyHex / LOG_SIGNING_KEY_HEX)')
  const text = formatCheckpoint({ origin: key.origin, size, rootHash })
  const signature = key.sign(noteMessage(text))
  return formatSignedNote(text, [{ name: key.origin, keyHash: keyHash(key.origin, key.publicKey), signature }])
}

export interface AppendOptions {
  /** stored as the entries' createdAt (default now) */
  now?: Date
}

/**
 * Appends the events in order. Throws (and the caller's transaction rolls back) when this process
 * has no log signing key or the store no longer matches its root.
 */
export async function appendCertificateEvents(tx: Tx, events: readonly LogEntryInput[], options: AppendOptions = {}): Promise<AppendResult | null> {
  const now = options.now ?? new Date()
  if (events.length === 0) return null
  const key = logKey()
  if (!key.sign) signCheckpoint(key, 0, new Uint8Array(32)) // throws the explanatory LogKeyError
  const encoded = events.map((e) => encodeLogEntry(e))

  const head = await lockHead(tx)
  const oldSize = head.size
  const known = new Map<string, Uint8Array>()
  const frontier = rangePositions(0, oldSize)
  const frontierHashes = await readNodes(tx, frontier)
  frontier.forEach((p, i) => known.set(positionKey(p), frontierHashes[i]))
  const read: ReadHashes = async (positions) =>
    positions.map((p) => {
      const hash = known.get(positionKey(p))
      if (!hash) throw new Error(`transparency log: node (${p.level}, ${p.index}) needed but not at hand`)
      return hash
    })
  if (oldSize > 0) {
    const oldRoot = await treeHash(oldSize, read)
    if (Buffer.compare(Buffer.from(oldRoot), Buffer.from(head.rootHash)) !== 0) throw new LogStoreMismatchError(oldSize)
  }

  const nodes: (NodePosition & { hash: Uint8Array })[] = []
  const put = (p: NodePosition, hash: Uint8Array) => {
    known.set(positionKey(p), hash)
    nodes.push({ level: p.level, index: p.index, hash })
  }
  encoded.forEach((entry, i) => {
    const index = oldSize + i
    put({ level: 0, index }, leafHash(entry))
    for (const p of completedNodesAfterAppend(index + 1)) {
      const left = known.get(positionKey({ level: p.level - 1, index: 2 * p.index }))!
      const right = known.get(positionKey({ level: p.level - 1, index: 2 * p.index + 1 }))!
      put(p, nodeHash(left, right))
    }
  })
  const size = oldSize + events.length
  const rootHash = await treeHash(size, read)
  const checkpoint = signCheckpoint(key, size, rootHash)

  await insertEntries(
    tx,
    events.map((e, i) => ({ index: oldSize + i, serial: e.serial, event: e.event, entry: encoded[i] })),
    now,
  )
  await insertNodes(tx, nodes)
  await writeHead(tx, { size, rootHash, checkpoint, updatedAt: now })
  return { firstIndex: oldSize, size, rootHash, checkpoint }
}
