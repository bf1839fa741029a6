// The production server's standard output (scripts/serve/portal.ts, the built app): JSON lines
// only, Next's own errors included, with the request id of the request they concern; slow
// database operations under the request that ran them; no ID or mobile number anywhere, even when
// a client puts one in a URL or in what Next quotes back. A portal of its own, so that its output
// holds only this test's requests.
import http from 'node:http'
import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOwnPortal } from './support/own-portal.ts'

const ID_NUMBER = '46010019800101001X'
const PHONE = '13812345678'

let server: ChildProcess
let port: number
let output: string[] = []
let errors: string[] = []

function get(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; requestId: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, requestId: String(res.headers['x-request-id']) }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

/** Every line the portal wrote to standard output so far, parsed; a line that is not JSON fails the test naming it. */
function lines(): Record<string, unknown>[] {
  return output
    .join('')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>
      } catch {
        throw new Error(`not a JSON line: ${l.slice(0, 300)}`)
      }
    })
}

beforeAll(async () => {
  const portal = await startOwnPortal({
    REDIS_KEY_PREFIX: `e2e-logs-${process.pid}-${Date.now()}:`,
    // the lowest threshold: most operations write their line
    SLOW_QUERY_MS: '1',
    LOG_LEVEL: 'info',
  })
  ;({ server, port, stdout: output, stderr: errors } = portal)
}, 90_000)

afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGTERM')
})

describe('the production server’s log', () => {
  it('writes Next’s own error for a request as a JSON line with its request id, numbers redacted', async () => {
    // an unknown server action: Next reports it on the console, quoting the id it was sent
    const answer = await get('/', {
      method: 'POST',
      headers: { 'next-action': `${PHONE}${ID_NUMBER}`, 'content-type': 'text/plain;charset=UTF-8' },
      body: '[]',
    })
    expect(answer.status).toBeGreaterThanOrEqual(400)
    await new Promise((r) => setTimeout(r, 200))
    const fromNext = lines().filter((l) => l.source === 'console' && l.requestId === answer.requestId)
    expect(fromNext.length).toBeGreaterThan(0)
    for (const line of fromNext) expect(['warn', 'error']).toContain(line.level)
  })

  it('puts slow-operation lines under requests it served', async () => {
    const answers = await Promise.all(['/', '/permits', '/enterprises', '/api/v1/permits?pageSize=5', `/practitioners/${ID_NUMBER}`].map((p) => get(p)))
    await new Promise((r) => setTimeout(r, 200))
    const served = new Set(lines().filter((l) => l.msg === 'request').map((l) => l.requestId))
    for (const a of answers) expect(served.has(a.requestId)).toBe(true)
    const slow = lines().filter((l) => l.msg === 'slow query')
    for (const line of slow) {
      expect(typeof line.operation).toBe('string')
      // background work (the status list's re-signing timer) runs outside any request: no id;
      // a line that names a request names one this server served
      if ('requestId' in line) expect(served.has(line.requestId), JSON.stringify(line)).toBe(true)
    }
  })

  it('is JSON from the first line to the last, with no ID or mobile number anywhere', () => {
    const all = lines()
    expect(all.some((l) => l.msg === 'portal listening')).toBe(true)
    // standard error too (Node's own warnings go there, as plain text)
    const text = output.join('') + errors.join('')
    expect(text).not.toContain(ID_NUMBER)
    expect(text).not.toContain(PHONE)
  })
})
