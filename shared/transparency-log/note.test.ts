import { describe, expect, it } from 'vitest'
import { ed25519 } from '@noble/curves/ed25519.js'
import { decodeBase64 } from './bytes'
import {
  formatSignedNote,
  formatVerifierKey,
  keyHash,
  noteMessage,
  noteSignatureLine,
  parseSignedNote,
  parseVerifierKey,
  verifySignedNote,
} from './note'

// Vectors from golang.org/x/mod sumdb/note/note_test.go (TestNewVerifier, TestSign, TestOpen)
// and from the C2SP signed-note spec's example (c2sp.org/signed-note, "Verifier keys").
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop'
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
const PETER_SIG = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'
const ENOCH_SIG = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n'

const C2SP_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'
const C2SP_NOTE =
  'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n'

function peterSeed(): Uint8Array {
  const raw = decodeBase64(PETER_SKEY.split('+').slice(4).join('+'))! // the base64 may contain '+'
  expect(raw[0]).toBe(0x01)
  return raw.slice(1)
}

describe('verifier keys', () => {
  it('parses the Go and C2SP vkeys and recomputes their key IDs', () => {
    const peter = parseVerifierKey(PETER_VKEY)!
    expect(peter.name).toBe('PeterNeumann')
    expect(peter.keyHash).toBe(0xc74f20a3)
    expect(formatVerifierKey(peter.name, peter.publicKey)).toBe(PETER_VKEY)
    expect(parseVerifierKey(ENOCH_VKEY)!.keyHash).toBe(0xaf0cfe78)
    const c2sp = parseVerifierKey(C2SP_VKEY)!
    expect(keyHash(c2sp.name, c2sp.publicKey)).toBe(0x530d903a)
  })

  it('parses keys whose base64 contains a plus sign', () => {
    const pub = ed25519.getPublicKey(new Uint8Array(32).fill(11))
    const vkey = formatVerifierKey('portal.example.cn/log', pub)
    expect(vkey.split('+').length).toBeGreaterThan(3)
    expect(parseVerifierKey(vkey)?.publicKey).toEqual(pub)
  })

  it('derives the vkey from the Go private key seed', () => {
    const pub = ed25519.getPublicKey(peterSeed())
    expect(formatVerifierKey('PeterNeumann', pub)).toBe(PETER_VKEY)
  })

  it('refuses every substring and every one-character mangling (as the Go test does)', () => {
    for (let i = 0; i <= PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i === 0 && j === PETER_VKEY.length) continue
        expect(parseVerifierKey(PETER_VKEY.slice(i, j)), PETER_VKEY.slice(i, j)).toBeNull()
      }
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const mangled = PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1)
      expect(parseVerifierKey(mangled), mangled).toBeNull()
    }
    // Go: wrong length key and unknown algorithm, each with an adjusted key hash
    expect(parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')).toBeNull()
    expect(parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toBeNull()
  })
})

describe('signed notes', () => {
  it('signs the Go test note byte for byte (Ed25519 is deterministic)', () => {
    const seed = peterSeed()
    const signature = ed25519.sign(noteMessage(TEXT), seed)
    const note = formatSignedNote(TEXT, [{ name: 'PeterNeumann', keyHash: 0xc74f20a3, signature }])
    expect(note).toBe(`${TEXT}\n${PETER_SIG}`)
    expect(noteSignatureLine({ name: 'PeterNeumann', keyHash: 0xc74f20a3, signature })).toBe(PETER_SIG)
  })

  it('verifies the C2SP example note with the C2SP example vkey', () => {
    expect(verifySignedNote(C2SP_NOTE, [C2SP_VKEY])).toEqual({ ok: true, text: 'This is an example message.\n', verifiedBy: ['example.com/foo'] })
  })

  it('ignores an unknown extra signature', () => {
    const r = verifySignedNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [PETER_VKEY])
    expect(r).toEqual({ ok: true, text: TEXT, verifiedBy: ['PeterNeumann'] })
    const both = verifySignedNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [PETER_VKEY, ENOCH_VKEY])
    expect(both.ok && both.verifiedBy).toEqual(['PeterNeumann', 'EnochRoot'])
    // a signature with a known name but another key ID is another key: ignored
    const otherId = PETER_SIG.replace('x08go', 'AAAAA')
    expect(verifySignedNote(`${TEXT}\n${otherId}${PETER_SIG}`, [PETER_VKEY]).ok).toBe(true)
  })

  it('rejects a note whose only known signature is wrong, or that no known key signed', () => {
    // Go TestOpen "Invalid signature": ABCD spliced into the signature
    const broken = PETER_SIG.slice(0, 60) + 'ABCD' + PETER_SIG.slice(60)
    expect(verifySignedNote(`${TEXT}\n${broken}`, [PETER_VKEY])).toEqual({ ok: false, reason: 'invalid signature by PeterNeumann' })
    expect(verifySignedNote(`${TEXT}\n${broken}${ENOCH_SIG}`, [PETER_VKEY])).toMatchObject({ ok: false })
    // the text changed after signing
    expect(verifySignedNote(`${TEXT.replace('answer', 'Answer')}\n${PETER_SIG}`, [PETER_VKEY]).ok).toBe(false)
    // signed only by a key we do not trust
    expect(verifySignedNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [])).toEqual({ ok: false, reason: 'no signature by a trusted key' })
    expect(verifySignedNote(`${TEXT}\n${ENOCH_SIG}`, [PETER_VKEY]).ok).toBe(false)
    // a failing known signature rejects even when another known one verifies
    expect(verifySignedNote(`${TEXT}\n${PETER_SIG}${broken}`, [PETER_VKEY]).ok).toBe(false)
  })

  it('accepts 100 signatures and refuses 101 (Go TestOpen)', () => {
    expect(verifySignedNote(`${TEXT}\n${PETER_SIG.repeat(100)}`, [PETER_VKEY]).ok).toBe(true)
    expect(verifySignedNote(`${TEXT}\n${PETER_SIG.repeat(101)}`, [PETER_VKEY])).toEqual({ ok: false, reason: 'malformed signed note' })
  })

  it('refuses malformed notes (Go TestOpen bad messages)', () => {
    for (const bad of [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\x01${TEXT}\n${PETER_SIG}`,
      `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      `${TEXT}\n— a+b x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`,
      `${TEXT}\n— PeterNeumann BADSIGN=\n`,
      `${TEXT}\n\uD800${PETER_SIG}`,
    ]) {
      expect(parseSignedNote(bad), JSON.stringify(bad)).toBeNull()
      expect(verifySignedNote(bad, [PETER_VKEY]).ok).toBe(false)
    }
  })

  it('splits at the last blank line, so the text may contain blank lines', () => {
    const text = 'first\n\nsecond\n'
    const seed = peterSeed()
    const note = formatSignedNote(text, [{ name: 'PeterNeumann', keyHash: 0xc74f20a3, signature: ed25519.sign(noteMessage(text), seed) }])
    expect(verifySignedNote(note, [PETER_VKEY])).toEqual({ ok: true, text, verifiedBy: ['PeterNeumann'] })
  })

  it('signs and verifies non-ASCII text as UTF-8', () => {
    const text = '海南省住房和城乡建设厅\n'
    const seed = peterSeed()
    const signature = ed25519.sign(new TextEncoder().encode(text), seed)
    const note = formatSignedNote(text, [{ name: 'PeterNeumann', keyHash: 0xc74f20a3, signature }])
    expect(verifySignedNote(note, [PETER_VKEY]).ok).toBe(true)
  })

  it('refuses to format what it could not parse', () => {
    expect(() => formatSignedNote('no newline', [{ name: 'a', keyHash: 1, signature: new Uint8Array(64) }])).toThrow(RangeError)
    expect(() => formatSignedNote(TEXT, [])).toThrow(RangeError)
    expect(() => noteSignatureLine({ name: 'a b', keyHash: 1, signature: new Uint8Array(64) })).toThrow(RangeError)
    expect(() => verifySignedNote(C2SP_NOTE, ['not a vkey'])).toThrow(RangeError)
  })
})
