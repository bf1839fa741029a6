// The exchange API's streamed export shares the process's export slots: a client whose slot is in
// use gets the exchange API's 429 error body with Retry-After before anything runs, another client
// is served, a refusal gives its slot back at once, and a slot comes back once the body is read.
import { describe, expect, it } from 'vitest'
import { EXPORT_RETRY_AFTER_SECONDS } from '@web/lib/api/export-route'
import { CLIENT_ADDRESS_HEADER } from '@web/server/rate-limit/client-key'
import { createConcurrencyCap } from '@web/server/rate-limit/concurrency-cap'
import { exchangeErrorSchema } from './exchange-error-schema'
import { cappedExchangeRoute } from './exchange-export-route'

const from = (ip: string) =>
  new Request('http://localhost:3000/api/exchange/v1/ministry-export', { headers: { [CLIENT_ADDRESS_HEADER]: ip, authorization: 'Bearer t' } })

describe('cappedExchangeRoute', () => {
  it('answers 429 with Retry-After while the client’s export streams, serves others, and frees the slot once read', async () => {
    const cap = createConcurrencyCap({ total: 10, perClient: 1, maxHoldMs: 60_000 })
    let runs = 0
    const route = cappedExchangeRoute(async () => {
      runs++
      return new Response(new Blob(['x'.repeat(50_000)]).stream(), { headers: { 'content-type': 'application/jsonl' } })
    }, () => cap)
    const first = await route(from('198.51.100.7'))
    expect(first.status).toBe(200)
    const refused = await route(from('198.51.100.7'))
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe(String(EXPORT_RETRY_AFTER_SECONDS))
    const body = exchangeErrorSchema.parse(await refused.json())
    expect(body.error.code).toBe('rate_limited')
    expect(runs).toBe(1)
    const other = await route(from('198.51.100.8'))
    expect(other.status).toBe(200)
    await other.body!.cancel()
    expect((await first.text()).length).toBe(50_000)
    expect(cap.inUse()).toBe(0)
  })

  it('gives the slot back at once for a refusal (no token, wrong scope)', async () => {
    const cap = createConcurrencyCap({ total: 1, perClient: 1, maxHoldMs: 60_000 })
    const route = cappedExchangeRoute(async () => Response.json({ error: { code: 'unauthorized', message: '缺少有效的访问令牌' } }, { status: 401 }), () => cap)
    expect((await route(from('198.51.100.7'))).status).toBe(401)
    expect(cap.inUse()).toBe(0)
  })
})
