// The production server's graceful shutdown under load: a portal of its own (the built app behind
// scripts/serve/portal.ts, on this run's database) gets a batch of concurrent requests — pages,
// API reads, and verification POSTs whose bodies trickle in over seconds — and SIGTERM while they
// are in flight. Every request already accepted must be answered 200, a new connection must be
// refused at once, and the process must exit 0 with a 'stopped' log line.
import http from 'node:http'
import { readFileSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOwnPortal } from './support/own-portal.ts'

interface Answer {
  status: number
  body: string
  requestId: string | undefined
}

let server: ChildProcess
let port: number
let output: string[] = []

function collect(req: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, requestId: res.headers['x-request-id'] as string | undefined }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

/** A GET on a connection of its own. */
function get(path: string): { answer: Promise<Answer>; connected: Promise<void> } {
  const req = http.get({ host: '127.0.0.1', port, path, agent: false })
  const connected = new Promise<void>((resolve) => req.once('socket', (s) => s.once('connect', () => resolve())))
  return { answer: collect(req), connected }
}

/**
 * Connections the kernel completed but the portal has not accepted yet (the listening socket's
 * receive queue in /proc/net/tcp). Closing a listening socket resets those, so "in flight" starts
 * once the portal has taken them: on a loaded 2-core machine that can be seconds after connect.
 */
function acceptQueueLength(): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/)
    if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') return parseInt(fields[4].split(':')[1], 16)
  }
  throw new Error(`no listening socket on port ${port} in /proc/net/tcp`)
}

/** A verification POST whose JSON body arrives in small pieces over about `ms` milliseconds. */
function tricklingPost(ms: number): { answer: Promise<Answer>; headersSent: Promise<void> } {
  const pieces = 20
  const body = `{"code": "not-a-certificate"${' '.repeat(pieces * 5)}}`
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/v1/verify',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  })
  const answer = collect(req)
  const headersSent = new Promise<void>((resolve) => req.once('socket', (s) => s.once('connect', () => resolve())))
  const size = Math.ceil(body.length / pieces)
  let i = 0
  const tick = () => {
    const piece = body.slice(i * size, (i + 1) * size)
    i++
    if (i >= pieces || !piece) req.end(piece)
    else {
      req.write(piece)
      setTimeout(tick, ms / pieces)
    }
  }
  tick()
  return { answer, headersSent }
}

function connectionRefused(): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/health', agent: false })
    req.on('response', (res) => (res.resume(), resolve(false)))
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

beforeAll(async () => {
  const portal = await startOwnPortal({
    // a count of its own: this test must not spend the budget of the portal the other tests use
    REDIS_KEY_PREFIX: `e2e-shutdown-${process.pid}-${Date.now()}:`,
    VERIFY_RATE_LIMIT_PER_MINUTE: '100000',
    SHUTDOWN_TIMEOUT_SECONDS: '20',
  })
  ;({ server, port, output } = portal)
  // render each page once, so that the batch below measures the shutdown rather than a cold start
  for (const path of ['/', '/permits', '/api/v1/permits', '/enterprises']) await get(path).answer
}, 120_000)

afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL')
})

describe('graceful shutdown', () => {
  it('answers every request in flight at SIGTERM, refuses new connections and exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))
    const slow = Array.from({ length: 12 }, (_, i) => tricklingPost(6000 + i * 100))
    const slowAnsweredAt: number[] = []
    slow.forEach((s, i) => void s.answer.then(() => (slowAnsweredAt[i] = Date.now()), () => {}))
    const paths = ['/', '/permits', '/api/v1/permits', '/enterprises', '/api/v1/enterprises', '/api/health', '/api/v1/verify?code=not-a-certificate']
    const quick = Array.from({ length: 48 }, (_, i) => get(paths[i % paths.length]))
    await Promise.all([...slow.map((s) => s.headersSent), ...quick.map((q) => q.connected)])
    for (let waited = 0; acceptQueueLength() > 0; waited += 20) {
      if (waited > 20_000) throw new Error('the portal did not accept the connections within 20 s')
      await new Promise((r) => setTimeout(r, 20))
    }
    await new Promise((r) => setTimeout(r, 300))

    server.kill('SIGTERM')
    // the server has stopped listening once it says so (on a busy machine the signal waits its turn)
    for (let waited = 0; !output.join('').includes('"msg":"shutting down'); waited += 50) {
      if (waited > 10_000) throw new Error(`no shutdown line after SIGTERM:\n${output.join('').slice(-2000)}`)
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(await connectionRefused()).toBe(true)
    const refusedAt = Date.now()

    const answers = await Promise.all([...slow.map((s) => s.answer), ...quick.map((q) => q.answer)])
    // the trickling bodies were still arriving when new connections were already refused
    for (const at of slowAnsweredAt) expect(at).toBeGreaterThan(refusedAt)
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200))
    for (const a of answers.slice(0, slow.length)) expect(JSON.parse(a.body)).toMatchObject({ genuine: false })
    expect(new Set(answers.map((a) => a.requestId)).size).toBe(answers.length)

    expect(await exited).toBe(0)
    const lines = output
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.find((l) => l.msg === 'stopped')).toMatchObject({ drained: true })
    // one access line per answered request, each with the id the client got
    const logged = new Set(lines.filter((l) => l.msg === 'request').map((l) => l.requestId))
    for (const a of answers) expect(logged.has(a.requestId)).toBe(true)
  }, 60_000)
})
