import { describe, expect, it } from 'vitest'
import { encodeBase64url, fromJwks, hexToBytes, TEST_PUBLIC_KEY_HEX } from '@shared/certificates'
import { isLoopbackOrigin, jwksProblems, resolveBundledKeys, TEST_PUBLIC_KEY_X } from '../../config/bundled-keys'
import { platformJwks } from './testing/fixtures'

const files: Record<string, string> = {
  '/app/keys/jwks.json': JSON.stringify({ ...platformJwks({ rotated: true }), note: 'extra members are dropped' }),
  '/app/keys/broken.json': '{"keys": [',
  '/app/keys/empty.json': '{"keys": []}',
  '/app/keys/secret.json': JSON.stringify({ keys: [{ ...platformJwks().keys[0], d: 'c2VjcmV0' }] }),
}
const readFile = (f: string) => {
  if (!(f in files)) throw new Error('ENOENT: no such file')
  return files[f]
}
const base = { baseDir: '/app', readFile }
const REAL = 'https://portal.example.gov.cn'
const LOCAL = 'http://127.0.0.1:3000'

describe('resolveBundledKeys (build time)', () => {
  it('embeds a valid JWKS file, reduced to the JWK members, that the shared fromJwks accepts', () => {
    const r = resolveBundledKeys({ ...base, jwksFile: 'keys/jwks.json', mode: 'production', portalOrigin: REAL })
    expect(r).toMatchObject({ source: 'jwks.json', keyIds: [1, 2], publicTestKey: false, warnings: [] })
    expect(r.jwks).toEqual(platformJwks({ rotated: true }))
    expect(fromJwks(r.jwks).map((k) => k.keyId)).toEqual([1, 2])
  })

  it('fails a production build for a real portal without a JWKS, naming the variable', () => {
    expect(() => resolveBundledKeys({ ...base, mode: 'production', portalOrigin: REAL })).toThrow(/TARO_APP_JWKS_FILE is not set/)
    expect(() => resolveBundledKeys({ ...base, jwksFile: '  ', mode: 'production', portalOrigin: 'http://192.168.1.10:3000' })).toThrow(/TARO_APP_JWKS_FILE/)
  })

  it('allows no JWKS only for loopback portals and development builds, with a warning', () => {
    for (const [mode, origin] of [['production', LOCAL], ['production', 'http://localhost:3000'], ['development', REAL]]) {
      const r = resolveBundledKeys({ ...base, mode, portalOrigin: origin })
      expect(r.jwks).toBeNull()
      expect(r.warnings.join()).toContain('embeds no platform keys')
    }
  })

  it('fails clearly on a missing, broken, empty or secret-bearing file', () => {
    const build = (jwksFile: string) => () => resolveBundledKeys({ ...base, jwksFile, mode: 'production', portalOrigin: REAL })
    expect(build('keys/nope.json')).toThrow(/cannot read \/app\/keys\/nope.json/)
    expect(build('keys/broken.json')).toThrow(/not valid JSON/)
    expect(build('keys/empty.json')).toThrow(/the key set is empty/)
    expect(build('keys/secret.json')).toThrow(/private part "d"/)
  })

  it('embeds the public test key only on request, and never in a production build for a real portal', () => {
    expect(resolveBundledKeys({ ...base, allowTestKey: '1', mode: 'production', portalOrigin: LOCAL })).toMatchObject({ publicTestKey: true })
    expect(resolveBundledKeys({ ...base, allowTestKey: 'true', mode: 'development', portalOrigin: REAL }).warnings.join()).toContain('PUBLIC TEST KEY')
    expect(resolveBundledKeys({ ...base, allowTestKey: '0', mode: 'production', portalOrigin: LOCAL }).publicTestKey).toBe(false)
    expect(() => resolveBundledKeys({ ...base, allowTestKey: '1', jwksFile: 'keys/jwks.json', mode: 'production', portalOrigin: REAL })).toThrow(
      /TARO_APP_ALLOW_PUBLIC_TEST_KEY/,
    )
  })
})

describe('jwksProblems', () => {
  it('agrees with the shared codec on what a bad JWKS is', () => {
    const good = platformJwks().keys[0]
    const bad: unknown[] = [
      { keys: [{ ...good, kty: 'RSA' }] },
      { keys: [{ ...good, kid: '0' }] },
      { keys: [{ ...good, kid: '70000' }] },
      { keys: [good, good] },
      { keys: [{ ...good, nbf: 1.5 }] },
      { keys: [{ ...good, exp: good.nbf }] },
      { keys: [{ ...good, x: 'short' }] },
      { keys: [{ ...good, x: TEST_PUBLIC_KEY_X }] },
      { keys: [{ ...good, use: 'enc' }] },
      [],
      null,
    ]
    for (const jwks of bad) {
      expect(jwksProblems(jwks).length, JSON.stringify(jwks)).toBeGreaterThan(0)
      expect(() => fromJwks(jwks)).toThrow()
    }
    expect(jwksProblems(platformJwks({ rotated: true }))).toEqual([])
  })

  it('knows the public test key', () => {
    expect(TEST_PUBLIC_KEY_X).toBe(encodeBase64url(hexToBytes(TEST_PUBLIC_KEY_HEX)!))
  })
})

describe('isLoopbackOrigin', () => {
  it('is true only for this machine', () => {
    expect(isLoopbackOrigin('http://localhost:3000')).toBe(true)
    expect(isLoopbackOrigin('http://127.0.0.1:41234')).toBe(true)
    expect(isLoopbackOrigin('http://[::1]:3000')).toBe(true)
    expect(isLoopbackOrigin('https://portal.example.gov.cn')).toBe(false)
    expect(isLoopbackOrigin('http://10.0.0.2')).toBe(false)
    expect(isLoopbackOrigin('http://127.0.0.1.example.com')).toBe(false)
  })
})
