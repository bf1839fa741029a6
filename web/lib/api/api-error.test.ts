import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { API_ERROR_CODES, ApiError, apiErrorSchema, toErrorResponse } from './api-error'
import { apiRoute, parseQuery } from './api-route'
import { paginationSchema } from '@web/server/lib/pagination'

// Outside a Next request there is no request store for connection(); the running server is
// exercised by the API tests against `next start`.
vi.mock('next/server', () => ({ connection: async () => {} }))

describe('toErrorResponse', () => {
  it('answers a zod error with 400 naming the parameter', async () => {
    const res = toErrorResponse(paginationSchema.safeParse({ pageSize: '500' }).error)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toBe('bad_request')
    expect(body.error.issues).toEqual([{ parameter: 'pageSize', message: 'pageSize 不能超过 100' }])
  })

  it('keeps the status and headers of an ApiError', async () => {
    const res = toErrorResponse(new ApiError('rate_limited', 429, '请求过于频繁', [], { 'retry-after': '7' }))
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
  })

  it('hides the details of an unexpected error behind a 500', async () => {
    const spy = console.error
    console.error = () => {}
    try {
      const res = toErrorResponse(new TypeError('secret stack'))
      expect(res.status).toBe(500)
      expect(JSON.stringify(await res.json())).not.toContain('secret')
    } finally {
      console.error = spy
    }
  })
})

describe('apiRoute + parseQuery', () => {
  const handler = apiRoute(async (request) => {
    const q = parseQuery(z.object({ n: z.coerce.number().int() }), request)
    if (q.n === 404) throw ApiError.notFound('项目')
    return Response.json({ n: q.n })
  })
  const call = (qs: string) => handler(new Request(`http://x/api?${qs}`), { params: Promise.resolve({}) })

  it('returns the handler result', async () => {
    expect(await (await call('n=3')).json()).toEqual({ n: 3 })
  })
  it('turns bad input into 400 and unknown ids into 404', async () => {
    expect((await call('n=abc')).status).toBe(400)
    expect((await call('n=404')).status).toBe(404)
  })
})

describe('the error-code list', () => {
  it('describes every error body, the 503 of an unconfigured service included', async () => {
    const answers = [
      toErrorResponse(ApiError.serviceUnavailable('证书核验服务尚未配置，请稍后再试', { 'Retry-After': '300' })),
      toErrorResponse(ApiError.notFound('该企业')),
      toErrorResponse(new ApiError('conflict', 409, '证书状态已被他人更改')),
      toErrorResponse(new TypeError('boom')),
    ]
    const spy = console.error
    console.error = () => {}
    try {
      for (const res of answers) expect(apiErrorSchema.safeParse(await res.json()).success).toBe(true)
    } finally {
      console.error = spy
    }
    expect(answers[0].status).toBe(503)
    expect(answers[0].headers.get('retry-after')).toBe('300')
  })

  it('is the list the OpenAPI document publishes', () => {
    const doc = JSON.stringify(z.toJSONSchema(apiErrorSchema))
    for (const code of API_ERROR_CODES) expect(doc).toContain(`"${code}"`)
    expect(apiErrorSchema.safeParse({ error: { code: 'unheard_of', message: 'x' } }).success).toBe(false)
  })
})
