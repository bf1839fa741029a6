// The completion-filing API routes with the use cases replaced: what each route parses and passes
// on, its status codes and the CSV columns. That answers match the documented schemas is the e2e
// OpenAPI conformance test's job (tests/e2e/openapi-conformance.e2e.test.ts), so it is not
// repeated here on mocked data.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CompletionFilingListItem } from '@web/server/completion-filings/completion-filings-schemas'

vi.mock('next/server', () => ({ connection: async () => {} }))
const db = vi.hoisted(() => ({ fake: 'db' }))
vi.mock('@web/lib/db', () => ({ getDb: () => db }))
const useCases = vi.hoisted(() => ({ listCompletionFilings: vi.fn(), getCompletionFiling: vi.fn(), exportCompletionFilings: vi.fn() }))
vi.mock('@web/server/completion-filings/list-completion-filings', () => ({ listCompletionFilings: useCases.listCompletionFilings }))
vi.mock('@web/server/completion-filings/get-completion-filing', () => ({ getCompletionFiling: useCases.getCompletionFiling }))
vi.mock('@web/server/completion-filings/export-completion-filings', () => ({ exportCompletionFilings: useCases.exportCompletionFilings }))

const { GET: list } = await import('./route')
const { GET: detail } = await import('./[filingNumber]/route')
const { GET: exportList } = await import('./export/route')

const item: CompletionFilingListItem = {
  filingNumber: 'JB460100202512300101',
  projectCode: '46010020240300017',
  projectName: '海口市测试项目',
  category: 'MUNICIPAL',
  regionCode: '460100',
  regionName: '海口市',
  ownerName: '海南测试置业有限公司',
  ownerUscc: '91460100TEST00001A',
  contractors: [
    { name: '海南测试建工集团有限公司', uscc: '91460100TEST00004D' },
    { name: '海南测试路桥有限公司', uscc: '91460100TEST00006F' },
  ],
  acceptedOn: '2025-12-20',
  filedOn: '2025-12-30',
  actualCost: 12345.67,
  actualArea: null,
  status: 'REVOKED',
}
const none = { params: Promise.resolve({}) as Promise<Record<string, never>> }
const req = (path: string) => new Request(`http://localhost${path}`)

beforeEach(() => vi.clearAllMocks())

describe('GET /api/v1/completion-filings', () => {
  it('passes the parsed filters on', async () => {
    useCases.listCompletionFilings.mockResolvedValue({ items: [item], total: 1, page: 1, pageSize: 20, pageCount: 1 })
    const res = await list(req('/api/v1/completion-filings?q=JB46&region=460100&year=2025&from=2025-01-01&to=2025-12-31&category=MUNICIPAL&status=REVOKED'), none)
    expect(res.status).toBe(200)
    expect(useCases.listCompletionFilings).toHaveBeenCalledWith(db, {
      q: 'JB46', region: '460100', year: 2025, from: '2025-01-01', to: '2025-12-31', category: 'MUNICIPAL', status: 'REVOKED', page: 1, pageSize: 20,
    })
  })

  it.each(['region=999999', 'from=2025-02-30', 'status=VALID', 'pageSize=101'])('answers 400 for %s', async (qs) => {
    const res = await list(req(`/api/v1/completion-filings?${qs}`), none)
    expect(res.status).toBe(400)
    expect((await res.json()).error.issues[0].parameter).toBe(qs.split('=')[0])
  })
})

describe('GET /api/v1/completion-filings/{filingNumber}', () => {
  it('looks the number up in canonical form (upper case)', async () => {
    useCases.getCompletionFiling.mockResolvedValue({ ...item })
    const res = await detail(req('/api/v1/completion-filings/x'), { params: Promise.resolve({ filingNumber: 'jb460100202512300101' }) })
    expect(res.status).toBe(200)
    expect(useCases.getCompletionFiling).toHaveBeenCalledWith(db, 'JB460100202512300101')
  })

  it('answers 404 JSON for an unknown number', async () => {
    useCases.getCompletionFiling.mockResolvedValue(null)
    const res = await detail(req('/api/v1/completion-filings/x'), { params: Promise.resolve({ filingNumber: 'JB0' }) })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: '未找到该竣工验收备案' } })
  })
})

describe('GET /api/v1/completion-filings/export', () => {
  async function* batches() {
    yield [item]
  }

  it('streams CSV, several contractors joined by 、', async () => {
    useCases.exportCompletionFilings.mockReturnValue(batches())
    const res = await exportList(req('/api/v1/completion-filings/export?format=csv&region=460100'), none)
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('竣工验收备案.csv'))
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\n')
    expect(lines[0]).toBe('竣工验收备案编号,项目编码,工程名称,工程类别,行政区划,建设单位,建设单位统一社会信用代码,施工单位,施工单位统一社会信用代码,竣工验收日期,备案日期,实际造价（万元）,实际建筑面积（平方米）,状态')
    expect(lines[1]).toBe('JB460100202512300101,46010020240300017,海口市测试项目,市政基础设施工程,海口市,海南测试置业有限公司,91460100TEST00001A,海南测试建工集团有限公司、海南测试路桥有限公司,91460100TEST00004D、91460100TEST00006F,2025-12-20,2025-12-30,12345.67,,已撤销')
    expect(useCases.exportCompletionFilings).toHaveBeenCalledWith(db, { region: '460100' })
  })

  it('streams JSON list items on format=json', async () => {
    useCases.exportCompletionFilings.mockReturnValue(batches())
    const res = await exportList(req('/api/v1/completion-filings/export?format=json'), none)
    expect(JSON.parse(await res.text())).toEqual([item])
  })
})
