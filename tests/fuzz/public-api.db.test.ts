// Property-based fuzzing of every documented public API operation (web/lib/openapi: the same list
// the OpenAPI document and the e2e conformance test use), in process: the real route handlers over
// a seeded test database on every test provider, called with hostile path parameters, query
// strings (unknown, repeated and percent-encoded parameters, huge values) and bodies (wrong types,
// __proto__ keys, junk text, odd content types). The properties: never a 5xx; a 4xx is the API's
// JSON error, and a 400 names at least one parameter; a body that starts streaming finishes; GETs
// write nothing at all; a refused POST writes nothing.
// Only getDb() is replaced, by the provider's test database; the rate limits are raised through
// the environment (web/lib/env.ts) so that the fuzzing reaches the handlers (the limits have their
// own tests).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseKeyFile } from '@shared/certificates/key-file'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@web/lib/db'
import { seedDatabase } from '../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../scripts/seed/test-signing-keys'
import { CONTENT_TYPES, fuzzParameters, hostileObjectJson, hostileString, junkBodies, longString, mutatedString, PATH_TRICKS } from './hostile'
import { allTableCounts, changedTables } from './table-counts'

vi.mock('next/server', () => ({ connection: async () => {} }))
const database = vi.hoisted(() => ({ current: null as Db | null }))
vi.mock('@web/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@web/lib/db')>()),
  getDb: () => {
    if (!database.current) throw new Error('no test database for this test')
    return database.current
  },
}))
vi.stubEnv('VERIFY_RATE_LIMIT_PER_MINUTE', '1000000')
vi.stubEnv('OBJECTION_RATE_LIMIT_PER_HOUR', '1000000')
vi.stubEnv('REDIS_URL', '')
vi.stubEnv('TRUSTED_PROXY_COUNT', '0')
afterAll(() => vi.unstubAllEnvs())

const { apiOperations } = await import('@web/lib/openapi/operations')
const { apiErrorSchema } = await import('@web/lib/api/api-error')
const { setKeyRingForTesting } = await import('@web/server/certificates/signing-keys')

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const ORIGIN = 'http://localhost:3000'
const GET_RUNS = 15
const POST_RUNS = 40

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>

/** web/app/api/v1/permits/{permitNumber} → web/app/api/v1/permits/[permitNumber]/route.ts */
const routeFileOf = (apiPath: string) => path.join('web/app', apiPath.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts')

function routeFilesUnder(dir: string): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...routeFilesUnder(rel))
    else if (entry.name === 'route.ts') out.push(rel)
  }
  return out
}

// the OpenAPI document itself is not an operation of the document
const UNDOCUMENTED = new Set(['web/app/api/v1/openapi.json/route.ts'])

/** Percent-encodes like a browser: a lone surrogate becomes U+FFFD (raw escapes are sent separately). */
const encode = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))

const handlers = new Map<string, Handler>()
for (const op of apiOperations) {
  const module = (await import(path.join(ROOT, routeFileOf(op.path)))) as Record<string, Handler>
  handlers.set(op.operationId, module[op.method.toUpperCase()])
}

describe('the fuzzed operations', () => {
  it('are every route handler under /api/v1 (a new endpoint is fuzzed once it is documented)', async () => {
    const documented = new Set(apiOperations.map((op) => `${routeFileOf(op.path)} ${op.method.toUpperCase()}`))
    const exported: string[] = []
    for (const file of routeFilesUnder('web/app/api/v1')) {
      if (UNDOCUMENTED.has(file)) continue
      const module = (await import(path.join(ROOT, file))) as Record<string, unknown>
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) if (typeof module[method] === 'function') exported.push(`${file} ${method}`)
    }
    expect(exported.filter((e) => !documented.has(e))).toEqual([])
    for (const op of apiOperations) expect(handlers.get(op.operationId), op.operationId).toBeTypeOf('function')
  })
})

const providers = await testProviders()
const KEYS = createTestSigningKeys()

describe.each(providers)('public API fuzzing on %s', (provider) => {
  let t: TestDatabase
  /** real values of each path parameter and query parameter found in the seeded data */
  const plausible: Record<string, string> = {}
  let recordId = ''

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: KEYS.signer, scale: 0.005, seed: 'fuzz-public-api', asOf: new Date().toISOString().slice(0, 10) })
    database.current = t.db
    setKeyRingForTesting(parseKeyFile(KEYS.keyFile))
    ;(globalThis as { __certificateChecker?: unknown }).__certificateChecker = undefined
    const db = t.db
    plausible.permitNumber = (await db.constructionPermit.findFirstOrThrow({ orderBy: { id: 'asc' } })).permitNumber
    plausible.filingNumber = (await db.completionFiling.findFirstOrThrow({ orderBy: { id: 'asc' } })).filingNumber
    plausible.projectCode = (await db.project.findFirstOrThrow({ orderBy: { id: 'asc' } })).projectCode
    plausible.uscc = (await db.enterprise.findFirstOrThrow({ orderBy: { id: 'asc' } })).uscc
    plausible.id = (await db.person.findFirstOrThrow({ orderBy: { id: 'asc' } })).id
    plausible.trackingNumber = (await db.objection.findFirstOrThrow({ orderBy: { id: 'asc' } })).trackingNumber
    // a record on the exposure board today, which the objection endpoint accepts
    const exposure = handlers.get('listExposure')!
    const page = await (await exposure(new Request(`${ORIGIN}/api/v1/exposure?pageSize=1`), { params: Promise.resolve({}) })).json()
    recordId = page.items[0].id
  })
  afterAll(async () => {
    database.current = null
    setKeyRingForTesting(undefined)
    ;(globalThis as { __certificateChecker?: unknown }).__certificateChecker = undefined
    await t?.drop()
  })

  /** The answer's problems with the properties, or [] when it keeps them. Reads the whole body. */
  async function problemsOf(response: Response): Promise<string[]> {
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      return [`the body of a ${response.status} answer failed while streaming: ${String(error)}`]
    }
    if (response.status >= 500) return [`status ${response.status}: ${text.slice(0, 300)}`]
    if (response.status < 400) return []
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return [`a ${response.status} answer is not JSON: ${text.slice(0, 200)}`]
    }
    const parsed = apiErrorSchema.safeParse(body)
    if (!parsed.success) return [`a ${response.status} answer is not the API error: ${text.slice(0, 200)}`]
    if (response.status === 400 && !(parsed.data.error.issues ?? []).some((issue) => issue.parameter.length > 0)) return [`a 400 answer names no parameter: ${text.slice(0, 200)}`]
    return []
  }

  /** Query strings: the operation's parameters (plausible or hostile), unknown and repeated ones, raw escapes. */
  function queryString(names: string[], okQuery: URLSearchParams): fc.Arbitrary<string> {
    const value = (name: string) => {
      const real = okQuery.get(name) ?? plausible[name]
      return real === undefined ? fc.oneof(hostileString, longString) : fc.oneof(fc.constant(real), mutatedString(real))
    }
    const pair = fc.oneof(
      { weight: 6, arbitrary: names.length ? fc.constantFrom(...names).chain((n) => value(n).map((v) => `${encode(n)}=${encode(v)}`)) : fc.constant('') },
      // raw, not re-encoded: malformed escapes, lone surrogate escapes, separators inside values
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...names, 'x', '__proto__', 'page[]', ''), fc.constantFrom(...PATH_TRICKS, '%ED%A0%80', '%C0%AE', '%FF', '+', '=', '%26')).map(([n, v]) => `${n}=${v}`) },
      { weight: 1, arbitrary: fc.tuple(hostileString, hostileString).map(([n, v]) => `${encode(n)}=${encode(v)}`) },
    )
    return fc.array(pair, { maxLength: 6 }).map((pairs) => pairs.filter(Boolean).join('&'))
  }

  /** Path parameters: the real value, or hostile strings (Next hands the handler the decoded segment). */
  function pathParams(names: string[]): fc.Arbitrary<Record<string, string>> {
    return fc.record(Object.fromEntries(names.map((n) => [n, fc.oneof({ weight: 1, arbitrary: fc.constant(plausible[n]) }, { weight: 3, arbitrary: mutatedString(plausible[n]) })])))
  }

  const getOperations = apiOperations.filter((op) => op.method === 'get')
  const postOperations = apiOperations.filter((op) => op.method === 'post')

  it.each(getOperations.map((op) => [op.operationId, op] as const))('GET %s: no 5xx, every error the API error naming its parameter', async (_id, op) => {
    const handler = handlers.get(op.operationId)!
    const names = Object.keys(op.query?.shape ?? {})
    const okQuery = new URL(op.examples.ok.replace(/\{\w+\}/g, 'x'), ORIGIN).searchParams
    const params = Object.keys(op.pathParams ?? {})
    const before = await allTableCounts(t.db)
    await fc.assert(
      fc.asyncProperty(pathParams(params), queryString(names, okQuery), async (values, query) => {
        const concrete = op.path.replace(/\{(\w+)\}/g, (_m, n: string) => encode(values[n]))
        const url = `${ORIGIN}${concrete}${query ? `?${query}` : ''}`
        const response = await handler(new Request(url), { params: Promise.resolve(values) })
        const problems = await problemsOf(response)
        if (problems.length) throw new Error(`GET ${url}\n${problems.join('\n')}`)
      }),
      fuzzParameters(GET_RUNS),
    )
    expect(changedTables(before, await allTableCounts(t.db))).toEqual({})
  })

  it.each(postOperations.map((op) => [op.operationId, op] as const))('POST %s: no 5xx, every error the API error naming its field, a refusal writes nothing', async (_id, op) => {
    const handler = handlers.get(op.operationId)!
    const example = op.examples.okBody ?? { code: `${ORIGIN}/v/hello` }
    const okBody = Object.fromEntries(Object.entries(example).map(([k, v]) => [k, v === '{recordId}' ? recordId : v]))
    const body = fc.oneof({ weight: 6, arbitrary: hostileObjectJson(okBody) }, { weight: 1, arbitrary: junkBodies }, { weight: 1, arbitrary: fc.constant(JSON.stringify(okBody)) })
    const contentType = fc.oneof({ weight: 5, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) })
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        const before = await allTableCounts(t.db)
        const headers: Record<string, string> = type ? { 'content-type': type } : {}
        const response = await handler(new Request(`${ORIGIN}${op.path}`, { method: 'POST', body: text, headers }), { params: Promise.resolve({}) })
        const status = response.status
        const problems = await problemsOf(response)
        const written = changedTables(before, await allTableCounts(t.db))
        if (status >= 300 && Object.keys(written).length) problems.push(`a ${status} answer wrote ${JSON.stringify(written)}`)
        if (problems.length) throw new Error(`POST ${op.path} (${type}) ${text.slice(0, 500)}\n${problems.join('\n')}`)
      }),
      fuzzParameters(POST_RUNS),
    )
  })
})
