// Property-based fuzzing of the exchange API's batch endpoints (POST /api/exchange/v1/<kind>), in
// process: the real route handlers over a test database on every test provider, with a real token
// of 海口's authority, called with hostile items (fields replaced by hostile strings and wrong
// types, unknown and __proto__ keys, non-objects), hostile bodies, Idempotency-Keys, Authorization
// and Content-Type headers. The properties: never a 5xx; every answer JSON; a request refused as a
// whole (4xx) writes nothing, and a 400 names the field; every refused item names its field; when
// no item is written, the request wrote only its stored answer and its one audit summary.
// The endpoints are the files under web/app/api/exchange/v1: a new one is fuzzed with the kind's
// import columns (give it plausible values in PLAUSIBLE_ITEMS to fuzz it deeper).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import type { ImportKindId } from '@shared/import/import-kind-ids'
import { API_TOKEN_SCOPES } from '@shared/staff-forms/api-tokens'
import { makeIdNumber } from '@shared/validators/id-number'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@web/lib/db'
import { createApiToken } from '@web/server/api-tokens/create-api-token'
import { EXCHANGE_BATCH_KINDS } from '@web/server/exchange/exchange-kinds'
import { createStaffFixture, HAIKOU, uscc, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { fuzzParameters, hostileObject, hostileString, junkBodies } from './hostile'
import { allTableCounts, changedTables } from './table-counts'

const database = vi.hoisted(() => {
  // every request must reach the handlers: the request limits have their own test
  // (web/server/exchange/exchange-rate-limit.db.test.ts), and a deep run (FUZZ_RUNS) would pass them
  process.env.EXCHANGE_RATE_LIMIT_PER_TOKEN = '100000000'
  process.env.EXCHANGE_RATE_LIMIT_PER_ADDRESS = '100000000'
  return { current: null as Db | null }
})
vi.mock('@web/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@web/lib/db')>()),
  getDb: () => {
    if (!database.current) throw new Error('no test database for this test')
    return database.current
  },
}))

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const EXCHANGE_DIR = 'web/app/api/exchange/v1'
const RUNS = 20

/** Plausible items of each kind, for the test fixture's world (any field may then be made hostile). */
function plausibleItems(f: StaffFixture): Partial<Record<ImportKindId, Record<string, unknown>>> {
  return {
    enterprises: { uscc: uscc(HAIKOU, 'HK000901'), name: '海口模糊测试建设有限公司', type: 'CONTRACTOR', regionCode: HAIKOU, legalRepresentative: '陈海', registeredAddress: '解放路1号', registeredCapital: 3000, establishedOn: '2016-04-01' },
    qualifications: { enterpriseUscc: f.haikou.uscc, category: '建筑工程施工总承包', grade: '一级', certificateNumber: 'D146000901', issuedBy: '海南省住房和城乡建设厅', issuedOn: '2024-01-01', validUntil: '2029-01-01' },
    practitioners: { idNumber: makeIdNumber(HAIKOU, '19900101', 901), name: '模糊测试', gender: '男', phone: '13907560000', employerUscc: f.haikou.uscc },
    registrations: { idNumber: f.haikou.idNumber, type: 'CONSTRUCTOR_2', number: '琼246202600901', specialty: '市政公用工程', issuedOn: '2024-01-01', validUntil: '2027-01-01' },
    'integrity-records': { subjectCode: f.haikou.uscc, kind: 'BAD', categoryCode: 'BAD.PENALTY.SERIOUS', title: '未按规定履行质量安全责任', description: '施工现场存在重大安全隐患。', decisionNumber: '琼建罚〔2026〕901号', issuedBy: '海口市住房和城乡建设局', decidedOn: '2026-06-20', penaltyLastDay: '2027-12-31', publishFrom: '' },
  }
}

type Handler = (request: Request) => Promise<Response>
const endpoints = fs
  .readdirSync(path.join(ROOT, EXCHANGE_DIR), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(ROOT, EXCHANGE_DIR, entry.name, 'route.ts')))
  .map((entry) => entry.name)
  .sort()
const handlers = new Map<string, Handler>()
const readers = new Map<string, Handler>()
const otherMethods: string[] = []
for (const name of endpoints) {
  const module = (await import(path.join(ROOT, EXCHANGE_DIR, name, 'route.ts'))) as Record<string, Handler>
  if (module.POST) handlers.set(name, module.POST)
  if (module.GET) readers.set(name, module.GET)
  for (const method of ['PUT', 'PATCH', 'DELETE']) if (module[method]) otherMethods.push(`${name} ${method}`)
}
const batchKinds = [...handlers.keys()]

describe('the fuzzed exchange endpoints', () => {
  it('are every route under /api/exchange/v1: batch writes (POST) of a kind with import columns, and reads (GET)', () => {
    // a POST that is not a batch write, or another method, needs a fuzz property of its own
    expect(batchKinds.filter((kind) => !(EXCHANGE_BATCH_KINDS as readonly string[]).includes(kind))).toEqual([])
    expect(otherMethods).toEqual([])
    for (const kind of batchKinds) expect(IMPORT_KINDS[kind as ImportKindId], kind).toBeDefined()
  })
})

const providers = await testProviders()
const NOW = new Date()

// header values a client may send: Headers refuses characters above U+00FF, so these stay Latin-1
const latin1 = hostileString.map((s) => s.replace(/[^\u0020-\u00ff]/g, ''))

describe.each(providers)('exchange API fuzzing on %s', (provider) => {
  let t: TestDatabase
  let f: StaffFixture
  let token = ''
  let keys = 0

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    database.current = t.db
    f = await createStaffFixture(t.db)
    const authorityId = (await t.db.authority.findUniqueOrThrow({ where: { regionCode: HAIKOU } })).id
    token = (await createApiToken(t.db, f.actors.admin, { name: '模糊测试', authorityId, scopes: [...API_TOKEN_SCOPES], expiresOn: '2027-06-30' }, NOW)).token
  })
  afterAll(async () => {
    database.current = null
    await t?.drop()
  })

  function requestOf(kind: ImportKindId): fc.Arbitrary<{ body: string; key: string; authorization: string; contentType: string }> {
    const columns = IMPORT_KINDS[kind].columns.map((c) => c.field)
    const plausible = plausibleItems(f)[kind] ?? Object.fromEntries(columns.map((c) => [c, '']))
    const item = fc.oneof(
      { weight: 8, arbitrary: hostileObject(plausible).map(({ value }) => value) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'x', 1, [], [plausible], true) },
    )
    const items = fc.array(item, { minLength: 1, maxLength: 4 })
    const body = fc.oneof(
      { weight: 10, arbitrary: items.map((list) => JSON.stringify({ items: list })) },
      { weight: 1, arbitrary: items.map((list) => JSON.stringify({ items: list, extra: 1 })) },
      { weight: 1, arbitrary: items.map((list) => `{"__proto__":{"isAdmin":true},"items":${JSON.stringify(list)}}`) },
      { weight: 1, arbitrary: fc.constantFrom('{"items":[]}', '{"items":{}}', '{"items":"x"}', JSON.stringify({ items: new Array(501).fill({}) }), `{"items":[{"name":"${'A'.repeat(4 * 1024 * 1024)}"}]}`) },
      { weight: 1, arbitrary: junkBodies },
    )
    const key = fc.oneof(
      { weight: 8, arbitrary: fc.constant(null) }, // a fresh key, made when the request is sent
      { weight: 1, arbitrary: fc.constant('fuzz-reused-key') },
      { weight: 1, arbitrary: fc.oneof(latin1, fc.constantFrom('', ' ', 'a b', 'x'.repeat(201), 'é')) },
    )
    const authorization = fc.oneof(
      { weight: 10, arbitrary: fc.constant(null) }, // the real token
      { weight: 1, arbitrary: fc.oneof(latin1.map((s) => `Bearer ${s}`), fc.constantFrom('', 'Bearer', 'Basic YTpi', `Bearer ${'x'.repeat(5000)}`)) },
    )
    const contentType = fc.oneof({ weight: 10, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-8', 'APPLICATION/JSON', '', 'multipart/form-data') })
    return fc.record({ body, key, authorization, contentType }).map((r) => ({
      body: r.body,
      key: r.key ?? `fuzz-${provider}-${kind}-${++keys}`,
      authorization: r.authorization ?? `Bearer ${token}`,
      contentType: r.contentType,
    }))
  }

  it.each(batchKinds)('POST /api/exchange/v1/%s: no 5xx, refusals name their field and write nothing', async (kind) => {
    const handler = handlers.get(kind)!
    await fc.assert(
      fc.asyncProperty(requestOf(kind as ImportKindId), async (r) => {
        const before = await allTableCounts(t.db)
        const headers: Record<string, string> = { 'Idempotency-Key': r.key, Authorization: r.authorization }
        if (r.contentType) headers['Content-Type'] = r.contentType
        const response = await handler(new Request(`http://localhost:3000/api/exchange/v1/${kind}`, { method: 'POST', headers, body: r.body }))
        const text = await response.text()
        const written = changedTables(before, await allTableCounts(t.db))
        const problems: string[] = []
        let answer: { error?: { code?: string; issues?: { field: string }[] }; items?: { status: string; errors?: { field: string; message: string }[] }[]; counts?: Record<string, number> } | undefined
        try {
          answer = JSON.parse(text)
        } catch {
          problems.push(`a ${response.status} answer is not JSON: ${text.slice(0, 200)}`)
        }
        if (response.status >= 500) problems.push(`status ${response.status}: ${text.slice(0, 300)}`)
        else if (response.status !== 200) {
          if (typeof answer?.error?.code !== 'string') problems.push(`a ${response.status} answer without error.code: ${text.slice(0, 200)}`)
          if (response.status === 400 && !(answer?.error?.issues ?? []).some((i) => i.field)) problems.push(`a 400 answer names no field: ${text.slice(0, 200)}`)
          if (Object.keys(written).length) problems.push(`a ${response.status} answer wrote ${JSON.stringify(written)}`)
        } else if (answer) {
          for (const item of answer.items ?? []) {
            if (item.status === 'refused' && !(item.errors?.length && item.errors.every((e) => typeof e.field === 'string' && e.message))) problems.push(`a refused item without its fields: ${JSON.stringify(item)}`)
          }
          const wroteItems = (answer.counts?.created ?? 0) + (answer.counts?.changed ?? 0) > 0
          const replayed = response.headers.get('idempotency-replayed') === 'true'
          const expected = replayed ? {} : { AuditLog: [before.AuditLog, before.AuditLog + 1], IdempotencyRecord: [before.IdempotencyRecord, before.IdempotencyRecord + 1] }
          if (!wroteItems && JSON.stringify(written) !== JSON.stringify(expected)) problems.push(`no item was written, yet the request wrote ${JSON.stringify(written)}`)
        }
        if (problems.length) throw new Error(`${problems.join('\n')}\n(POST /api/exchange/v1/${kind})`)
      }),
      fuzzParameters(RUNS),
    )
  })

  it.each([...readers.keys()])('GET /api/exchange/v1/%s: no 5xx, every error JSON naming its field, a refusal writes nothing', async (name) => {
    const handler = readers.get(name)!
    const pair = fc.tuple(fc.constantFrom('since', 'after', 'cursor', 'kind', 'limit', 'format', 'page', '__proto__', 'x'), fc.oneof(hostileString, fc.constantFrom('2026-01-01', '0', '-1', '1e9', '%00', '%ED%A0%80')))
    const query = fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v.startsWith('%') ? v : encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`).join('&'))
    const authorization = fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: latin1.map((s) => `Bearer ${s}`) })
    await fc.assert(
      fc.asyncProperty(query, authorization, async (q, auth) => {
        const before = await allTableCounts(t.db)
        const response = await handler(new Request(`http://localhost:3000/api/exchange/v1/${name}?${q}`, { headers: { Authorization: auth ?? `Bearer ${token}` } }))
        const text = await response.text()
        const problems: string[] = []
        if (response.status >= 500) problems.push(`status ${response.status}: ${text.slice(0, 300)}`)
        else if (response.status >= 400) {
          let answer: { error?: { code?: string; issues?: { field: string }[] } } | undefined
          try {
            answer = JSON.parse(text)
          } catch {
            problems.push(`a ${response.status} answer is not JSON: ${text.slice(0, 200)}`)
          }
          if (answer && typeof answer.error?.code !== 'string') problems.push(`a ${response.status} answer without error.code: ${text.slice(0, 200)}`)
          if (answer && response.status === 400 && !(answer.error?.issues ?? []).some((i) => i.field)) problems.push(`a 400 answer names no field: ${text.slice(0, 200)}`)
          const written = changedTables(before, await allTableCounts(t.db))
          if (Object.keys(written).length) problems.push(`a ${response.status} answer wrote ${JSON.stringify(written)}`)
        }
        if (problems.length) throw new Error(`${problems.join('\n')}\n(GET /api/exchange/v1/${name}?${q})`)
      }),
      fuzzParameters(RUNS),
    )
  })
})
