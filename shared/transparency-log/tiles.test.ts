import { describe, expect, it } from 'vitest'
import { leafHash, nodeHash } from './hashes'
import {
  decodeEntryBundle,
  encodeEntryBundle,
  entriesTilePath,
  parseTilePath,
  readHashesFromTiles,
  tileHashPositions,
  tilePath,
  tileWidthForSize,
} from './tiles'
import { completedNodesAfterAppend, proveConsistency, proveInclusion, treeHash, verifyConsistency, verifyInclusion, type NodePosition, type ReadHashes } from './tree'

describe('tile paths', () => {
  // Index encodings and partial suffixes from golang.org/x/mod sumdb/tlog/tlog_test.go
  // (tilePaths), with the tile height element dropped: C2SP tlog-tiles paths have none.
  it('formats and parses the Go sumdb vectors in C2SP form', () => {
    const cases: [string, { level: number; index: number; width: number }][] = [
      ['tile/0/001', { level: 0, index: 1, width: 256 }],
      ['tile/0/001.p/5', { level: 0, index: 1, width: 5 }],
      ['tile/5/x123/x456/078', { level: 5, index: 123456078, width: 256 }],
      ['tile/5/x123/x456/078.p/2', { level: 5, index: 123456078, width: 2 }],
      ['tile/0/x003/x057/500', { level: 0, index: 3057500, width: 256 }],
    ]
    for (const [path, ref] of cases) {
      expect(tilePath(ref)).toBe(path)
      expect(parseTilePath(path)).toEqual({ kind: 'hash', ...ref })
    }
    // the C2SP spec's own example
    expect(tilePath({ level: 0, index: 1234067 })).toBe('tile/0/x001/x234/067')
    expect(tilePath({ level: 1, index: 67, width: 5 })).toBe('tile/1/067.p/5')
  })

  it('formats and parses entry bundle paths', () => {
    expect(entriesTilePath({ index: 3057500 })).toBe('tile/entries/x003/x057/500')
    expect(entriesTilePath({ index: 0, width: 17 })).toBe('tile/entries/000.p/17')
    expect(parseTilePath('tile/entries/x003/x057/500')).toEqual({ kind: 'entries', index: 3057500, width: 256 })
    expect(parseTilePath('tile/entries/000.p/17')).toEqual({ kind: 'entries', index: 0, width: 17 })
  })

  it('accepts only the canonical spelling', () => {
    for (const bad of [
      'tile/5/123/456/078', // Go vector: groups before the last need the x
      'tile/-1/x123/x456/078', // Go vector: negative level
      'tile/00/001',
      'tile/64/001',
      'tile/0/1',
      'tile/0/x000/001', // leading empty group
      'tile/0/001.p/0',
      'tile/0/001.p/256',
      'tile/0/001.p/05',
      'tile/0/001.p/',
      'tile/0/001/',
      'tile/0/',
      'tile/data/001',
      'tiles/0/001',
      '/tile/0/001',
      'tile/0/x001',
    ]) {
      expect(parseTilePath(bad), bad).toBeNull()
    }
    expect(() => tilePath({ level: 64, index: 0 })).toThrow(RangeError)
    expect(() => tilePath({ level: 0, index: -1 })).toThrow(RangeError)
    expect(() => tilePath({ level: 0, index: 0, width: 0 })).toThrow(RangeError)
  })

  it('gives the widths of the C2SP example tree of size 70,000', () => {
    // "273 full level 0 tiles, one partial level 0 tile of width 112, one full level 1 tile,
    //  one partial level 1 tile of width 17, and one partial level 2 tile of width 1"
    expect(tileWidthForSize(0, 272, 70_000)).toBe(256)
    expect(tileWidthForSize(0, 273, 70_000)).toBe(112)
    expect(tileWidthForSize(0, 274, 70_000)).toBe(0)
    expect(tileWidthForSize(1, 0, 70_000)).toBe(256)
    expect(tileWidthForSize(1, 1, 70_000)).toBe(17)
    expect(tileWidthForSize(2, 0, 70_000)).toBe(1)
    expect(tileWidthForSize(3, 0, 70_000)).toBe(0)
    // "a tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1"
    expect(tileWidthForSize(0, 0, 256)).toBe(256)
    expect(tileWidthForSize(0, 1, 256)).toBe(0)
    expect(tileWidthForSize(1, 0, 256)).toBe(1)
  })

  it('lists the positions a tile is made of', () => {
    expect(tileHashPositions({ level: 1, index: 2, width: 3 })).toEqual([
      { level: 8, index: 512 },
      { level: 8, index: 513 },
      { level: 8, index: 514 },
    ])
    expect(tileHashPositions({ level: 0, index: 0 }).length).toBe(256)
  })
})

describe('entry bundles', () => {
  it('round-trips entries with uint16 big-endian length prefixes', () => {
    const entries = [new Uint8Array(0), Uint8Array.of(1, 2, 3), new Uint8Array(300).fill(7)]
    const bundle = encodeEntryBundle(entries)
    expect([...bundle.slice(0, 7)]).toEqual([0x00, 0x00, 0x00, 0x03, 1, 2, 3])
    expect([...bundle.slice(7, 9)]).toEqual([0x01, 0x2c])
    expect(bundle.length).toBe(2 + 5 + 302)
    expect(decodeEntryBundle(bundle)).toEqual(entries)
  })

  it('refuses truncated bundles and oversized entries', () => {
    const bundle = encodeEntryBundle([Uint8Array.of(1, 2, 3)])
    expect(() => decodeEntryBundle(bundle.slice(0, 4))).toThrow(RangeError)
    expect(() => decodeEntryBundle(Uint8Array.of(0))).toThrow(RangeError)
    expect(() => encodeEntryBundle([new Uint8Array(65_536)])).toThrow(RangeError)
    expect(() => decodeEntryBundle(encodeEntryBundle(Array.from({ length: 256 }, () => Uint8Array.of(1))).slice())).not.toThrow()
    const tooMany = new Uint8Array(2 * 257) // 257 empty entries
    expect(() => decodeEntryBundle(tooMany)).toThrow(RangeError)
  })
})

/**
 * A small log that keeps every complete subtree (as the portal's storage does) and serves
 * tiles exactly as C2SP tlog-tiles specifies, from those nodes.
 */
function buildLog(size: number) {
  const nodes = new Map<string, Uint8Array>()
  const key = (level: number, index: number) => `${level}/${index}`
  for (let n = 1; n <= size; n++) {
    nodes.set(key(0, n - 1), leafHash(new TextEncoder().encode(`certificate event ${n - 1}`)))
    for (const p of completedNodesAfterAppend(n)) {
      nodes.set(key(p.level, p.index), nodeHash(nodes.get(key(p.level - 1, 2 * p.index))!, nodes.get(key(p.level - 1, 2 * p.index + 1))!))
    }
  }
  const read: ReadHashes = async (ps: readonly NodePosition[]) => ps.map((p) => nodes.get(key(p.level, p.index))!)
  const fetched: string[] = []
  const fetchTile = async (path: string): Promise<Uint8Array> => {
    fetched.push(path)
    const t = parseTilePath(path)
    if (!t || t.kind !== 'hash') throw new Error(`404 ${path}`)
    const positions = tileHashPositions(t)
    const out = new Uint8Array(positions.length * 32)
    positions.forEach((p, i) => {
      const h = nodes.get(key(p.level, p.index))
      if (!h) throw new Error(`404 ${path}`)
      out.set(h, i * 32)
    })
    return out
  }
  return { read, fetchTile, fetched, leaf: (i: number) => nodes.get(key(0, i))! }
}

describe('readHashesFromTiles', () => {
  // 65,536 + 300 leaves: full and partial tiles on levels 0 and 1, a partial tile on level 2
  const SIZE = 65_836
  const log = buildLog(SIZE)

  it('recomputes the same root as the node store, for the full tree and older sizes', async () => {
    for (const size of [SIZE, 65_536, 65_535, 70, 256, 257, 1]) {
      const fromTiles = await treeHash(size, readHashesFromTiles(log.fetchTile, size))
      expect(fromTiles).toEqual(await treeHash(size, log.read))
    }
    expect(log.fetched).toContain('tile/2/000.p/1')
    expect(log.fetched).toContain('tile/1/001.p/1')
    expect(log.fetched).toContain('tile/0/257.p/44')
    expect(log.fetched).toContain('tile/1/000.p/255') // the tree of 65,535 reads an older partial tile
  })

  it('yields inclusion and consistency proofs that verify', async () => {
    const read = readHashesFromTiles(log.fetchTile, SIZE)
    const root = await treeHash(SIZE, read)
    for (const i of [0, 1, 255, 256, 40_000, 65_535, 65_536, SIZE - 1]) {
      const proof = await proveInclusion(i, SIZE, read)
      expect(proof).toEqual(await proveInclusion(i, SIZE, log.read))
      expect(verifyInclusion({ leafIndex: i, treeSize: SIZE, leafHash: log.leaf(i), proof, rootHash: root })).toBe(true)
    }
    for (const old of [1, 255, 256, 1000, 65_536, SIZE - 1]) {
      const proof = await proveConsistency(old, SIZE, read)
      const oldRoot = await treeHash(old, log.read)
      expect(verifyConsistency({ oldSize: old, newSize: SIZE, oldRoot, newRoot: root, proof })).toBe(true)
    }
  })

  it('fetches each tile once per reader and refuses wrong-length tiles and out-of-tree nodes', async () => {
    const paths: string[] = []
    const read = readHashesFromTiles(async (p) => {
      paths.push(p)
      return log.fetchTile(p)
    }, 1000)
    await treeHash(1000, read)
    await proveInclusion(5, 1000, read)
    expect(new Set(paths).size).toBe(paths.length)
    await expect(read([{ level: 0, index: 1000 }])).rejects.toThrow(RangeError)
    const short = readHashesFromTiles(async (p) => (await log.fetchTile(p)).slice(0, 64), 1000)
    await expect(treeHash(1000, short)).rejects.toThrow(/bytes/)
  })
})
