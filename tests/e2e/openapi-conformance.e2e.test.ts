// Every operation in the OpenAPI document answers as documented: status, content type, and a body
// that the documented schema accepts; bad parameters give 400 and unknown ids 404, as JSON.
import { describe, expect, inject, it } from 'vitest'
import { apiOperations } from '@web/lib/openapi/operations'
import { errorSchema } from '@web/lib/openapi/dto-schemas'

const baseUrl = inject('baseUrl')

/** Where the conformance test finds a real value for each path placeholder. */
const PLACEHOLDERS: Record<string, { list: string; field: string }> = {
  permitNumber: { list: '/api/v1/permits?pageSize=1', field: 'permitNumber' },
  filingNumber: { list: '/api/v1/completion-filings?pageSize=1', field: 'filingNumber' },
  projectCode: { list: '/api/v1/projects?pageSize=1&stage=COMPLETION_FILING', field: 'projectCode' },
  uscc: { list: '/api/v1/enterprises?pageSize=1&type=CONTRACTOR', field: 'uscc' },
  id: { list: '/api/v1/practitioners?pageSize=1&type=CONSTRUCTOR_1', field: 'id' },
}

async function fill(path: string): Promise<string> {
  let out = path
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    const source = PLACEHOLDERS[name]
    if (!source) throw new Error(`no example source for {${name}}`)
    const body = await (await fetch(baseUrl + source.list)).json()
    out = out.replace(`{${name}}`, encodeURIComponent(body.items[0][source.field]))
  }
  return out
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists exactly the implemented operations', async () => {
    const res = await fetch(`${baseUrl}/api/v1/openapi.json`)
    expect(res.status).toBe(200)
    const doc = await res.json()
    expect(doc.openapi).toBe('3.1.0')
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))
    expect(documented.sort()).toEqual(apiOperations.map((o) => `${o.method} ${o.path}`).sort())
  })
})

describe.each(apiOperations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s', (_name, op) => {
  it('answers 200 with the documented body', async () => {
    const res = await fetch(baseUrl + (await fill(op.examples.ok)))
    expect(res.status).toBe(200)
    const type = res.headers.get('content-type') ?? ''
    if (op.produces && op.produces !== 'application/json') {
      expect(type).toContain(op.produces)
      expect((await res.text()).length).toBeGreaterThan(0)
    } else {
      expect(type).toContain('application/json')
      const parsed = op.response!.safeParse(await res.json())
      expect(parsed.error?.issues ?? []).toEqual([])
    }
  })

  if (op.examples.badRequest) {
    it('answers bad parameters with 400 naming them', async () => {
      expect(op.errors).toContain(400)
      const res = await fetch(baseUrl + (await fill(op.examples.badRequest!)))
      expect(res.status).toBe(400)
      const body = errorSchema.parse(await res.json())
      expect(body.error.issues?.length).toBeGreaterThan(0)
    })
  }

  if (op.examples.notFound) {
    it('answers an unknown id with 404', async () => {
      expect(op.errors).toContain(404)
      const res = await fetch(baseUrl + op.examples.notFound!)
      expect(res.status).toBe(404)
      errorSchema.parse(await res.json())
    })
  }
})
