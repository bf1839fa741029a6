import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { describeFailure, parseRetryAfter, PortalApi } from './api-client'
import { fetchHttpClient, TransportError, withDeadline } from './http'
import { json, stall, stallBody, startServer, type TestServer } from './testing/server'
import { manualDeadlines, type ManualDeadlines } from './testing/deadlines'
import { permitFields, validAnswer } from './testing/fixtures'

let server: TestServer
let api: PortalApi
// the deadlines fire when a test fires them: no test waits for or measures real time
let deadlines: ManualDeadlines
const TIMEOUT = 300
/** responses whose status and headers have arrived (the body may still be on its way) */
let headersReceived = 0
const countingFetch = (async (input: string, init?: Record<string, unknown>) => {
  const response = await fetch(input, init as RequestInit)
  headersReceived++
  return response
}) as never

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.requests.length = 0
  headersReceived = 0
  deadlines = manualDeadlines()
  api = new PortalApi({
    http: fetchHttpClient(countingFetch, deadlines.timer),
    origin: server.origin,
    timeouts: { verify: TIMEOUT, jwks: TIMEOUT, read: TIMEOUT },
    clock: () => new Date('2025-05-06T00:00:00Z'),
  })
})

/** Tracks whether a promise has settled, without awaiting it. */
function track<T>(p: Promise<T>) {
  const state = { settled: false }
  p.then(
    () => (state.settled = true),
    () => (state.settled = true),
  )
  return state
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

  it('times out a server that never answers when the deadline fires, and aborts the request', async () => {
    server.route('/api/v1/verify', stall)
    const answer = api.verify('x')
    const state = track(answer)
    await vi.waitFor(() => expect(server.requests).toHaveLength(1))
    // one deadline, of the verification timeout, and nothing settles before it fires
    expect(deadlines.pending()).toEqual([TIMEOUT])
    expect(state.settled).toBe(false)
    expect(server.requests[0].abandoned).toBe(false)
    expect(deadlines.fire(TIMEOUT)).toBe(1)
    expect(await answer).toMatchObject({ ok: false, failure: { kind: 'TIMEOUT', message: '平台响应超时' } })
    // the platform request is cancelled, not left running
    await vi.waitFor(() => expect(server.requests[0].abandoned).toBe(true))
  })

  it('times out a server that sends the headers and then stalls the body, and aborts the read', async () => {
    server.route('/api/v1/verify', stallBody)
    const answer = api.verify('x')
    const state = track(answer)
    await vi.waitFor(() => expect(headersReceived).toBe(1))
    // the headers are in, the body never completes: the deadline still covers it
    expect(state.settled).toBe(false)
    expect(deadlines.fire(TIMEOUT)).toBe(1)
    expect(await answer).toMatchObject({ ok: false, failure: { kind: 'TIMEOUT' } })
    await vi.waitFor(() => expect(server.requests[0].abandoned).toBe(true))
  })

  it('reports a refused connection as a network failure without waiting for the deadline', async () => {
    const closed = await startServer()
    const origin = closed.origin
    await closed.close()
    // a deadline that never fires: a NETWORK answer cannot have come from waiting for it
    const never = manualDeadlines()
    const down = new PortalApi({ http: fetchHttpClient(fetch as never, never.timer), origin, timeouts: { verify: 5000 } })
    expect(await down.verify('x')).toMatchObject({ ok: false, failure: { kind: 'NETWORK' } })
    expect(never.armed()).toEqual([5000])
    // and its deadline is cancelled, not left to fire later
    expect(never.pending()).toEqual([])
  })

  it('cancels the deadline of a request that is answered', async () => {
    server.route('/api/v1/verify', json(200, validAnswer(permitFields())))
    expect((await api.verify('x')).ok).toBe(true)
    expect(deadlines.armed()).toEqual([TIMEOUT])
    expect(deadlines.pending()).toEqual([])
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
  it('aborts the platform request when the deadline fires, and not before', async () => {
    const d = manualDeadlines()
    let aborted = false
    const p = withDeadline(
      50,
      (onAbort) => {
        onAbort(() => {
          aborted = true
        })
        return new Promise(() => {})
      },
      d.timer,
    )
    const state = track(p)
    await Promise.resolve()
    expect([state.settled, aborted]).toEqual([false, false])
    expect(d.pending()).toEqual([50])
    d.fire()
    await expect(p).rejects.toMatchObject({ kind: 'TIMEOUT' })
    expect(aborted).toBe(true)
  })

  it('ignores an answer that arrives after the deadline fired', async () => {
    const d = manualDeadlines()
    let answer!: (value: string) => void
    const p = withDeadline(50, () => new Promise<string>((resolve) => (answer = resolve)), d.timer)
    d.fire()
    answer('too late')
    await expect(p).rejects.toMatchObject({ kind: 'TIMEOUT' })
  })

  it('uses a real timer when none is injected', async () => {
    // a 1 ms deadline against a promise that never settles: only the real timer can end it
    await expect(withDeadline(1, () => new Promise(() => {}))).rejects.toMatchObject({ kind: 'TIMEOUT' })
  })

  it('turns a synchronous throw or any rejection into a NETWORK TransportError, and cancels the deadline', async () => {
    const d = manualDeadlines()
    await expect(withDeadline(1000, () => { throw new Error('boom') }, d.timer)).rejects.toBeInstanceOf(TransportError)
    await expect(withDeadline(1000, () => Promise.reject({ errMsg: 'request:fail' }), d.timer)).rejects.toMatchObject({ kind: 'NETWORK', message: 'request:fail' })
    expect(d.armed()).toEqual([1000, 1000])
    expect(d.pending()).toEqual([])
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
