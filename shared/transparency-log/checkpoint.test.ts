import { describe, expect, it } from 'vitest'
import { ed25519 } from '@noble/curves/ed25519.js'
import { decodeBase64, encodeBase64 } from './bytes'
import { formatCheckpoint, openCheckpoint, parseCheckpoint } from './checkpoint'
import { leafHash } from './hashes'
import { formatSignedNote, formatVerifierKey, keyHash, noteMessage } from './note'

describe('checkpoints', () => {
  // golang.org/x/mod sumdb/tlog/note_test.go TestFormatTree / TestParseTree: a tree note has
  // the same three lines as a C2SP checkpoint.
  const GO_TREE = 'go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n'

  it('formats and parses the Go sumdb tree vector', () => {
    const rootHash = leafHash(new TextEncoder().encode('hello world'))
    expect(formatCheckpoint({ origin: 'go.sum database tree', size: 123456789012, rootHash })).toBe(GO_TREE)
    expect(parseCheckpoint(GO_TREE)).toEqual({ origin: 'go.sum database tree', size: 123456789012, rootHash, extensions: [] })
  })

  it('refuses the Go bad trees and other malformed checkpoints', () => {
    for (const bad of [
      'go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n',
      'go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n',
      'go.sum database tree\n0123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n',
      'go.sum database tree\n-1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n',
      'go.sum database tree\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=',
      'go.sum database tree\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n\n',
      '\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n',
      'go.sum database tree\n12\n',
      'go.sum database tree\n12\nAAAA\n',
    ]) {
      expect(parseCheckpoint(bad), JSON.stringify(bad)).toBeNull()
    }
  })

  it('keeps extension lines, and parses the C2SP example checkpoint text', () => {
    const rootHash = new Uint8Array(32).fill(9)
    const text = formatCheckpoint({ origin: 'example.com/log', size: 0, rootHash, extensions: ['ext one'] })
    expect(text).toBe(`example.com/log\n0\n${encodeBase64(rootHash)}\next one\n`)
    expect(parseCheckpoint(text)?.extensions).toEqual(['ext one'])
    const c2sp = parseCheckpoint('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n')
    expect(c2sp?.size).toBe(20852163)
    expect(c2sp?.rootHash).toEqual(decodeBase64('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I='))
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, rootHash })).toThrow(RangeError)
    expect(() => formatCheckpoint({ origin: 'a', size: 1, rootHash: new Uint8Array(31) })).toThrow(RangeError)
    expect(() => formatCheckpoint({ origin: 'a', size: 1, rootHash, extensions: [''] })).toThrow(RangeError)
  })

  it('opens a signed checkpoint only with a trusted key and the expected origin', () => {
    const seed = new Uint8Array(32).fill(3)
    const origin = 'portal.example.cn/log'
    const pub = ed25519.getPublicKey(seed)
    const vkey = formatVerifierKey(origin, pub)
    const text = formatCheckpoint({ origin, size: 5, rootHash: new Uint8Array(32).fill(1) })
    const note = formatSignedNote(text, [{ name: origin, keyHash: keyHash(origin, pub), signature: ed25519.sign(noteMessage(text), seed) }])
    const opened = openCheckpoint(note, { verifierKeys: [vkey], origin })
    expect(opened.ok && opened.checkpoint.size).toBe(5)
    expect(openCheckpoint(note, { verifierKeys: [vkey], origin: 'other.example/log' }).ok).toBe(false)
    const otherPub = ed25519.getPublicKey(new Uint8Array(32).fill(4))
    expect(openCheckpoint(note, { verifierKeys: [formatVerifierKey(origin, otherPub)] }).ok).toBe(false)
    const notCheckpoint = 'hello\n'
    const signedHello = formatSignedNote(notCheckpoint, [{ name: origin, keyHash: keyHash(origin, pub), signature: ed25519.sign(noteMessage(notCheckpoint), seed) }])
    expect(openCheckpoint(signedHello, { verifierKeys: [vkey] })).toEqual({ ok: false, reason: 'signed note is not a checkpoint' })
  })
})
