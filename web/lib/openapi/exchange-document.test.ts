import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import { EXCHANGE_BATCH_KINDS } from '@web/server/exchange/exchange-kinds'
import { buildExchangeDocument } from './exchange-document'
import { exchangeOperations } from './exchange-operations'

const EXCHANGE_DIR = fileURLToPath(new URL('../../app/api/exchange/v1', import.meta.url))

/** Every `route.ts` under app/api/exchange/v1 as "method path" in OpenAPI form ([x] → {x}). */
function implementedOperations(dir = EXCHANGE_DIR, prefix = '/api/exchange/v1'): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...implementedOperations(full, `${prefix}/${entry.name.replace(/^\[(.+)\]$/, '{$1}')}`))
    else if (entry.name === 'route.ts') {
      const source = fs.readFileSync(full, 'utf8')
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (new RegExp(`export (const|async function|function) ${method}\\b`).test(source)) out.push(`${method.toLowerCase()} ${prefix}`)
      }
    }
  }
  return out
}

type Operation = {
  operationId: string
  security: { bearer: string[] }[]
  parameters: ({ name: string; in: string; schema: Record<string, unknown> } | { $ref: string })[]
  requestBody?: { content: { 'application/json': { schema: { properties: { items: { items: { properties: Record<string, unknown>; required?: string[]; additionalProperties: boolean }; maxItems: number } } } } } }
  responses: Record<string, { content: Record<string, unknown> }>
}

describe('exchange OpenAPI document', () => {
  const doc = buildExchangeDocument(exchangeOperations, 'https://portal.example')
  const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ key: `${m} ${p}`, op: op as Operation })))

  it('documents every route handler under /api/exchange/v1 and nothing else', () => {
    const implemented = implementedOperations().filter((o) => o !== 'get /api/exchange/v1/openapi.json')
    expect(operations.map((o) => o.key).sort()).toEqual(implemented.sort())
    expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(operations.length)
  })

  it('is OpenAPI 3.1 with bearer security on every operation and the Idempotency-Key on every write', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    for (const { key, op } of operations) {
      expect(op.security, key).toEqual([{ bearer: [expect.stringMatching(/^(read|write-subjects|write-stages|write-records)$/)] }])
      const headerRef = op.parameters.some((p) => '$ref' in p && p.$ref === '#/components/parameters/IdempotencyKey')
      expect(headerRef, key).toBe(key.startsWith('post '))
      for (const status of ['401', '403', '429', '500']) expect(op.responses[status]?.content['application/json'], `${key} ${status}`).toEqual({ schema: { $ref: '#/components/schemas/Error' } })
      // the rate limits (per token, per client address): when to retry
      expect(Object.keys((op.responses['429'] as { headers?: Record<string, unknown> }).headers ?? {}), key).toContain('Retry-After')
      for (const p of op.parameters) if (!('$ref' in p)) expect(Object.keys(p.schema).length, `${key} ${p.name}`).toBeGreaterThan(0)
      const pathParams = op.parameters.flatMap((p) => ('in' in p && p.in === 'path' ? [p.name] : []))
      expect(pathParams.sort(), key).toEqual([...key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort())
    }
  })

  it('describes each batch item with exactly the kind’s import columns, required ones required', () => {
    for (const kind of EXCHANGE_BATCH_KINDS) {
      const op = doc.paths[`/api/exchange/v1/${kind}`].post as Operation
      const items = op.requestBody!.content['application/json'].schema.properties.items
      expect(items.maxItems).toBe(500)
      expect(items.items.additionalProperties, kind).toBe(false)
      expect(Object.keys(items.items.properties).sort(), kind).toEqual(IMPORT_KINDS[kind].columns.map((c) => c.field).sort())
      expect((items.items.required ?? []).sort(), kind).toEqual(IMPORT_KINDS[kind].columns.filter((c) => c.required).map((c) => c.field).sort())
      expect(op.responses['409'], kind).toBeDefined()
      expect(op.responses['200'].content['application/json'], kind).toBeDefined()
    }
  })

  it('documents the streamed export as JSON Lines and CSV with its cursor headers', () => {
    const op = doc.paths['/api/exchange/v1/ministry-export'].get as Operation & { responses: Record<string, { headers?: Record<string, unknown> }> }
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/jsonl', 'text/csv'])
    expect(Object.keys(op.responses['200'].headers ?? {})).toContain('Export-Next-Cursor')
    expect(op.parameters.map((p) => ('name' in p ? p.name : '')).sort()).toEqual(['cursor', 'format', 'since', 'table'])
  })
})
