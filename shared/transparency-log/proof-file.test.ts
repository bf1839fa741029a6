import { describe, expect, it } from 'vitest'
import { ed25519 } from '@noble/curves/ed25519.js'
import { formatCheckpoint } from './checkpoint'
import { leafHash } from './hashes'
import { encodeLogEntry, type LogEntry } from './log-entry'
import { formatSignedNote, formatVerifierKey, keyHash, noteMessage } from './note'
import { formatTlogProof, parseTlogProof, TLOG_PROOF_HEADER, verifyTlogProof } from './proof-file'
import { proveInclusion, readHashesFromLeafHashes, treeHash } from './tree'

const origin = 'portal.example.cn/log'
const seed = new Uint8Array(32).fill(11)
const pub = ed25519.getPublicKey(seed)
const vkey = formatVerifierKey(origin, pub)

async function fixture() {
  const entries: Uint8Array[] = Array.from({ length: 13 }, (_, i) =>
    encodeLogEntry({
      event: i % 5 === 4 ? 'REVOKED' : 'ISSUED',
      certificateType: 'CONSTRUCTION_PERMIT',
      serial: `P2026460100000${String(100 + i).padStart(4, '0')}`,
      payloadSha256: new Uint8Array(32).fill(i),
      keyId: '1',
      occurredAt: Date.UTC(2026, 0, 1 + i),
    } satisfies LogEntry),
  )
  const hashes = entries.map(leafHash)
  const read = readHashesFromLeafHashes(hashes)
  const text = formatCheckpoint({ origin, size: hashes.length, rootHash: await treeHash(hashes.length, read) })
  const note = formatSignedNote(text, [{ name: origin, keyHash: keyHash(origin, pub), signature: ed25519.sign(noteMessage(text), seed) }])
  return { hashes, read, note }
}

describe('C2SP tlog-proof files', () => {
  it('formats the C2SP layout and parses it back', async () => {
    const { read, note } = await fixture()
    const proof = await proveInclusion(6, 13, read)
    const extraData = new TextEncoder().encode('P20264601000000106')
    const s = formatTlogProof({ index: 6, proof, checkpointNote: note, extraData })
    const lines = s.split('\n')
    expect(lines[0]).toBe(TLOG_PROOF_HEADER)
    expect(lines[1]).toBe('extra UDIwMjY0NjAxMDAwMDAwMTA2')
    expect(lines[2]).toBe('index 6')
    expect(lines.length).toBeGreaterThan(3 + proof.length)
    expect(lines[3 + proof.length]).toBe('')
    expect(s.endsWith(note)).toBe(true)
    expect(parseTlogProof(s)).toEqual({ index: 6, proof, checkpointNote: note, extraData })
    const plain = formatTlogProof({ index: 6, proof, checkpointNote: note })
    expect(plain.split('\n')[1]).toBe('index 6')
    expect(parseTlogProof(plain)).toEqual({ index: 6, proof, checkpointNote: note })
  })

  it('verifies offline against the log key, for every entry', async () => {
    const { hashes, read, note } = await fixture()
    for (let i = 0; i < hashes.length; i++) {
      const s = formatTlogProof({ index: i, proof: await proveInclusion(i, hashes.length, read), checkpointNote: note })
      const r = verifyTlogProof(s, { leafHash: hashes[i], verifierKeys: [vkey], origin })
      expect(r.ok && r.index).toBe(i)
      expect(r.ok && r.checkpoint.size).toBe(13)
      // the same proof does not vouch for another entry
      expect(verifyTlogProof(s, { leafHash: hashes[(i + 1) % hashes.length], verifierKeys: [vkey] }).ok).toBe(false)
    }
  })

  it('rejects a wrong index, a foreign key, another origin and malformed files', async () => {
    const { hashes, read, note } = await fixture()
    const proof = await proveInclusion(3, 13, read)
    const s = formatTlogProof({ index: 3, proof, checkpointNote: note })
    expect(verifyTlogProof(s.replace('index 3', 'index 2'), { leafHash: hashes[3], verifierKeys: [vkey] }).ok).toBe(false)
    const foreign = formatVerifierKey(origin, ed25519.getPublicKey(new Uint8Array(32).fill(12)))
    expect(verifyTlogProof(s, { leafHash: hashes[3], verifierKeys: [foreign] }).ok).toBe(false)
    expect(verifyTlogProof(s, { leafHash: hashes[3], verifierKeys: [vkey], origin: 'other.example/log' }).ok).toBe(false)
    for (const bad of [
      s.replace(TLOG_PROOF_HEADER, 'c2sp.org/tlog-proof@v2'),
      s.replace('index 3', 'index 03'),
      s.replace('index 3', 'index -3'),
      s.replace('index 3\n', ''),
      s.replace('\n\n', '\n'),
      s.replace(/\n[A-Za-z0-9+/]{43}=\n/, '\nnot-base64\n'),
      s.slice(0, s.lastIndexOf('—')),
    ]) {
      expect(parseTlogProof(bad), bad).toBeNull()
      expect(verifyTlogProof(bad, { leafHash: hashes[3], verifierKeys: [vkey] }).ok).toBe(false)
    }
  })
})
