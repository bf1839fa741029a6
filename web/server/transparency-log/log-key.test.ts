// The log key file: a signing key whose signatures Node's OpenSSL and the shared note verifier
// accept, its verifier key in C2SP form, and the refusals — a secret on a public instance (file or
// variable), a secret that does not belong to the public key, a malformed file.
import { createPublicKey, verify as nodeVerify } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseVerifierKey, verifySignedNote } from '@shared/transparency-log/note'
import { EMPTY_TREE_HASH } from '@shared/transparency-log/hashes'
import { signCheckpoint } from './append-certificate-events'
import { createLogKeyFile, LogKeyError, publicLogKeyFile, readLogKey } from './log-key'

// RFC 8032 §7.1 TEST 1: secret key and public key (values only)
const RFC8032_SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'

function writeFile(content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'log-key-test-')), 'log-key.json')
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

describe('the log key', () => {
  const content = createLogKeyFile('jzsc.example.gov.cn/log', Buffer.from(RFC8032_SECRET, 'hex'))

  it('derives the RFC 8032 public key and signs checkpoints that OpenSSL and the note verifier accept', () => {
    expect(content.publicKeyHex).toBe(RFC8032_PUBLIC)
    const key = readLogKey({ file: writeFile(content) })
    expect(parseVerifierKey(key.verifierKey)).toMatchObject({ name: 'jzsc.example.gov.cn/log' })
    const note = signCheckpoint(key, 0, EMPTY_TREE_HASH)
    expect(verifySignedNote(note, [key.verifierKey])).toMatchObject({ ok: true, verifiedBy: ['jzsc.example.gov.cn/log'] })
    const [text, line] = note.split('\n\n')
    const signature = Buffer.from(line.split(' ')[2], 'base64').subarray(4)
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(RFC8032_PUBLIC, 'hex').toString('base64url') }, format: 'jwk' })
    expect(nodeVerify(null, Buffer.from(`${text}\n`), publicKey, signature)).toBe(true)
  })

  it('takes the secret from LOG_SIGNING_KEY_HEX instead of the file', () => {
    const key = readLogKey({ file: writeFile(publicLogKeyFile(content)), signingKeyHex: RFC8032_SECRET })
    expect(key.sign).not.toBeNull()
    expect(readLogKey({ file: writeFile(publicLogKeyFile(content)) }).sign).toBeNull()
  })

  it('refuses a secret on a public instance, in the file or the variable', () => {
    expect(() => readLogKey({ file: writeFile(content), role: 'public' })).toThrow(/PORTAL_ROLE=public.*secretKeyHex/)
    expect(() => readLogKey({ file: writeFile(publicLogKeyFile(content)), role: 'public', signingKeyHex: RFC8032_SECRET })).toThrow(/LOG_SIGNING_KEY_HEX/)
    const publicKey = readLogKey({ file: writeFile(publicLogKeyFile(content)), role: 'public' })
    expect(publicKey.sign).toBeNull()
    expect(() => signCheckpoint(publicKey, 0, EMPTY_TREE_HASH)).toThrow(LogKeyError)
  })

  it('refuses a secret of another key, a malformed file and a missing one, naming the file', () => {
    expect(() => readLogKey({ file: writeFile({ ...content, secretKeyHex: 'ab'.repeat(32) }) })).toThrow(/does not belong/)
    expect(() => readLogKey({ file: writeFile({ ...content, origin: 'has space/log' }) })).toThrow(/LOG_KEY_FILE .*origin/)
    expect(() => readLogKey({ file: writeFile('{ not json') })).toThrow(/LOG_KEY_FILE/)
    expect(() => readLogKey({ file: '/nonexistent/log-key.json' })).toThrow(/log key file not found: \/nonexistent\/log-key.json/)
  })
})
