// The exchange API against `next start`: its own OpenAPI document lists exactly the implemented
// operations; every documented operation is called with a real token and each answer is checked
// against the schemas the document is built from — 200 answers, and the 400, 401, 403, 404, 409,
// 413 and 415 answers with the error body; a token of 三亚 is refused for 海口's writes and reads;
// the ministry export streams JSON Lines with its closing line and CSV. Tokens are made in the e2e
// database with the administrators' own use case (createApiToken), as /admin/accounts/tokens does.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { IMPORT_KINDS } from '../../shared/import/import-kinds.ts'
import type { ApiTokenScope } from '../../shared/staff-forms/api-tokens.ts'
import type { Actor } from '../../shared/staff/actor.ts'
import { exchangeErrorSchema } from '@web/lib/exchange/exchange-error-schema'
import { exchangeOperations, type ExchangeOperation } from '@web/lib/openapi/exchange-operations'
import { createApiToken } from '@web/server/api-tokens/create-api-token'
import { EXCHANGE_BATCH_KINDS, type ExchangeBatchKind } from '@web/server/exchange/exchange-kinds'

const baseUrl = inject('baseUrl')
const db = createDb(inject('databaseUrl'))
afterAll(() => db.$disconnect())

const runTag = String(Date.now()).slice(-8)
const tokens = { province: '', sanya: '', readOnly: '' }
/** a 海口 project, enterprise and practitioner from the public API */
const haikou = { projectCode: '', uscc: '', practitionerId: '' }

async function publicFirst(path: string, field: string): Promise<string> {
  const body = await (await fetch(baseUrl + path)).json()
  return body.items[0][field]
}

beforeAll(async () => {
  const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' }, include: { authority: true } })
  const actor: Actor = { userId: admin.id, username: admin.username, displayName: admin.displayName, role: 'PROVINCE_ADMIN', authorityId: admin.authorityId, regionCode: admin.authority?.regionCode ?? null, regions: 'ALL', clientIp: '127.0.0.1' }
  const authority = async (regionCode: string) => (await db.authority.findUniqueOrThrow({ where: { regionCode } })).id
  const token = async (regionCode: string, scopes: ApiTokenScope[]) =>
    (await createApiToken(db, actor, { name: `e2e ${regionCode} ${scopes.length}`, authorityId: await authority(regionCode), scopes, expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) })).token
  tokens.province = await token('460000', ['read', 'write-subjects', 'write-stages', 'write-records'])
  tokens.sanya = await token('460200', ['read', 'write-subjects', 'write-stages', 'write-records'])
  tokens.readOnly = await token('460000', ['read'])
  haikou.projectCode = await publicFirst('/api/v1/projects?pageSize=1&region=460100', 'projectCode')
  haikou.uscc = await publicFirst('/api/v1/enterprises?pageSize=1&region=460100', 'uscc')
  haikou.practitionerId = await publicFirst('/api/v1/practitioners?pageSize=1&region=460100', 'id')
})

let keyCount = 0
const newKey = () => `e2e-${runTag}-${++keyCount}`

function call(path: string, init: { method?: 'GET' | 'POST'; token?: string | null; key?: string | null; body?: string; contentType?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {}
  if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? tokens.province}`
  if (init.method === 'POST') {
    headers['Content-Type'] = init.contentType ?? 'application/json'
    if (init.key !== null) headers['Idempotency-Key'] = init.key ?? newKey()
  }
  return fetch(baseUrl + path, { method: init.method ?? 'GET', headers, body: init.body })
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toContain('application/json')
  const body = exchangeErrorSchema.parse(await res.json())
  expect(body.error.code).toBe(code)
  return body
}

/** An item made of the import template's example row of the kind. */
const exampleItem = (kind: ExchangeBatchKind) => Object.fromEntries(IMPORT_KINDS[kind].columns.map((c) => [c.field, c.example]))

const okPath = (op: ExchangeOperation) =>
  op.path
    .replace('{projectCode}', haikou.projectCode)
    .replace('{uscc}', haikou.uscc)
    .replace('{practitioner}', haikou.practitionerId)

describe('exchange OpenAPI document', () => {
  it('is OpenAPI 3.1, bearer-secured, and lists exactly the implemented operations', async () => {
    const res = await fetch(`${baseUrl}/api/exchange/v1/openapi.json`)
    expect(res.status).toBe(200)
    const doc = await res.json()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))
    expect(documented.sort()).toEqual(exchangeOperations.map((o) => `${o.method} ${o.path}`).sort())
    // not mixed into the public document
    const publicDoc = await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()
    expect(Object.keys(publicDoc.paths).some((p) => p.startsWith('/api/exchange'))).toBe(false)
  })
})

describe.each(exchangeOperations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s', (_name, op) => {
  const batchKind = EXCHANGE_BATCH_KINDS.find((k) => op.path === `/api/exchange/v1/${k}`)

  it('answers 200 with the documented body', async () => {
    if (op.method === 'post') {
      const res = await call(op.path, { method: 'POST', body: JSON.stringify({ items: [exampleItem(batchKind!)] }) })
      expect(res.status).toBe(200)
      const parsed = op.response!.safeParse(await res.json())
      expect(parsed.error?.issues ?? []).toEqual([])
    } else if (op.produces) {
      const jsonl = await call(`${op.path}?table=TBCorpBasicInfo`)
      expect(jsonl.status).toBe(200)
      expect(jsonl.headers.get('content-type')).toContain('application/jsonl')
      const cursor = jsonl.headers.get('export-next-cursor')
      const lines = (await jsonl.text()).trimEnd().split('\n').map((l) => JSON.parse(l))
      const end = lines.pop()
      expect(end.end).toMatchObject({ mode: 'full', nextCursor: cursor })
      expect(lines.length).toBeGreaterThan(0)
      expect(lines.every((l) => l.table === 'TBCorpBasicInfo' && typeof l.row === 'object')).toBe(true)
      const csv = await call(`${op.path}?format=csv&table=TBProjectInfo&cursor=${cursor}`)
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toContain('text/csv')
      expect(csv.headers.get('export-mode')).toBe('incremental')
      expect((await csv.text()).split('\n')[0]).toContain('PrjNum')
    } else {
      const res = await call(okPath(op))
      const body = await res.json()
      expect(res.status, `${okPath(op)} ${JSON.stringify(body)}`).toBe(200)
      expect(res.headers.get('content-type')).toContain('application/json')
      const parsed = op.response!.safeParse(body)
      expect(parsed.error?.issues ?? []).toEqual([])
    }
  })

  it('answers 401 without a valid token and 403 without the scope', async () => {
    const post = op.method === 'post' ? { method: 'POST' as const, body: JSON.stringify({ items: [{}] }) } : {}
    const none = await call(okPath(op), { ...post, token: null })
    await expectError(none, 401, 'unauthorized')
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/)
    await expectError(await call(okPath(op), { ...post, token: `hnex_${'x'.repeat(43)}` }), 401, 'unauthorized')
    if (op.scope !== 'read') await expectError(await call(okPath(op), { ...post, token: tokens.readOnly }), 403, 'forbidden')
  })

  if (op.errors.includes(400)) {
    it('answers bad input with 400 naming it', async () => {
      const res =
        op.method === 'post'
          ? await call(op.path, { method: 'POST', body: JSON.stringify({ items: [] }) })
          : op.produces
            ? await call(`${op.path}?format=csv`)
            : await call(op.path.replace(/\{\w+\}/, 'not-a-valid-key!'))
      const body = await expectError(res, 400, 'bad_request')
      expect(body.error.issues?.length).toBeGreaterThan(0)
    })
  }

  if (op.errors.includes(404)) {
    it('answers 404 for an unknown key and for another region’s (a token of 三亚 reading 海口)', async () => {
      const unknown = op.path.includes('{projectCode}') ? '46010020990100001' : op.path.includes('{uscc}') ? '91460100MA5T00000X' : 'c000000000000000000000000'
      const res = await call(op.path.replace(/\{\w+\}/, unknown))
      expect([400, 404]).toContain(res.status)
      if (res.status === 404) await expectError(res, 404, 'not_found')
      await expectError(await call(okPath(op), { token: tokens.sanya }), 404, 'not_found')
    })
  }

  if (op.method === 'post') {
    it('replays the same key and body, answers 409 for the key with another body, 415 and 413', async () => {
      const key = newKey()
      const body = JSON.stringify({ items: [exampleItem(batchKind!)] })
      const first = await call(op.path, { method: 'POST', key, body })
      expect(first.status).toBe(200)
      const replay = await call(op.path, { method: 'POST', key, body })
      expect(replay.status).toBe(200)
      expect(replay.headers.get('idempotency-replayed')).toBe('true')
      expect(await replay.json()).toEqual(await first.json())
      await expectError(await call(op.path, { method: 'POST', key, body: JSON.stringify({ items: [exampleItem(batchKind!), exampleItem(batchKind!)] }) }), 409, 'conflict')
      await expectError(await call(op.path, { method: 'POST', body, contentType: 'text/plain' }), 415, 'unsupported_media_type')
      await expectError(await call(op.path, { method: 'POST', body: `{"items":[],"pad":"${'x'.repeat(4 * 1024 * 1024)}"}` }), 413, 'payload_too_large')
      const noKey = await expectError(await call(op.path, { method: 'POST', key: null, body }), 400, 'bad_request')
      expect(noKey.error.issues?.[0].field).toBe('Idempotency-Key')
    })
  }
})

describe('region scoping', () => {
  it('refuses a token of 三亚 writing a stage of a 海口 project, item by item, writing nothing', async () => {
    const before = await db.contractFiling.count()
    const item = { ...exampleItem('contract-filings'), projectCode: haikou.projectCode, partyUscc: haikou.uscc, signedOn: '2026-01-05', filedOn: '2026-01-06' }
    const res = await call('/api/exchange/v1/contract-filings', { method: 'POST', token: tokens.sanya, body: JSON.stringify({ items: [item] }) })
    expect(res.status).toBe(200)
    const answer = await res.json()
    expect(answer.items[0].status).toBe('refused')
    expect(answer.counts.refused).toBe(1)
    expect(await db.contractFiling.count()).toBe(before)
  })

  it('exports to a token of 三亚 only 三亚’s projects', async () => {
    const res = await call('/api/exchange/v1/ministry-export?table=TBProjectInfo', { token: tokens.sanya })
    expect(res.status).toBe(200)
    const lines = (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l))
    lines.pop()
    const codes = lines.map((l) => JSON.stringify(l.row))
    expect(codes.length).toBeGreaterThan(0)
    expect(codes.some((c) => c.includes(haikou.projectCode))).toBe(false)
    expect(lines.every((l) => /"460200/.test(JSON.stringify(l.row)) || JSON.stringify(l.row).includes('460200'))).toBe(true)
  })
})
