// The objection routes with the repository replaced: what reaches it, the 400/413/429 answers, the
// per-client hourly limit (failed submissions count too) and the status route's checks.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('next/server', () => ({ connection: async () => {} }))
// read by web/lib/env when the routes are imported below
vi.stubEnv('OBJECTION_RATE_LIMIT_PER_HOUR', '4')
afterAll(() => vi.unstubAllEnvs())
const repository = vi.hoisted(() => ({ submitObjection: vi.fn(), getObjection: vi.fn() }))
vi.mock('@web/server/objections/objections-repository', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@web/server/objections/objections-repository')>()),
  ...repository,
}))

const { ObjectionRefusedError } = await import('@web/server/objections/objections-repository')
const { POST } = await import('../../app/api/v1/objections/route')
const status = await import('../../app/api/v1/objections/[trackingNumber]/route')

const ORIGIN = 'http://localhost:3000'
const none = { params: Promise.resolve({}) as Promise<Record<string, never>> }
const TRACKING = 'YY20261124K7M2QX9PAR4TC'
const valid = { recordId: 'cir1', kind: 'OBJECTION', applicantName: '海南测试公司', contactPhone: '13800138000', reasons: '记录的文号有误，请核实更正。' }

let client = 0
/** Each test is its own client (X-Forwarded-For), unless it shares one on purpose. */
const post = (body: unknown, ip = `10.0.0.${++client}`, raw?: string) =>
  POST(new Request(`${ORIGIN}/api/v1/objections`, { method: 'POST', body: raw ?? JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-forwarded-for': ip } }), none)

beforeEach(() => {
  vi.clearAllMocks()
  repository.submitObjection.mockResolvedValue(TRACKING)
  repository.getObjection.mockResolvedValue({ trackingNumber: TRACKING, status: 'SUBMITTED', contactPhoneMasked: '138****8000' })
})

describe('POST /api/v1/objections', () => {
  it('stores a valid request and answers 201 with the tracking number and the status page', async () => {
    const res = await post(valid)
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe(`/credit/objections/${TRACKING}`)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toMatchObject({ trackingNumber: TRACKING, statusUrl: `/credit/objections/${TRACKING}` })
    expect(repository.submitObjection).toHaveBeenCalledWith({ ...valid, email: null, rectification: null })
  })

  it('answers 400 naming every wrong field, and stores nothing', async () => {
    const res = await post({ ...valid, contactPhone: '12345', reasons: '短' })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.issues.map((i: { parameter: string }) => i.parameter).sort()).toEqual(['contactPhone', 'reasons'])
    expect(body.error.issues[0].message).toMatch(/[\u4e00-\u9fff]/)
    expect(repository.submitObjection).not.toHaveBeenCalled()
    expect((await post(undefined, undefined, '{not json')).status).toBe(400)
  })

  it('answers 400 naming the field when the record does not allow the request', async () => {
    repository.submitObjection.mockRejectedValue(new ObjectionRefusedError('kind', '信用修复只适用于不良行为记录'))
    const res = await post({ ...valid, kind: 'REPAIR', rectification: '已经完成全部整改并经复查合格。' })
    expect(res.status).toBe(400)
    expect((await res.json()).error.issues).toEqual([{ parameter: 'kind', message: '信用修复只适用于不良行为记录' }])
  })

  it('answers 404 when the record does not exist or is not public today, saying nothing about which', async () => {
    repository.submitObjection.mockRejectedValue(new ObjectionRefusedError('recordId', '该记录当前不在公示期内（未开始公示、公示期已满或已撤回），不能提出申请'))
    const res = await post(valid)
    expect(res.status).toBe(404)
    const body = await res.json()
    expect(body.error.code).toBe('not_found')
    expect(body.error.message).not.toMatch(/期满|撤回|未开始/)
  })

  it('answers 413 for a body over 16 KB', async () => {
    const res = await post({ ...valid, reasons: '理'.repeat(6000) })
    expect(res.status).toBe(413)
    expect(repository.submitObjection).not.toHaveBeenCalled()
  })

  it('limits each client per hour, failed submissions included, with Retry-After', async () => {
    const ip = '10.9.9.9'
    expect((await post({ ...valid, contactPhone: 'x' }, ip)).status).toBe(400)
    for (let i = 0; i < 3; i++) expect((await post(valid, ip)).status).toBe(201)
    const limited = await post(valid, ip)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await limited.json()).error.message).toMatch(/分钟后再试/)
    expect(repository.submitObjection).toHaveBeenCalledTimes(3)
    // another client is not affected
    expect((await post(valid, '10.9.9.10')).status).toBe(201)
  })
})

describe('GET /api/v1/objections/{trackingNumber}', () => {
  const get = (trackingNumber: string) =>
    status.GET(new Request(`${ORIGIN}/api/v1/objections/${trackingNumber}`), { params: Promise.resolve({ trackingNumber }) })

  it('answers the status, normalized, never cached', async () => {
    const res = await get(TRACKING.toLowerCase())
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(repository.getObjection).toHaveBeenCalledWith(TRACKING)
  })

  it('answers 400 for a number with a wrong check character and 404 for an unknown one', async () => {
    const bad = await get(`${TRACKING.slice(0, -1)}X`)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.issues[0].parameter).toBe('trackingNumber')
    expect(repository.getObjection).not.toHaveBeenCalled()
    repository.getObjection.mockResolvedValue(null)
    expect((await get(TRACKING)).status).toBe(404)
  })
})
