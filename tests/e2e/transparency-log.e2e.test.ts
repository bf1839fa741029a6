// The issue's "done when", end to end over HTTP: a third-party verifier written here from the
// C2SP (signed-note, tlog-checkpoint, tlog-tiles, tlog-proof) and RFC 6962 / 9162 texts alone —
// node:crypto for SHA-256 and Ed25519, nothing from shared/transparency-log — fetches
// /log/checkpoint and the tiles, checks the signature with the log's key, recomputes the root from
// every leaf, and verifies the inclusion proof /api/v1/verify returns for a seeded certificate
// whose QR it decoded from a picture of the printed page. Also: the /v/ page says 已收录于公开日志,
// the certificate page's tlog-proof file verifies, and the signed status list has the seeded
// revocations' bits set.
import { createHash, createPublicKey, verify as ed25519Verify } from 'node:crypto'
import fs from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { decodeQrFromPhoto } from '../../web/lib/certificates/qr/decode-qr.ts'
import { DESKTOP } from './support/browser'
import { baseUrl, usePage, useBrowser } from './support/site'

const db = createDb(inject('databaseUrl'))
afterAll(() => db.$disconnect())
const getBrowser = useBrowser()

// ---------------------------------------------------------------- the independent verifier

const sha256 = (...parts: Uint8Array[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest())
const leafHashOf = (entry: Uint8Array) => sha256(Uint8Array.of(0x00), entry) // RFC 6962 §2.1
const nodeHashOf = (l: Uint8Array, r: Uint8Array) => sha256(Uint8Array.of(0x01), l, r)
const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'))
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

/** C2SP signed-note vkey: <name>+<hex key ID>+<base64(0x01 ‖ 32-byte Ed25519 key)>. */
function parseVkey(vkey: string) {
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(vkey.trim())
  if (!m) throw new Error(`not a vkey: ${vkey}`)
  const key = b64(m[3])
  expect(key[0]).toBe(0x01)
  // key ID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4]
  expect(hex(sha256(Buffer.from(m[1]), Uint8Array.of(0x0a), key).subarray(0, 4))).toBe(m[2])
  return { name: m[1], keyId: m[2], publicKey: key.subarray(1) }
}

/** Verifies a signed note with the vkey; returns its text. */
function openNote(note: string, vkey: ReturnType<typeof parseVkey>): string {
  const split = note.lastIndexOf('\n\n')
  const text = note.slice(0, split + 1)
  const lines = note.slice(split + 2).split('\n').filter(Boolean)
  const spki = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), vkey.publicKey]), format: 'der', type: 'spki' })
  const ours = lines
    .map((l) => /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(l)!)
    .filter((m) => m[1] === vkey.name && hex(b64(m[2]).subarray(0, 4)) === vkey.keyId)
  expect(ours.length).toBeGreaterThan(0)
  for (const m of ours) expect(ed25519Verify(null, Buffer.from(text, 'utf8'), spki, Buffer.from(b64(m[2]).subarray(4)))).toBe(true)
  return text
}

/** C2SP tlog-checkpoint: origin, decimal size, base64 root hash. */
function parseCheckpointText(text: string) {
  const [origin, size, root] = text.split('\n')
  expect(size).toMatch(/^(0|[1-9][0-9]*)$/)
  return { origin, size: Number(size), root: b64(root) }
}

/** tlog-tiles index encoding: 3-digit groups, all but the last prefixed with x. */
function tileIndex(n: number): string {
  const groups: string[] = []
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'))
    n = Math.floor(n / 1000)
  } while (n > 0)
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/')
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(`${baseUrl}${path}`)
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`)
  return new Uint8Array(await res.arrayBuffer())
}

/** Every leaf hash of the tree of `size`, from the level-0 tiles (full, then the partial one). */
async function leafHashesFromTiles(size: number): Promise<Uint8Array[]> {
  const leaves: Uint8Array[] = []
  for (let n = 0; n * 256 < size; n++) {
    const width = Math.min(256, size - n * 256)
    const tile = await fetchBytes(`/log/tile/0/${tileIndex(n)}${width < 256 ? `.p/${width}` : ''}`)
    expect(tile.length).toBe(width * 32)
    for (let i = 0; i < width; i++) leaves.push(tile.subarray(i * 32, i * 32 + 32))
  }
  return leaves
}

/** RFC 6962 §2.1 MTH. */
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256()
  if (leaves.length === 1) return leaves[0]
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return nodeHashOf(mth(leaves.slice(0, k)), mth(leaves.slice(k)))
}

/** RFC 9162 §2.1.3.2: verifying an inclusion proof. */
function verifyInclusionProof(index: number, size: number, leaf: Uint8Array, proof: Uint8Array[], root: Uint8Array): boolean {
  if (index >= size) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of proof) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHashOf(p, r)
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1
          sn >>= 1
        }
      }
    } else {
      r = nodeHashOf(r, p)
    }
    fn >>= 1
    sn >>= 1
  }
  return sn === 0 && hex(r) === hex(root)
}

/** The entry layout of docs/transparency-log.md "Entry encoding (version 1)". */
function readEntry(entry: Uint8Array) {
  expect(entry[0]).toBe(0x01)
  const serialLength = entry[43]
  return {
    event: ({ 1: 'ISSUED', 2: 'SUPERSEDED', 3: 'REVOKED' } as Record<number, string>)[entry[1]],
    payloadSha256: entry.subarray(11, 43),
    serial: Buffer.from(entry.subarray(44, 44 + serialLength)).toString('ascii'),
  }
}

// ---------------------------------------------------------------- the journey

/** The log's key, as the authority publishes it: from the key file the portal was started with. */
function publishedVkey() {
  const file = JSON.parse(fs.readFileSync(inject('serverEnv').LOG_KEY_FILE!, 'utf8')) as { origin: string; publicKeyHex: string }
  const key = Buffer.concat([Buffer.from([0x01]), Buffer.from(file.publicKeyHex, 'hex')])
  const id = hex(sha256(Buffer.from(file.origin), Uint8Array.of(0x0a), key).subarray(0, 4))
  return `${file.origin}+${id}+${key.toString('base64')}`
}

describe('transparency log: a third party checks a printed certificate against the public log', () => {
  const page = usePage(getBrowser, DESKTOP)

  it('checkpoint signature, root from the tiles, the verify answer’s inclusion proof, the /v/ page and the proof file', async () => {
    const vkey = parseVkey(publishedVkey())
    expect((await (await fetch(`${baseUrl}/log/vkey`)).text()).trim()).toBe(publishedVkey())

    // a printed certificate, photographed, its QR decoded
    const { serial } = await db.certificate.findFirstOrThrow({ where: { status: 'VALID', type: 'COMPLETION_FILING' }, orderBy: { serial: 'asc' }, select: { serial: true } })
    const p = page()
    await p.goto(`/certificates/${serial}`)
    await p.locator('.certificate-qr svg').waitFor()
    const shot = PNG.sync.read(await p.locator('.certificate-sheet').screenshot())
    const url = decodeQrFromPhoto({ data: shot.data, width: shot.width, height: shot.height })!
    expect(url).toMatch(/\/v\/[A-Za-z0-9_-]{152}$/)
    const payload = new Uint8Array(Buffer.from(url.slice(-152), 'base64url'))

    // the log as anyone fetches it: signed checkpoint, root recomputed from every leaf
    const checkpoint = parseCheckpointText(openNote(await (await fetch(`${baseUrl}/log/checkpoint`)).text(), vkey))
    expect(checkpoint.origin).toBe(vkey.name)
    const leaves = await leafHashesFromTiles(checkpoint.size)
    expect(hex(mth(leaves))).toBe(hex(checkpoint.root))

    // the verify answer's proof of the issuance entry
    const answer = await (await fetch(`${baseUrl}/api/v1/verify?code=${encodeURIComponent(url)}`)).json()
    expect(answer).toMatchObject({ valid: true, genuine: true, certificate: { serial } })
    const proved = parseCheckpointText(openNote(answer.log.checkpoint, vkey))
    expect(proved.size).toBe(answer.log.treeSize)
    const [issued] = answer.log.entries as { event: string; index: number; entry: string; proof: string[] }[]
    const entry = b64(issued.entry)
    expect(readEntry(entry)).toMatchObject({ event: 'ISSUED', serial })
    expect(hex(readEntry(entry).payloadSha256)).toBe(hex(sha256(payload)))
    expect(verifyInclusionProof(issued.index, proved.size, leafHashOf(entry), issued.proof.map(b64), proved.root)).toBe(true)
    // the same leaf the tiles hold, under the root recomputed from them
    expect(hex(leaves[issued.index])).toBe(hex(leafHashOf(entry)))
    if (proved.size === checkpoint.size) expect(hex(proved.root)).toBe(hex(checkpoint.root))

    // the /v/ page the phone camera opens says so
    await p.goto(url)
    const inclusion = p.getByTestId('log-inclusion')
    await expect.poll(() => inclusion.innerText()).toContain('已收录于公开日志')
    expect(await inclusion.locator('[data-event="ISSUED"]').getAttribute('data-index')).toBe(String(issued.index))

    // the proof file from the certificate page, verified from its C2SP text alone
    await p.goto(`/certificates/${serial}`)
    const href = await p.getByTestId('tlog-proof-links').getByRole('link', { name: '签发记录' }).getAttribute('href')
    const file = new TextDecoder().decode(await fetchBytes(href!))
    const [head, note] = [file.slice(0, file.indexOf('\n\n')), file.slice(file.indexOf('\n\n') + 2)]
    const [magic, extra, index, ...hashes] = head.split('\n')
    expect(magic).toBe('c2sp.org/tlog-proof@v1')
    const fileEntry = b64(extra.replace(/^extra /, ''))
    expect(readEntry(fileEntry)).toMatchObject({ event: 'ISSUED', serial })
    const fileCheckpoint = parseCheckpointText(openNote(note, vkey))
    expect(verifyInclusionProof(Number(index.replace(/^index /, '')), fileCheckpoint.size, leafHashOf(fileEntry), hashes.map(b64), fileCheckpoint.root)).toBe(true)
  })

  it('the signed status list: the seeded revocations’ bits set, a valid certificate’s clear', async () => {
    const vkey = parseVkey(publishedVkey())
    // other test files revoke while this runs: what is revoked before the list is fetched must be
    // in it (the list commits with the revocation), what is still valid after must not
    const revoked = await db.certificate.findMany({ where: { status: 'REVOKED' }, select: { serial: true } })
    const text = openNote(await (await fetch(`${baseUrl}/log/status-list`)).text(), vkey)
    const [origin, marker, , , count, ...groupLines] = text.slice(0, -1).split('\n')
    expect([origin, marker]).toEqual([vkey.name, 'bitstring-status-list v2'])
    expect(groupLines.length).toBe(Number(count.replace(/^groups /, '')))
    // read as docs/transparency-log.md says: group = serial[0..11), bit = serial[11..17), MSB first
    const groups = new Map(groupLines.map((line) => {
      const [group, list] = line.split(' ')
      const bits = gunzipSync(Buffer.from(list.replace(/^u/, ''), 'base64url'))
      expect(bits.length * 8).toBe(1_000_000)
      return [group, bits] as const
    }))
    const bit = (serial: string) => {
      const bits = groups.get(serial.slice(0, 11))
      const i = Number(serial.slice(11, 17))
      return bits ? (bits[i >> 3] >> (7 - (i & 7))) & 1 : 0
    }
    expect(revoked.length).toBeGreaterThan(0)
    for (const c of revoked) expect(bit(c.serial), c.serial).toBe(1)
    const valid = await db.certificate.findFirstOrThrow({ where: { status: 'VALID' }, orderBy: { serial: 'desc' }, select: { serial: true } })
    expect(bit(valid.serial)).toBe(0)
  })
})
