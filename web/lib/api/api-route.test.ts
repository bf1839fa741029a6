// The API routes' answers to other sites (CORS only for reads) and the guard of the public POST
// endpoints (same origin or none, JSON only, bodies counted while read).
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from './api-error'
import { answerPreflight, apiRoute, jsonPostRoute, readJsonBody } from './api-route'

// Outside a Next request there is no request store for connection().
vi.mock('next/server', () => ({ connection: async () => {} }))

describe('CORS of the API routes', () => {
  const read = apiRoute(async () => Response.json({ ok: true }))
  const failing = apiRoute(async () => {
    throw ApiError.notFound('项目')
  })
  const none = { params: Promise.resolve({}) }

  it('lets any site read GET and HEAD answers, errors included', async () => {
    for (const method of ['GET', 'HEAD']) {
      expect((await read(new Request('http://x/api', { method }), none)).headers.get('access-control-allow-origin')).toBe('*')
    }
    const error = await failing(new Request('http://x/api'), none)
    expect(error.status).toBe(404)
    expect(error.headers.get('access-control-allow-origin')).toBe('*')
    expect(error.headers.get('access-control-expose-headers')).toContain('Retry-After')
  })

  it('puts no CORS header on a POST answer', async () => {
    const res = await read(new Request('http://x/api', { method: 'POST', body: '{}' }), none)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers a preflight for POST without allowing it, and one for GET with the read headers', () => {
    const post = answerPreflight(new Request('http://x/api', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }))
    expect(post.status).toBe(204)
    expect(post.headers.get('access-control-allow-origin')).toBeNull()
    expect(post.headers.get('access-control-allow-methods')).toBeNull()
    const get = answerPreflight(new Request('http://x/api', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } }))
    expect(get.headers.get('access-control-allow-origin')).toBe('*')
    expect(get.headers.get('access-control-allow-methods')).toBe('GET, HEAD')
  })
})

describe('jsonPostRoute', () => {
  const PORTAL = 'https://jzsc.example.gov.cn'
  const route = jsonPostRoute(
    () => PORTAL,
    async (request) => Response.json({ got: await readJsonBody(request, 100, '请求体必须是 JSON') }, { status: 201 }),
  )
  const none = { params: Promise.resolve({}) }
  const post = (init: { headers?: Record<string, string>; body?: BodyInit }) =>
    route(new Request(`${PORTAL}/api/v1/x`, { method: 'POST', body: init.body ?? '{"a":1}', headers: init.headers, duplex: 'half' } as RequestInit), none)

  it('accepts JSON from the portal itself and from callers that send no Origin', async () => {
    const callers: Record<string, string>[] = [{ 'content-type': 'application/json' }, { 'content-type': 'application/json; charset=utf-8', origin: PORTAL }]
    for (const headers of callers) {
      const res = await post({ headers })
      expect(res.status).toBe(201)
      expect(await res.json()).toEqual({ got: { a: 1 } })
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('refuses another origin with 403 naming Origin, before reading anything', async () => {
    for (const origin of ['https://evil.example', 'null', `${PORTAL}:8443`, 'http://jzsc.example.gov.cn']) {
      const res = await post({ headers: { 'content-type': 'application/json', origin } })
      expect(res.status, origin).toBe(403)
      const body = await res.json()
      expect(body.error).toMatchObject({ code: 'forbidden', issues: [{ parameter: 'Origin' }] })
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('refuses every media type but application/json with 415 naming Content-Type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', '']) {
      const res = await post({ headers: type ? { 'content-type': type } : {} })
      expect(res.status, type).toBe(415)
      expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type', issues: [{ parameter: 'Content-Type', message: '应为 application/json' }] } })
    }
  })

  it('answers 413 for a chunked body over the limit without reading it whole', async () => {
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled++ >= 1000) return controller.close()
        controller.enqueue(new TextEncoder().encode(' '.repeat(64)))
      },
    })
    const res = await post({ headers: { 'content-type': 'application/json' }, body })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('payload_too_large')
    expect(pulled).toBeLessThan(5)
  })

  it('answers 413 for a declared length over the limit and 400 for a body that is not JSON', async () => {
    expect((await post({ headers: { 'content-type': 'application/json', 'content-length': '101' } })).status).toBe(413)
    const bad = await post({ headers: { 'content-type': 'application/json' }, body: '{"a":' })
    expect(bad.status).toBe(400)
  })
})
