import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { describeFailure, parseRetryAfter, PortalApi } from './api-client'
import { fetchHttpClient, TransportError, withDeadline } from './http'
import { json, stall, stallBody, startServer, type TestServer } from './testing/server'
import { permitFields, validAnswer } from './testing/fixtures'

let server: TestServer
let api: PortalApi
const TIMEOUT = 300

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.requests.length = 0
  api = new PortalApi({
    http: fetchHttpClient(fetch as never),
    origin: server.origin,
    timeouts: { verify: TIMEOUT, jwks: TIMEOUT, read: TIMEOUT },
    clock: () => new Date('2025-05-06T00:00:00Z'),
  })
})

async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now()
  const value = await p
  return { value, ms: Date.now() - start }
}

describe('PortalApi.verify against a real HTTP server', () => {
  it('parses a valid answer and ignores members it does not know', async () => {
    const answer = { ...validAnswer(permitFields()), details: { participants: [] }, extra: 1 }
    server.route('/api/v1/verify', json(200, answer))
    const r = await api.verify('https://portal.example.gov.cn/v/AQAB+/=?&')
    expect(r).toEqual({ ok: true, data: validAnswer(permitFields()) })
    const req = server.requests[0]
    expect(req.method).toBe('GET')
    // the scanned text travels URL-encoded in `code`
    expect(new URL(req.url, server.origin).searchParams.get('code')).toBe('https://portal.example.gov.cn/v/AQAB+/=?&')
    // only CORS-safelisted headers: no preflight from the H5 build
    expect(req.headers.accept).toBe('application/json')
    expect(req.headers['content-type']).toBeUndefined()
    expect(req.headers.cookie).toBeUndefined()
  })

  it('reads the document number, contractor and supervisor when the portal sends them', async () => {
    const base = validAnswer(permitFields())
    const extended = { ...base, certificate: { ...base.certificate!, documentNumber: '460100202403150301', contractorName: '海南示例建设工程有限公司', supervisorName: null } }
    server.route('/api/v1/verify', json(200, extended))
    expect(await api.verify('x')).toEqual({ ok: true, data: extended })
  })

  it('reads an unknown status as UNKNOWN instead of failing', async () => {
    server.route('/api/v1/verify', json(200, { ...validAnswer(permitFields()), status: 'SUSPENDED' }))
    const r = await api.verify('x')
    expect(r.ok && r.data.status).toBe('UNKNOWN')
  })

  it('times out a server that never answers, within the deadline', async () => {
    server.route('/api/v1/verify', stall)
    const { value, ms } = await timed(api.verify('x'))
    expect(value).toMatchObject({ ok: false, failure: { kind: 'TIMEOUT', message: '平台响应超时' } })
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 20)
    expect(ms).toBeLessThan(TIMEOUT + 1500)
  })

  it('times out a server that sends the headers and then stalls the body', async () => {
    server.route('/api/v1/verify', stallBody)
    const { value, ms } = await timed(api.verify('x'))
    expect(value).toMatchObject({ ok: false, failure: { kind: 'TIMEOUT' } })
    expect(ms).toBeLessThan(TIMEOUT + 1500)
  })

  it('reports a refused connection as a network failure, quickly', async () => {
    const closed = await startServer()
    const origin = closed.origin
    await closed.close()
    const down = new PortalApi({ http: fetchHttpClient(fetch as never), origin, timeouts: { verify: 5000 } })
    const { value, ms } = await timed(down.verify('x'))
    expect(value).toMatchObject({ ok: false, failure: { kind: 'NETWORK' } })
    expect(ms).toBeLessThan(4000)
  })

  it('maps 429 with Retry-After', async () => {
    server.route('/api/v1/verify', json(429, { error: { code: 'rate_limited', message: '请求过于频繁' } }, { 'Retry-After': '30' }))
    const r = await api.verify('x')
    expect(r).toEqual({ ok: false, failure: { kind: 'RATE_LIMITED', status: 429, retryAfterSeconds: 30, message: '查询过于频繁，平台暂时拒绝了请求' } })
    expect(!r.ok && describeFailure(r.failure)).toBe('查询过于频繁，平台暂时拒绝了请求（约 30 秒后可再试）')
  })

  it('maps 5xx, 503 (with the portal message), 404 and 400', async () => {
    server.route('/api/v1/verify', json(502, '<html>Bad gateway</html>'))
    expect(await api.verify('x')).toMatchObject({ ok: false, failure: { kind: 'SERVER_ERROR', status: 502 } })
    server.route('/api/v1/verify', json(503, { error: { code: 'service_unavailable', message: '证书核验服务尚未配置，请稍后再试' } }))
    expect(await api.verify('x')).toMatchObject({ ok: false, failure: { kind: 'UNAVAILABLE', message: '证书核验服务尚未配置，请稍后再试' } })
    server.route('/api/v1/verify', json(400, { error: { code: 'bad_request', message: '核验码 code 过长' } }))
    expect(await api.verify('x')).toMatchObject({ ok: false, failure: { kind: 'REJECTED', status: 400, message: '核验码 code 过长' } })
    expect(await api.project('46010020240300017')).toMatchObject({ ok: false, failure: { kind: 'NOT_FOUND', status: 404, message: '未找到该资源' } })
  })

  it('calls malformed JSON and a wrong shape a bad response', async () => {
    server.route('/api/v1/verify', json(200, '{"genuine": true, '))
    expect(await api.verify('x')).toMatchObject({ ok: false, failure: { kind: 'BAD_RESPONSE', status: 200 } })
    server.route('/api/v1/verify', json(200, { genuine: 'yes', status: 'VALID', message: 'ok' }))
    expect(await api.verify('x')).toMatchObject({ ok: false, failure: { kind: 'BAD_RESPONSE' } })
    // `valid` may be absent (an older portal) but not of another type
    server.route('/api/v1/verify', json(200, { valid: 'yes', genuine: true, status: 'VALID', message: 'ok' }))
    expect(await api.verify('x')).toMatchObject({ ok: false, failure: { kind: 'BAD_RESPONSE' } })
    server.route('/api/v1/verify', json(200, { genuine: false, status: 'UNKNOWN', message: '不是真证书' }))
    expect(await api.verify('x')).toEqual({ ok: true, data: { genuine: false, status: 'UNKNOWN', message: '不是真证书' } })
    server.route('/api/v1/verify', json(200, '<!doctype html><title>WiFi login</title>'))
    expect(await api.verify('x')).toMatchObject({ ok: false, failure: { kind: 'BAD_RESPONSE' } })
  })

  it('fetches the JWKS unparsed and the read endpoints with their query', async () => {
    server.route('/.well-known/jwks.json', json(200, { keys: [] }))
    expect(await api.jwks()).toEqual({ ok: true, data: { keys: [] } })
    server.route('/api/v1/enterprises', json(200, { items: [], total: 0, page: 1, pageSize: 10, pageCount: 1 }))
    await api.searchEnterprises('海南 建设&')
    const url = new URL(server.requests.at(-1)!.url, server.origin)
    expect(url.searchParams.get('q')).toBe('海南 建设&')
    expect(url.searchParams.get('pageSize')).toBe('10')
  })
})

describe('withDeadline', () => {
  it('aborts the platform request when the deadline passes', async () => {
    let aborted = false
    const p = withDeadline(50, (onAbort) => {
      onAbort(() => {
        aborted = true
      })
      return new Promise(() => {})
    })
    await expect(p).rejects.toMatchObject({ kind: 'TIMEOUT' })
    expect(aborted).toBe(true)
  })

  it('turns a synchronous throw or any rejection into a NETWORK TransportError', async () => {
    await expect(withDeadline(1000, () => { throw new Error('boom') })).rejects.toBeInstanceOf(TransportError)
    await expect(withDeadline(1000, () => Promise.reject({ errMsg: 'request:fail' }))).rejects.toMatchObject({ kind: 'NETWORK', message: 'request:fail' })
  })
})

describe('parseRetryAfter', () => {
  const now = new Date('2025-05-06T00:00:00Z')
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120)
    expect(parseRetryAfter('Tue, 06 May 2025 00:01:00 GMT', now)).toBe(60)
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})
