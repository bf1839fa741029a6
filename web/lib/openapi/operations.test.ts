import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from './build-document'
import { apiOperations } from './operations'

const API_DIR = fileURLToPath(new URL('../../app/api/v1', import.meta.url))

/** Every `route.ts` under app/api/v1 as "method path" in OpenAPI form ([x] → {x}). */
function implementedOperations(dir = API_DIR, prefix = '/api/v1'): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...implementedOperations(full, `${prefix}/${entry.name.replace(/^\[(.+)\]$/, '{$1}')}`))
    else if (entry.name === 'route.ts') {
      const source = fs.readFileSync(full, 'utf8')
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (new RegExp(`export (const|async function) ${method}\\b`).test(source)) out.push(`${method.toLowerCase()} ${prefix}`)
      }
    }
  }
  return out
}

describe('API operations', () => {
  it('document every route handler under /api/v1 and nothing else', () => {
    const documented = apiOperations.map((o) => `${o.method} ${o.path}`)
    const implemented = implementedOperations().filter((o) => o !== 'get /api/v1/openapi.json')
    expect([...documented].sort()).toEqual([...implemented].sort())
  })

  it('have unique operation ids and examples that match their path', () => {
    expect(new Set(apiOperations.map((o) => o.operationId)).size).toBe(apiOperations.length)
    for (const op of apiOperations) {
      const pattern = new RegExp(`^${op.path.replace(/\{\w+\}/g, '[^/?]+')}(\\?|$)`)
      expect(op.examples.ok, op.operationId).toMatch(pattern)
      if (op.examples.badRequest) expect(op.errors, op.operationId).toContain(400)
      if (op.examples.notFound) expect(op.errors, op.operationId).toContain(404)
    }
  })

  it('build a valid-looking OpenAPI 3.1 document with every parameter typed', () => {
    const doc = buildOpenApiDocument(apiOperations, 'https://portal.example')
    expect(doc.openapi).toBe('3.1.0')
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const op of Object.values(methods) as { parameters: { name: string; in: string; schema: Record<string, unknown> }[] }[]) {
        const pathParams = op.parameters.filter((x) => x.in === 'path').map((x) => x.name).sort()
        expect(pathParams, p).toEqual([...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort())
        for (const param of op.parameters) expect(Object.keys(param.schema).length, `${p} ${param.name}`).toBeGreaterThan(0)
      }
    }
  })
})
