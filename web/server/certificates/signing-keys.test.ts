import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { bytesToHex } from '@shared/certificates'
import { createDemoKeyFile } from '@shared/certificates/key-file'
import { KeyFileError, KeyRingUnavailableError, loadKeyRing, readKeyRing, setKeyRingForTesting, signingKeyFor } from './signing-keys'
import { main as generateDemoKeys } from '../../../scripts/keys/generate-demo-keys'
import { main as exportPublicKeys } from '../../../scripts/keys/export-public-keys'
import { main as compromiseKey } from '../../../scripts/keys/compromise-key'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-keys-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
afterEach(() => setKeyRingForTesting(undefined))

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

describe('readKeyRing', () => {
  it('reads a key file', () => {
    const content = createDemoKeyFile()
    const ring = readKeyRing({ keysFile: writeJson('ok.json', content), signingKeyHex: null })
    expect(ring.active?.keyId).toBe(1)
    expect(bytesToHex(ring.publicKeys[0].publicKey)).toBe(content.keys[0].publicKeyHex)
  })

  it('says when the file is missing, is not JSON or is invalid', () => {
    expect(() => readKeyRing({ keysFile: path.join(dir, 'absent.json') })).toThrow(KeyRingUnavailableError)
    expect(() => readKeyRing({ keysFile: writeJson('bad.json', '{ nope') })).toThrow(/不是有效的 JSON \/ not valid JSON/)
    expect(() => readKeyRing({ keysFile: writeJson('invalid.json', { keys: [{ keyId: 1 }] }) })).toThrow(KeyFileError)
  })

  it('uses an injected key ring for the process cache', () => {
    const ring = readKeyRing({ keysFile: writeJson('cached.json', createDemoKeyFile()), signingKeyHex: null })
    setKeyRingForTesting(ring)
    expect(loadKeyRing({})).toBe(ring)
    expect(signingKeyFor({ keysFile: 'anything.json' }, '2026-01-01').keyId).toBe(1)
    expect(() => signingKeyFor({}, '2013-12-31')).toThrow(/notBefore/)
  })

  it('reads the file once per settings, and the signing key from the settings when given', () => {
    const content = createDemoKeyFile()
    const file = writeJson('settings.json', { ...content, keys: content.keys.map(({ secretKeyHex: _, ...k }) => k) })
    const first = loadKeyRing({ keysFile: file })
    expect(first.active).toBeNull()
    expect(loadKeyRing({ keysFile: file })).toBe(first)
    const withSecret = loadKeyRing({ keysFile: file, signingKeyHex: content.keys[0].secretKeyHex })
    expect(withSecret).not.toBe(first)
    expect(withSecret.active?.keyId).toBe(1)
  })
})

describe('scripts/keys/generate-demo-keys.ts', () => {
  it('creates the file with mode 0600, never overwrites it, and rotates on request', () => {
    const file = path.join(dir, 'sub', 'certificate-keys.json')
    const env = { CERTIFICATE_KEYS_FILE: file }
    expect(() => generateDemoKeys(['--rotate'], env)).toThrow(/no key file to rotate/)
    expect(generateDemoKeys([], env)).toMatch(/generated demo key: keyId 1, notBefore 2014-01-01/)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const first = fs.readFileSync(file, 'utf8')
    expect(generateDemoKeys([], env)).toMatch(/left unchanged/)
    expect(fs.readFileSync(file, 'utf8')).toBe(first)

    const out = generateDemoKeys(['--rotate'], env, new Date('2026-11-24T02:00:00Z'))
    expect(out).toMatch(/new active keyId 2 \(notBefore 2026-11-24/)
    expect(out).toMatch(/retired keyId 1: notAfter 2026-11-23/)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const ring = readKeyRing({ keysFile: file, signingKeyHex: null })
    expect(ring.active?.keyId).toBe(2)
    expect(ring.publicKeys.map((k) => [k.keyId, k.notAfter])).toEqual([
      [1, '2026-11-23'],
      [2, null],
    ])
    expect(() => generateDemoKeys(['--force'], env)).toThrow(/unknown argument/)
  })
})

describe('public instances (role public)', () => {
  it('refuse a key file with a private key and read the exported public key file', () => {
    const content = createDemoKeyFile()
    const privateFile = writeJson('staff-keys.json', content)
    expect(() => readKeyRing({ keysFile: privateFile, role: 'public' })).toThrow(/CERTIFICATE_KEYS_FILE: keys\.0\.secretKeyHex/)
    const publicFile = path.join(dir, 'public', 'certificate-public-keys.json')
    expect(exportPublicKeys(['--out', publicFile], { CERTIFICATE_KEYS_FILE: privateFile })).toMatch(/exported 1 public key\(s\): 1/)
    expect(fs.readFileSync(publicFile, 'utf8')).not.toContain(content.keys[0].secretKeyHex!)
    const ring = readKeyRing({ keysFile: publicFile, role: 'public' })
    expect(ring.active).toBeNull()
    expect(bytesToHex(ring.publicKeys[0].publicKey)).toBe(content.keys[0].publicKeyHex)
    // the role is part of the cache key: a staff load of the same file does not answer a public one
    expect(loadKeyRing({ keysFile: privateFile }).active?.keyId).toBe(1)
    expect(() => loadKeyRing({ keysFile: privateFile, role: 'public' })).toThrow(KeyFileError)
    expect(() => exportPublicKeys(['--out'], { CERTIFICATE_KEYS_FILE: privateFile })).toThrow(/usage/)
    expect(() => exportPublicKeys(['--out', privateFile], { CERTIFICATE_KEYS_FILE: privateFile })).toThrow(/must not be the private key file/)
  })
})

describe('scripts/keys/compromise-key.ts', () => {
  it('marks the key in the file, which the exported JWKS then carries', () => {
    const file = writeJson('compromise.json', createDemoKeyFile())
    const env = { CERTIFICATE_KEYS_FILE: file }
    expect(compromiseKey(['--kid', '1', '--from', '2026-03-01'], env)).toMatch(/key 1 marked compromised from 2026-03-01[\s\S]*active key: rotate now/)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(readKeyRing({ keysFile: file }).publicKeys[0].compromisedFrom).toBe('2026-03-01')
    const publicFile = path.join(dir, 'compromised-public.json')
    expect(exportPublicKeys(['--out', publicFile], env)).toMatch(/compromised: 1/)
    expect(JSON.parse(fs.readFileSync(publicFile, 'utf8')).keys[0].compromised_from).toBe(Date.UTC(2026, 2, 1) / 1000 - 8 * 3600)
    expect(() => compromiseKey(['--kid', 'one', '--from', '2026-03-01'], env)).toThrow(/--kid must be a key id/)
    expect(() => compromiseKey(['--kid', '1'], env)).toThrow(/usage/)
  })
})
