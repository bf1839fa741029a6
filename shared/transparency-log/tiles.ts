// C2SP tlog-tiles (c2sp.org/tlog-tiles): tile paths, entry bundles, and a ReadHashes over
// tiles fetched from a log, so a monitor or any third party can compute roots and proofs
// from the same static files the portal serves.
//
// A tile at level L, index N holds up to 256 consecutive hashes of tree level 8·L (the level-0
// tile holds leaf hashes); levels in between are recomputed by hashing. Tiles are only ever
// read for a tree size a verified checkpoint vouches for; their content is not trusted (a
// wrong hash makes the recomputed root or proof fail).

import { parseDecimal } from './bytes'
import { HASH_SIZE } from './hashes'
import { rootFromLeafHashes, type NodePosition, type ReadHashes } from './tree'

export const TILE_HEIGHT = 8
/** Hashes (or entries) in a full tile: 2^TILE_HEIGHT. */
export const TILE_WIDTH = 256
export const MAX_TILE_LEVEL = 63
/** Entries in a bundle are prefixed by a uint16 length. */
export const MAX_ENTRY_SIZE = 0xffff

export interface TileRef {
  /** tile level (0 = leaf hashes); holds hashes of tree level 8·level */
  level: number
  index: number
  /** 1..256; absent or 256 = a full tile */
  width?: number
}

export type ParsedTilePath =
  | { kind: 'hash'; level: number; index: number; width: number }
  | { kind: 'entries'; index: number; width: number }

function requireIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`tile index must be an integer ≥ 0, got ${index}`)
}

function requireWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new RangeError(`tile width must be 1-${TILE_WIDTH}, got ${width}`)
}

/** 1234067 → x001/x234/067 (3-digit groups, all but the last prefixed by x). */
function encodeTileIndex(index: number): string {
  const groups: string[] = []
  let n = index
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'))
    n = Math.floor(n / 1000)
  } while (n > 0)
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/')
}

function widthSuffix(width: number | undefined): string {
  if (width === undefined || width === TILE_WIDTH) return ''
  return `.p/${width}`
}

/** `tile/<L>/<N>[.p/<W>]`, e.g. tile/0/x001/x234/067 or tile/1/067.p/5. */
export function tilePath({ level, index, width }: TileRef): string {
  if (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL) throw new RangeError(`tile level must be 0-${MAX_TILE_LEVEL}, got ${level}`)
  requireIndex(index)
  if (width !== undefined) requireWidth(width)
  return `tile/${level}/${encodeTileIndex(index)}${widthSuffix(width)}`
}

/** `tile/entries/<N>[.p/<W>]`. */
export function entriesTilePath({ index, width }: { index: number; width?: number }): string {
  requireIndex(index)
  if (width !== undefined) requireWidth(width)
  return `tile/entries/${encodeTileIndex(index)}${widthSuffix(width)}`
}

/**
 * `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]` → its parts; null for anything that is
 * not the one canonical spelling (leading zeros, empty x000 groups, width 0 or 256 as partial).
 */
export function parseTilePath(path: string): ParsedTilePath | null {
  if (typeof path !== 'string' || path.length > 200) return null
  const parts = path.split('/')
  if (parts.length < 3 || parts[0] !== 'tile') return null
  let groups = parts.slice(2)
  let width = TILE_WIDTH
  const beforeLast = groups.length >= 2 ? groups[groups.length - 2] : ''
  if (beforeLast.endsWith('.p')) {
    const w = parseDecimal(groups[groups.length - 1], TILE_WIDTH - 1)
    if (w === null || w < 1) return null
    width = w
    groups = [...groups.slice(0, -2), beforeLast.slice(0, -2)]
  }
  let index = 0
  for (let i = 0; i < groups.length; i++) {
    const last = i === groups.length - 1
    const m = (last ? /^([0-9]{3})$/ : /^x([0-9]{3})$/).exec(groups[i])
    if (!m) return null
    index = index * 1000 + Number(m[1])
  }
  if (!Number.isSafeInteger(index) || encodeTileIndex(index) !== groups.join('/')) return null
  if (parts[1] === 'entries') return { kind: 'entries', index, width }
  const level = parseDecimal(parts[1], MAX_TILE_LEVEL)
  if (level === null) return null
  return { kind: 'hash', level, index, width }
}

/**
 * How many hashes tile (level, index) holds in a tree of the given size: 256 for a full tile,
 * 1..255 for the partial one, 0 if the tree has none of it yet. For entry bundles use level 0.
 */
export function tileWidthForSize(level: number, index: number, size: number): number {
  const hashesAtLevel = Math.floor(size / 2 ** (TILE_HEIGHT * level))
  return Math.max(0, Math.min(TILE_WIDTH, hashesAtLevel - index * TILE_WIDTH))
}

/** The tree positions whose hashes make up a tile, in order (what a server concatenates). */
export function tileHashPositions({ level, index, width }: TileRef): NodePosition[] {
  const w = width ?? TILE_WIDTH
  requireWidth(w)
  requireIndex(index)
  const out: NodePosition[] = []
  for (let i = 0; i < w; i++) out.push({ level: TILE_HEIGHT * level, index: index * TILE_WIDTH + i })
  return out
}

/** Entries → bundle: each entry as a big-endian uint16 length then its bytes. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length > TILE_WIDTH) throw new RangeError(`a bundle holds at most ${TILE_WIDTH} entries`)
  let length = 0
  for (const e of entries) {
    if (e.length > MAX_ENTRY_SIZE) throw new RangeError(`an entry is at most ${MAX_ENTRY_SIZE} bytes, got ${e.length}`)
    length += 2 + e.length
  }
  const out = new Uint8Array(length)
  let o = 0
  for (const e of entries) {
    out[o] = e.length >> 8
    out[o + 1] = e.length & 0xff
    out.set(e, o + 2)
    o += 2 + e.length
  }
  return out
}

/** Bundle → entries. Throws RangeError on a truncated bundle or more than 256 entries. */
export function decodeEntryBundle(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = []
  let o = 0
  while (o < bytes.length) {
    if (o + 2 > bytes.length) throw new RangeError('entry bundle truncated in a length prefix')
    const n = (bytes[o] << 8) | bytes[o + 1]
    if (o + 2 + n > bytes.length) throw new RangeError('entry bundle truncated in an entry')
    out.push(bytes.slice(o + 2, o + 2 + n))
    o += 2 + n
    if (out.length > TILE_WIDTH) throw new RangeError(`an entry bundle holds at most ${TILE_WIDTH} entries`)
  }
  return out
}

/**
 * A ReadHashes for the tree of `size` (the size of a verified checkpoint) backed by tiles:
 * fetchTile(path) returns the bytes at `<prefix>/<path>`. Each tile is fetched once per
 * ReadHashes, the tiles of one call in parallel. Throws if a tile has the wrong length or a
 * position is not a complete subtree of that tree.
 */
export function readHashesFromTiles(fetchTile: (path: string) => Promise<Uint8Array>, size: number): ReadHashes {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`size must be an integer ≥ 0, got ${size}`)
  const tiles = new Map<string, Promise<Uint8Array>>()

  function loadTile(level: number, index: number): Promise<Uint8Array> {
    const width = tileWidthForSize(level, index, size)
    const path = tilePath({ level, index, width })
    let pending = tiles.get(path)
    if (!pending) {
      pending = fetchTile(path).then((bytes) => {
        if (!(bytes instanceof Uint8Array) || bytes.length !== width * HASH_SIZE) {
          throw new Error(`tile ${path} has ${bytes?.length} bytes, expected ${width * HASH_SIZE}`)
        }
        return bytes
      })
      tiles.set(path, pending)
    }
    return pending
  }

  return async (positions) => {
    const plans = positions.map(({ level, index }) => {
      if (!Number.isInteger(level) || level < 0 || !Number.isSafeInteger(index) || index < 0 || (index + 1) * 2 ** level > size) {
        throw new RangeError(`node (${level}, ${index}) is not a complete subtree of a tree of size ${size}`)
      }
      const tileLevel = Math.floor(level / TILE_HEIGHT)
      const span = 2 ** (level - TILE_HEIGHT * tileLevel) // hashes of the tile's level under this node
      const first = index * span
      const tileIndex = Math.floor(first / TILE_WIDTH)
      return { tile: loadTile(tileLevel, tileIndex), offset: first - tileIndex * TILE_WIDTH, span }
    })
    const loaded = await Promise.all(plans.map((p) => p.tile))
    return plans.map(({ offset, span }, i) => {
      const bytes = loaded[i]
      const hashes: Uint8Array[] = []
      for (let j = offset; j < offset + span; j++) hashes.push(bytes.subarray(j * HASH_SIZE, (j + 1) * HASH_SIZE))
      return span === 1 ? hashes[0].slice() : rootFromLeafHashes(hashes)
    })
  }
}
