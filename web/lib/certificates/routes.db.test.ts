// The JWKS and verify route handlers against a real database on every test provider: the demo data
// seeded and signed with a key made here, the routes reading it through getDb(). What they answer
// for a genuine, a revoked (at once, on the next request) and a never-issued certificate, the
// 400/413 answers and the per-client limit with its 429 + Retry-After.
// Only getDb() is replaced, by the provider's test database: the settings come from the
// environment as in production (web/lib/env.ts), set before the routes are imported.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { bytesToHex, certificateFactsDigest, fromJwks, signCertificate, verifyCertificateCode } from '@shared/certificates'
import { TEST_VECTORS } from '@shared/certificates/test-vectors'
import { parseKeyFile } from '@shared/certificates/key-file'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@web/lib/db'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'

vi.mock('next/server', () => ({ connection: async () => {} }))
const database = vi.hoisted(() => ({ current: null as Db | null }))
vi.mock('@web/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@web/lib/db')>()),
  getDb: () => {
    if (!database.current) throw new Error('no test database for this test')
    return database.current
  },
}))
const VERIFY_LIMIT = 25
// read by web/lib/env when the routes are imported below; the memory count, never a Redis
vi.stubEnv('VERIFY_RATE_LIMIT_PER_MINUTE', String(VERIFY_LIMIT))
vi.stubEnv('VERIFY_RATE_LIMIT_WINDOW_SECONDS', '3600')
vi.stubEnv('REDIS_URL', '')
vi.stubEnv('TRUSTED_PROXY_COUNT', '0')
afterAll(() => vi.unstubAllEnvs())

const { setKeyRingForTesting } = await import('@web/server/certificates/signing-keys')
const { createCertificatesRepository } = await import('@web/server/certificates/certificates-repository')
const { printedCode } = await import('@web/server/certificates/printed-code')
const { resetRateLimitersForTesting } = await import('@web/server/rate-limit/configured-limiter')
const { verifyAnswerSchema } = await import('@web/lib/openapi/verify-operations')
const { GET: jwks } = await import('../../app/.well-known/jwks.json/route')
const verify = await import('../../app/api/v1/verify/route')

const providers = await testProviders()
const KEYS = createTestSigningKeys()
const ring = parseKeyFile(KEYS.keyFile)
const none = { params: Promise.resolve({}) as Promise<Record<string, never>> }
const ORIGIN = 'http://localhost:3000' // env.PORTAL_ORIGIN's default: the host the codes must name

const get = (query: string) => verify.GET(new Request(`${ORIGIN}/api/v1/verify${query}`), none)
const post = (body: string) =>
  verify.POST(new Request(`${ORIGIN}/api/v1/verify`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }), none)
const getCode = (code: string) => get(`?code=${encodeURIComponent(code)}`)

const forgetCertificateChecker = () => {
  // the process's checker caches certificate facts by serial: another provider's database must
  // not answer from the previous one's
  ;(globalThis as { __certificateChecker?: unknown }).__certificateChecker = undefined
}

beforeEach(async () => {
  setKeyRingForTesting(ring)
  // each test starts with the whole budget of the one client these requests come from
  await resetRateLimitersForTesting()
})
afterEach(() => setKeyRingForTesting(undefined))

describe.each(providers)('verify routes on %s', (provider) => {
  let t: TestDatabase

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: KEYS.signer, scale: 0.02, seed: 'verify-routes', asOf: '2026-06-30' })
    database.current = t.db
    forgetCertificateChecker()
  })
  afterAll(async () => {
    database.current = null
    forgetCertificateChecker()
    await t?.drop()
  })

  async function codeOf(status: 'VALID', skip = 0): Promise<{ serial: string; url: string }> {
    const row = await t.db.certificate.findFirstOrThrow({ where: { status, type: 'CONSTRUCTION_PERMIT' }, orderBy: { serial: 'asc' }, skip, select: { serial: true } })
    const record = await createCertificatesRepository(t.db).findCertificateBySerial(row.serial)
    const code = printedCode(record!, ORIGIN, KEYS.publicKeys)
    if (!code.ok) throw new Error(`${row.serial} does not print: ${code.problem}`)
    return { serial: row.serial, url: code.url }
  }

  it('answers a genuine, valid certificate the same on GET and POST, as documented', async () => {
    const { serial, url } = await codeOf('VALID')
    for (const response of [await getCode(url), await post(JSON.stringify({ code: url }))]) {
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      const body = await response.json()
      expect(body).toMatchObject({ valid: true, genuine: true, status: 'VALID', certificate: { serial } })
      // the seed logs its certificates: the answer carries the issuance entry's inclusion proof
      expect(body.log.entries.map((e: { event: string }) => e.event)).toEqual(['ISSUED'])
      expect(verifyAnswerSchema.parse(body)).toEqual(body)
    }
  })

  it('answers REVOKED on the very next request after the database says so', async () => {
    const { serial, url } = await codeOf('VALID', 1)
    expect(await (await getCode(url)).json()).toMatchObject({ valid: true, status: 'VALID' })
    await t.db.certificate.update({ where: { serial }, data: { status: 'REVOKED', statusReason: '违法分包，撤销施工许可', statusChangedAt: new Date() } })
    const body = await (await getCode(url)).json()
    expect(body).toMatchObject({ valid: false, genuine: true, status: 'REVOKED', certificate: { serial, statusReason: '违法分包，撤销施工许可' } })
  })

  it('answers a correctly signed certificate that was never issued as not genuine, NOT_ISSUED', async () => {
    const v = TEST_VECTORS[0]
    const signed = signCertificate({ ...v.fields, factsDigest: certificateFactsDigest(v.facts) }, ring.active!.secretKey, 1)
    expect(await t.db.certificate.count({ where: { serial: v.fields.serial } })).toBe(0)
    const body = await (await getCode(signed.url(ORIGIN))).json()
    expect(body).toMatchObject({ valid: false, genuine: false, status: 'UNKNOWN', reason: 'NOT_ISSUED' })
  })

  it('answers KEY_COMPROMISED for certificates dated on or after the key\'s compromise date, genuine before; the JWKS says so', async () => {
    const codes = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((skip) => codeOf('VALID', skip)))
    const dated = codes
      .map((c) => {
        const offline = verifyCertificateCode(c.url, { keys: ring.publicKeys, expectedOrigin: ORIGIN })
        if (!offline.genuine) throw new Error(`${c.serial} does not verify`)
        return { ...c, issuedOn: offline.fields.issuedOn }
      })
      .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn))
    const first = dated[0]
    const from = dated.find((d) => d.issuedOn > first.issuedOn)
    if (!from) throw new Error('the seeded permits share one issue date')
    setKeyRingForTesting({ ...ring, publicKeys: ring.publicKeys.map((k) => ({ ...k, compromisedFrom: from.issuedOn })) })

    const published = await (await jwks(new Request(`${ORIGIN}/.well-known/jwks.json`), none)).json()
    expect(fromJwks(published)[0].compromisedFrom).toBe(from.issuedOn)
    expect(published.keys[0].compromised_from).toEqual(expect.any(Number))
    expect(await (await getCode(first.url)).json()).toMatchObject({ valid: true, genuine: true })
    for (const d of dated.filter((x) => x.issuedOn >= from.issuedOn)) {
      expect(await (await getCode(d.url)).json()).toMatchObject({ valid: false, genuine: false, reason: 'KEY_COMPROMISED' })
    }
  })

  it('answers a seeded certificate\'s code with one character changed as not genuine', async () => {
    const { url } = await codeOf('VALID', 2)
    const i = url.length - 100
    const forged = url.slice(0, i) + (url[i] === 'A' ? 'B' : 'A') + url.slice(i + 1)
    expect(await (await getCode(forged)).json()).toMatchObject({ valid: false, genuine: false })
  })
})

describe('verify routes: answers that need no database', () => {
  it('answers 200 not genuine for garbage and foreign codes', async () => {
    expect(await (await get('?code=hello')).json()).toMatchObject({ valid: false, genuine: false, reason: 'MALFORMED' })
    const v = TEST_VECTORS[0]
    const signed = signCertificate({ ...v.fields, factsDigest: certificateFactsDigest(v.facts) }, ring.active!.secretKey, 1)
    expect(await (await getCode(signed.url('https://evil.example.com'))).json()).toMatchObject({ genuine: false, reason: 'FOREIGN_HOST' })
  })

  it('answers 400 for a missing, empty or oversized code and a non-JSON body', async () => {
    for (const response of [
      await get(''),
      await get('?code='),
      await get(`?code=${'A'.repeat(2049)}`),
      await post('{}'),
      await post('{"code": 5}'),
      await post('not json'),
    ]) {
      expect(response.status).toBe(400)
      expect((await response.json()).error.code).toBe('bad_request')
    }
    expect((await get(`?code=${'A'.repeat(2048)}`)).status).toBe(200)
  })

  it('answers 413 for a POST body over 4 KB', async () => {
    const response = await post(JSON.stringify({ code: 'A', padding: 'x'.repeat(5000) }))
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload_too_large')
  })

  it('limits each client per window, GET and POST together, with Retry-After', async () => {
    const statuses: number[] = []
    for (let i = 0; i < VERIFY_LIMIT; i++) statuses.push((i % 2 ? await get('?code=hello') : await post('{"code": "hello"}')).status)
    expect(statuses.filter((s) => s !== 200)).toEqual([])
    for (const refused of [await get('?code=hello'), await post('{"code": "hello"}')]) {
      expect(refused.status).toBe(429)
      expect((await refused.json()).error.code).toBe('rate_limited')
      // the seconds left of the configured one-hour window, not of a minute
      const retryAfter = Number(refused.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThanOrEqual(1)
      expect(retryAfter).toBeLessThanOrEqual(3600)
      expect(refused.headers.get('x-ratelimit-limit')).toBe(String(VERIFY_LIMIT))
    }
  })
})

describe('GET /.well-known/jwks.json', () => {
  it('publishes the public keys, never a secret, cacheable for an hour', async () => {
    const response = await jwks(new Request(`${ORIGIN}/.well-known/jwks.json`), none)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600')
    const body = await response.json()
    expect(body.keys).toHaveLength(1)
    expect(body.keys[0]).not.toHaveProperty('d')
    expect(JSON.stringify(body)).not.toContain(KEYS.keyFile.keys[0].secretKeyHex)
    expect(fromJwks(body).map((k) => [k.keyId, bytesToHex(k.publicKey), k.notBefore])).toEqual([[1, KEYS.keyFile.keys[0].publicKeyHex, '2014-01-01']])
  })

  it('answers 503 when no key file is configured', async () => {
    // no CERTIFICATE_KEYS_FILE in the test environment: the default keys/certificate-keys.json,
    // relative to the working directory, which is an empty folder here
    setKeyRingForTesting(undefined)
    const cwd = process.cwd()
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nokeys-'))
    process.chdir(tmp)
    try {
      const response = await jwks(new Request(`${ORIGIN}/.well-known/jwks.json`), none)
      expect(response.status).toBe(503)
      expect((await response.json()).error.code).toBe('service_unavailable')
    } finally {
      process.chdir(cwd)
      fs.rmSync(tmp, { recursive: true, force: true })
    }
  })
})
