// The server core with a plain handler in place of Next's: request ids, the client address, the
// access log, a failing handler, and the graceful shutdown. (The whole portal's shutdown under load
// is tests/e2e/graceful-shutdown.e2e.test.ts.)
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { configureLogger, getLogger } from '@web/server/lib/logger'
import { createPortalServer, type PortalServer, type RequestHandler } from './portal-server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function captureLogs() {
  const lines: Record<string, unknown>[] = []
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      cb()
    },
  })
  configureLogger({ level: 'info', destination })
  return lines
}

let running: PortalServer | null = null
afterEach(async () => {
  if (running?.server.listening) await running.shutdown(1000)
  running = null
  configureLogger({ level: 'info' })
})

async function start(handle: RequestHandler, trustedProxyCount = 0): Promise<number> {
  running = createPortalServer({ handle, trustedProxyCount, logger: getLogger })
  await new Promise<void>((resolve) => running!.server.listen(0, '127.0.0.1', resolve))
  return (running.server.address() as AddressInfo).port
}

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function request(port: number, path: string, headers: Record<string, string> = {}, agent?: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
  })
}

/** What the handler saw, as JSON. */
const echo: RequestHandler = async (req, res) => {
  getLogger().info('inside the handler')
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify({ requestId: req.headers['x-request-id'], clientIp: req.headers['x-portal-client-ip'] ?? null }))
}

describe('the portal server', () => {
  it('gives every request a fresh request id, to the application and in the answer', async () => {
    const lines = captureLogs()
    const port = await start(echo)
    const a = await request(port, '/a', { 'x-request-id': 'caller-token-1' })
    const b = await request(port, '/b')
    const seenA = JSON.parse(a.body)
    expect(a.headers['x-request-id']).toMatch(UUID)
    expect(seenA.requestId).toBe(a.headers['x-request-id'])
    expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id'])
    // the handler's own lines carry it too, and the caller's token only as a separate field
    expect(lines.find((l) => l.msg === 'inside the handler' && l.requestId === seenA.requestId)).toBeDefined()
    expect(lines.find((l) => l.msg === 'request' && l.path === '/a')).toMatchObject({ requestId: seenA.requestId, clientRequestId: 'caller-token-1' })
  })

  it('sets the client address from the socket, whatever the client claims', async () => {
    const port = await start(echo)
    const answer = await request(port, '/', { 'x-forwarded-for': '203.0.113.9', 'x-portal-client-ip': '198.51.100.7' })
    expect(JSON.parse(answer.body).clientIp).toBe('127.0.0.1')
  })

  it('behind one trusted proxy, takes the address the proxy appended', async () => {
    const port = await start(echo, 1)
    const answer = await request(port, '/', { 'x-forwarded-for': '198.51.100.7, 203.0.113.9', 'x-portal-client-ip': '10.0.0.1' })
    expect(JSON.parse(answer.body).clientIp).toBe('203.0.113.9')
    // garbage where the proxy's entry should be: no address rather than the client's pick
    const garbage = await request(port, '/', { 'x-forwarded-for': 'not-an-address' })
    expect(JSON.parse(garbage.body).clientIp).toBeNull()
  })

  it('writes one access line per request without query values', async () => {
    const lines = captureLogs()
    const port = await start(async (_req, res) => {
      res.statusCode = 404
      res.end('no')
    })
    await request(port, '/credit/objections/26A1B2C3D4E5F6G7H8K?q=460100198001010011&page=2')
    const access = lines.filter((l) => l.msg === 'request')
    expect(access).toHaveLength(1)
    expect(access[0]).toMatchObject({ level: 'info', method: 'GET', path: '/credit/objections/:trackingNumber', query: ['q', 'page'], status: 404 })
    expect(access[0].durationMs).toEqual(expect.any(Number))
    expect(JSON.stringify(lines)).not.toMatch(/460100198001010011|26A1B2C3D4E5F6G7H8K/)
  })

  it('answers 500 with the request id when the handler throws, and logs the error', async () => {
    const lines = captureLogs()
    const port = await start(async () => {
      throw new Error('boom')
    })
    const answer = await request(port, '/x')
    expect(answer.status).toBe(500)
    expect(JSON.parse(answer.body).error.requestId).toBe(answer.headers['x-request-id'])
    expect(lines.find((l) => l.msg === 'request handler failed')).toMatchObject({ level: 'error', requestId: answer.headers['x-request-id'] })
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ level: 'error', status: 500 })
  })

  it('on shutdown finishes the requests in flight, refuses new connections and closes kept-alive ones', async () => {
    captureLogs()
    const port = await start(async (req, res) => {
      const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 0)
      await new Promise((r) => setTimeout(r, ms))
      res.end('done')
    })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 })
    await request(port, '/warm', {}, agent) // leaves an idle kept-alive connection
    const slow = Array.from({ length: 10 }, (_, i) => request(port, `/slow?ms=${1500 + i * 20}`, {}, agent))
    // all ten accepted and being served (on a busy machine this takes a moment)
    for (let waited = 0; running!.inFlight() < 10 && waited < 1000; waited += 10) await new Promise((r) => setTimeout(r, 10))
    expect(running!.inFlight()).toBe(10)
    const stopping = running!.shutdown(5000)
    await new Promise((r) => setTimeout(r, 50))
    await expect(request(port, '/late')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    const answers = await Promise.all(slow)
    expect(answers.map((a) => [a.status, a.body])).toEqual(answers.map(() => [200, 'done']))
    await expect(stopping).resolves.toBe(true)
    expect(running!.server.listening).toBe(false)
    agent.destroy()
  })

  it('cuts what is still running at the timeout and says so', async () => {
    captureLogs()
    const port = await start(async () => {
      await new Promise(() => {}) // never answers
    })
    const hanging = request(port, '/hang')
    await new Promise((r) => setTimeout(r, 100))
    const started = Date.now()
    await expect(running!.shutdown(300)).resolves.toBe(false)
    expect(Date.now() - started).toBeLessThan(2000)
    await expect(hanging).rejects.toMatchObject({ code: 'ECONNRESET' })
  })
})
