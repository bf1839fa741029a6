// The C2SP tlog-tiles resources of the log (docs/transparency-log.md "Serving"): hash tiles
// `tile/<L>/<N>[.p/<W>]` — the 256 (or W) hashes of tree level 8·L from index 256·N — and entry
// bundles `tile/entries/<N>[.p/<W>]`, both cut from the stored rows for the current tree size.
//
// A full tile exists once the tree covers it; a partial tile of width W exists once the tree has at
// least W hashes in that tile (every such prefix belonged to a checkpoint's tree or can be checked
// against a later one, and never changes). Anything else is 404, a malformed path 400.
//
// A full tile never changes once the tree covers it, so the process keeps the most recently served
// ones in memory (FULL_TILE_CACHE of them, 8 KiB each for hash tiles): a repeated request is
// answered without touching the database, as fast as a static file (docs/BENCHMARKS.md). Partial
// tiles and the checkpoint are read fresh. A log that is deleted and made anew (a demo re-seed)
// needs a restart of the portal to forget the old tiles.
import type { Db } from '@db/client'
import { encodeEntryBundle, parseTilePath, TILE_HEIGHT, TILE_WIDTH, tileWidthForSize } from '@shared/transparency-log/tiles'
import { readEntryRange, readHead, readLevelRange } from './transparency-log-repository'

/** Full tiles kept in memory per process (about 16 MiB of hash tiles). */
export const FULL_TILE_CACHE = 2_048

const holder = globalThis as typeof globalThis & { __logFullTiles?: Map<string, Uint8Array> }

function cachedFullTile(path: string): Uint8Array | undefined {
  const cache = (holder.__logFullTiles ??= new Map())
  const bytes = cache.get(path)
  if (bytes) {
    // most recently used last: the first key is the one to drop
    cache.delete(path)
    cache.set(path, bytes)
  }
  return bytes
}

function keepFullTile(path: string, bytes: Uint8Array): void {
  const cache = (holder.__logFullTiles ??= new Map())
  cache.set(path, bytes)
  if (cache.size > FULL_TILE_CACHE) cache.delete(cache.keys().next().value!)
}

/** Tests only: forget the cached tiles (a test database dropped and made anew). */
export function forgetCachedTiles(): void {
  holder.__logFullTiles?.clear()
}

export type TileAnswer =
  | { ok: true; bytes: Uint8Array; full: boolean }
  | { ok: false; status: 400 | 404; message: string }

/** `path` is the part after the log's prefix, e.g. `tile/0/x001/067.p/5` or `tile/entries/000`. */
export async function readLogTile(db: Db, path: string): Promise<TileAnswer> {
  const tile = parseTilePath(path)
  if (!tile) return { ok: false, status: 400, message: `不是有效的瓦片路径：${path.slice(0, 120)}（应为 tile/<L>/<N>[.p/<W>] 或 tile/entries/<N>[.p/<W>]）` }
  const cached = tile.width === TILE_WIDTH ? cachedFullTile(path) : undefined
  if (cached) return { ok: true, bytes: cached, full: true }
  const size = (await readHead(db))?.size ?? 0
  const available = tileWidthForSize(tile.kind === 'hash' ? tile.level : 0, tile.index, size)
  const full = tile.width === TILE_WIDTH
  if (available === 0 || (full ? available < TILE_WIDTH : tile.width > available)) {
    return { ok: false, status: 404, message: `当前日志（${size} 条）尚无此瓦片` }
  }
  const from = tile.index * TILE_WIDTH
  if (tile.kind === 'entries') {
    const rows = await readEntryRange(db, from, from + tile.width)
    if (rows.length !== tile.width) throw new Error(`transparency log: ${rows.length} entries stored for ${path}`)
    const bytes = encodeEntryBundle(rows.map((r) => r.entry))
    if (full) keepFullTile(path, bytes)
    return { ok: true, bytes, full }
  }
  const hashes = await readLevelRange(db, TILE_HEIGHT * tile.level, from, from + tile.width)
  if (hashes.length !== tile.width) throw new Error(`transparency log: ${hashes.length} hashes stored for ${path}`)
  const bytes = new Uint8Array(32 * hashes.length)
  hashes.forEach((h, i) => bytes.set(h, 32 * i))
  if (full) keepFullTile(path, bytes)
  return { ok: true, bytes, full }
}

/** The stored signed checkpoint, or null before the first append. */
export async function readLogCheckpoint(db: Db): Promise<string | null> {
  const head = await readHead(db)
  return head && head.checkpoint !== '' ? head.checkpoint : null
}
