// Every operation in the OpenAPI document answers as documented: status, content type, and a body
// that the documented schema accepts; bad parameters give 400 and unknown ids 404, as JSON.
import { describe, expect, inject, it } from 'vitest'
import { apiOperations } from '@web/lib/openapi/operations'
import { errorSchema } from '@web/lib/openapi/dto-schemas'

const baseUrl = inject('baseUrl')

/**
 * Where the conformance test finds a real value for each placeholder of a path or a request
 * body: a field of the first item of a list answer, or a value made by a request of its own.
 */
const PLACEHOLDERS: Record<string, { list: string; field: string } | { make: () => Promise<string> }> = {
  permitNumber: { list: '/api/v1/permits?pageSize=1', field: 'permitNumber' },
  filingNumber: { list: '/api/v1/completion-filings?pageSize=1', field: 'filingNumber' },
  projectCode: { list: '/api/v1/projects?pageSize=1&stage=COMPLETION_FILING', field: 'projectCode' },
  uscc: { list: '/api/v1/enterprises?pageSize=1&type=CONTRACTOR', field: 'uscc' },
  id: { list: '/api/v1/practitioners?pageSize=1&type=CONSTRUCTOR_1', field: 'id' },
  recordId: { list: '/api/v1/exposure?pageSize=1', field: 'id' },
  // objections are not listed in public: submit one (counts once against the hourly limit)
  trackingNumber: { make: () => submitted() },
}

async function fillValue(name: string): Promise<string> {
  const source = PLACEHOLDERS[name]
  if (!source) throw new Error(`no example source for {${name}}`)
  if ('make' in source) return source.make()
  const body = await (await fetch(baseUrl + source.list)).json()
  return body.items[0][source.field]
}

async function fill(path: string): Promise<string> {
  let out = path
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) out = out.replace(`{${name}}`, encodeURIComponent(await fillValue(name)))
  return out
}

async function fillBody(body: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) {
    const m = /^\{(\w+)\}$/.exec(value)
    out[key] = m ? await fillValue(m[1]) : value
  }
  return out
}

/** GET the example, or POST its JSON body when the operation documents one. */
async function request(path: string, body: Record<string, string> | undefined): Promise<Response> {
  if (!body) return fetch(baseUrl + (await fill(path)))
  return fetch(baseUrl + (await fill(path)), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(await fillBody(body)) })
}

const objectionOperation = apiOperations.find((o) => o.operationId === 'submitObjection')!
let submittedOnce: Promise<string> | undefined
/** A tracking number of an objection submitted through the documented example (once per run). */
const submitted = (): Promise<string> =>
  (submittedOnce ??= request(objectionOperation.examples.ok, objectionOperation.examples.okBody).then(async (res) => {
    if (res.status !== 201) throw new Error(`submitting the example objection answered ${res.status}: ${await res.text()}`)
    return (await res.json()).trackingNumber as string
  }))

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
  it(`answers ${op.successStatus ?? 200} with the documented body`, async () => {
    const res = await request(op.examples.ok, op.examples.okBody)
    expect(res.status).toBe(op.successStatus ?? 200)
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
      const res = await request(op.examples.badRequest!, op.examples.badRequestBody)
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

describe('keyset paging of the list operations', () => {
  const get = async (path: string) => {
    const res = await fetch(baseUrl + path)
    return { status: res.status, body: await res.json() }
  }

  it('follows nextCursor to page 2 and prevCursor back to page 1; a bad cursor or a deep page number is a 400', async () => {
    const first = await get('/api/v1/permits?pageSize=3')
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ page: 1, prevCursor: null, totalCapped: false })
    expect(first.body.nextCursor).toEqual(expect.any(String))
    const second = await get(`/api/v1/permits?pageSize=3&cursor=${encodeURIComponent(first.body.nextCursor)}`)
    expect(second.status).toBe(200)
    expect(second.body.page).toBe(2)
    expect((await get('/api/v1/permits?pageSize=3&page=2')).body.items).toEqual(second.body.items)
    const back = await get(`/api/v1/permits?pageSize=3&cursor=${encodeURIComponent(second.body.prevCursor)}`)
    expect(back.body.items).toEqual(first.body.items)
    expect(back.body.page).toBe(1)

    for (const bad of ['/api/v1/permits?cursor=not-a-cursor', `/api/v1/enterprises?cursor=${encodeURIComponent(first.body.nextCursor)}`, '/api/v1/permits?page=51']) {
      const res = await fetch(baseUrl + bad)
      expect(res.status, bad).toBe(400)
      const body = errorSchema.parse(await res.json())
      expect(body.error.issues?.[0]?.parameter, bad).toBe(bad.includes('page=') ? 'page' : 'cursor')
    }
  })
})
