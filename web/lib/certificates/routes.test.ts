// The JWKS and verify routes with the key ring injected and the repository replaced.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { certificateFactsDigest, fromJwks, signCertificate, bytesToHex } from '@shared/certificates'
import { TEST_VECTORS } from '@shared/certificates/test-vectors'
import { createDemoKeyFile, parseKeyFile } from '@shared/certificates/key-file'

vi.mock('next/server', () => ({ connection: async () => {} }))
const repository = vi.hoisted(() => ({ findCertificateBySerial: vi.fn(), findCertificateState: vi.fn() }))
vi.mock('@web/server/certificates/certificates-repository', () => ({ createCertificatesRepository: () => repository }))
// the routes take their client from web/lib/db.ts: never open a real database here
vi.mock('@web/lib/db', () => ({ getDb: () => ({}) }))

const { setKeyRingForTesting } = await import('@web/server/certificates/signing-keys')
const { verifyAnswerSchema, verifyOperations } = await import('@web/lib/openapi/verify-operations')
const { GET: jwks } = await import('../../app/.well-known/jwks.json/route')
const verify = await import('../../app/api/v1/verify/route')

const keyFile = createDemoKeyFile()
const ring = parseKeyFile(keyFile)
const none = { params: Promise.resolve({}) as Promise<Record<string, never>> }
const ORIGIN = 'http://localhost:3000' // env.PORTAL_ORIGIN default
const v = TEST_VECTORS[0]
const signed = signCertificate({ ...v.fields, factsDigest: certificateFactsDigest(v.facts) }, ring.active!.secretKey, 1)

const get = (query: string) => verify.GET(new Request(`${ORIGIN}/api/v1/verify${query}`), none)
const post = (body: string) =>
  verify.POST(new Request(`${ORIGIN}/api/v1/verify`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }), none)

beforeEach(() => {
  vi.clearAllMocks()
  setKeyRingForTesting(ring)
})
afterEach(() => setKeyRingForTesting(undefined))

describe('GET /.well-known/jwks.json', () => {
  it('publishes the public keys, cacheable for an hour', async () => {
    const response = await jwks(new Request(`${ORIGIN}/.well-known/jwks.json`), none)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600')
    const body = await response.json()
    expect(body.keys).toHaveLength(1)
    expect(body.keys[0]).not.toHaveProperty('d')
    expect(JSON.stringify(body)).not.toContain(keyFile.keys[0].secretKeyHex)
    expect(fromJwks(body).map((k) => [k.keyId, bytesToHex(k.publicKey), k.notBefore])).toEqual([[1, keyFile.keys[0].publicKeyHex, '2014-01-01']])
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

describe('/api/v1/verify', () => {
  it('GET and POST answer 200 with the verification result', async () => {
    repository.findCertificateState.mockResolvedValue(null)
    for (const response of [await get(`?code=${encodeURIComponent(signed.url(ORIGIN))}`), await post(JSON.stringify({ code: signed.url(ORIGIN) }))]) {
      expect(response.status).toBe(200)
      const body = await response.json()
      expect(body).toMatchObject({ valid: false, genuine: false, status: 'UNKNOWN', reason: 'NOT_ISSUED' })
      expect(verifyAnswerSchema.parse(body)).toEqual(body)
    }
    // verification reads the status row first; the joined facts only for a certificate that exists
    expect(repository.findCertificateState).toHaveBeenCalledWith('P20244601000001236')
    expect(repository.findCertificateBySerial).not.toHaveBeenCalled()
  })

  it('answers 200 not genuine for garbage and foreign codes', async () => {
    expect(await (await get('?code=hello')).json()).toMatchObject({ valid: false, genuine: false, reason: 'MALFORMED' })
    expect(await (await get(`?code=${encodeURIComponent(signed.url('https://evil.example.com'))}`)).json()).toMatchObject({
      genuine: false,
      reason: 'FOREIGN_HOST',
    })
    expect(repository.findCertificateState).not.toHaveBeenCalled()
    expect(repository.findCertificateBySerial).not.toHaveBeenCalled()
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
})

describe('verifyOperations (OpenAPI)', () => {
  it('documents GET and POST /api/v1/verify with examples the route answers as documented', async () => {
    expect(verifyOperations.map((o) => `${o.method} ${o.path}`)).toEqual(['get /api/v1/verify', 'post /api/v1/verify'])
    for (const op of verifyOperations) {
      const ok = await verify.GET(new Request(`${ORIGIN}${op.examples.ok}`), none)
      expect(ok.status).toBe(200)
      expect(op.response!.safeParse(await ok.json()).error?.issues ?? []).toEqual([])
      if (op.examples.badRequest) {
        const bad = await verify.GET(new Request(`${ORIGIN}${op.examples.badRequest}`), none)
        expect(bad.status).toBe(400)
        expect((await bad.json()).error.issues.length).toBeGreaterThan(0)
      }
    }
  })
})

describe('verifyOperations merged into the OpenAPI document', () => {
  it('keeps operation ids unique, examples on their path and every parameter typed', async () => {
    const { apiOperations } = await import('../openapi/operations')
    const { buildOpenApiDocument } = await import('../openapi/build-document')
    const all = [...apiOperations.filter((o) => o.path !== '/api/v1/verify'), ...verifyOperations]
    expect(new Set(all.map((o) => o.operationId)).size).toBe(all.length)
    for (const op of verifyOperations) {
      expect(op.examples.ok).toMatch(/^\/api\/v1\/verify(\?|$)/)
      if (op.examples.badRequest) expect(op.errors).toContain(400)
    }
    const doc = buildOpenApiDocument(all, 'https://portal.example') as { paths: Record<string, Record<string, { parameters: { schema: object }[] }>> }
    const verifyPath = doc.paths['/api/v1/verify']
    expect(Object.keys(verifyPath).sort()).toEqual(['get', 'post'])
    for (const param of verifyPath.get.parameters) expect(Object.keys(param.schema).length).toBeGreaterThan(0)
  })
})
