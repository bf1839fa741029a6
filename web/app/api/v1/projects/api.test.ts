// The project API routes with the use cases replaced: parameters, status codes, response shapes.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ProjectDetail, ProjectListItem } from '@web/server/projects/projects-schemas'

vi.mock('next/server', () => ({ connection: async () => {} }))
const db = vi.hoisted(() => ({ fake: 'db' }))
vi.mock('@web/lib/db', () => ({ getDb: () => db }))
const repository = vi.hoisted(() => ({ listProjects: vi.fn(), getProject: vi.fn(), exportProjects: vi.fn() }))
vi.mock('@web/server/projects/list-projects', () => ({ listProjects: repository.listProjects }))
vi.mock('@web/server/projects/get-project', () => ({ getProject: repository.getProject }))
vi.mock('@web/server/projects/export-projects', () => ({ exportProjects: repository.exportProjects }))

const { GET: list } = await import('./route')
const { GET: detail } = await import('./[projectCode]/route')
const { GET: exportList } = await import('./export/route')

const item: ProjectListItem = {
  projectCode: '46010020240300017',
  name: '海口市测试项目',
  category: 'BUILDING',
  regionCode: '460100',
  regionName: '海口市',
  address: '海口市美兰区',
  ownerName: '海南测试置业有限公司',
  ownerUscc: '91460100TEST00001A',
  registeredOn: '2024-03-05',
  investment: 15000.25,
  floorArea: null,
  stageReached: 'CONSTRUCTION_PERMIT',
}
const none = { params: Promise.resolve({}) as Promise<Record<string, never>> }
const req = (path: string) => new Request(`http://localhost${path}`)

beforeEach(() => vi.clearAllMocks())

describe('GET /api/v1/projects', () => {
  it('passes the parsed filters and answers the page', async () => {
    const page = { items: [item], total: 1, page: 2, pageSize: 10, pageCount: 1 }
    repository.listProjects.mockResolvedValue(page)
    const res = await list(req('/api/v1/projects?q=%E6%B5%8B%E8%AF%95&region=460100&category=BUILDING&year=2024&stage=CONSTRUCTION_PERMIT&page=2&pageSize=10'), none)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(page)
    expect(repository.listProjects).toHaveBeenCalledWith(db, { q: '测试', region: '460100', category: 'BUILDING', year: 2024, stage: 'CONSTRUCTION_PERMIT', page: 2, pageSize: 10 })
  })

  it('answers 400 naming the bad parameter', async () => {
    const res = await list(req('/api/v1/projects?stage=PERMIT'), none)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toBe('bad_request')
    expect(body.error.issues[0].parameter).toBe('stage')
    expect(repository.listProjects).not.toHaveBeenCalled()
  })
})

describe('GET /api/v1/projects/{projectCode}', () => {
  it('looks the code up in canonical form', async () => {
    repository.getProject.mockResolvedValue({ ...item, stages: [], participants: [], records: [] } satisfies ProjectDetail)
    const res = await detail(req('/api/v1/projects/x'), { params: Promise.resolve({ projectCode: '%2046010020240300017' }) })
    expect(res.status).toBe(200)
    expect(repository.getProject).toHaveBeenCalledWith(db, '46010020240300017')
  })

  it('answers 404 JSON for an unknown code', async () => {
    repository.getProject.mockResolvedValue(null)
    const res = await detail(req('/api/v1/projects/x'), { params: Promise.resolve({ projectCode: '%E0%A4%A' }) })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: '未找到该项目' } })
  })
})

describe('GET /api/v1/projects/export', () => {
  async function* batches() {
    yield [item]
  }

  it('streams CSV with the register headings by default', async () => {
    repository.exportProjects.mockReturnValue(batches())
    const res = await exportList(req('/api/v1/projects/export?stage=COMPLETION_FILING'), none)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\n')
    expect(lines[0]).toBe('项目编码,项目名称,工程类别,行政区划,建设地址,建设单位,建设单位统一社会信用代码,总投资（万元）,建筑面积（平方米）,登记日期,已办理至')
    expect(lines[1]).toBe('46010020240300017,海口市测试项目,房屋建筑工程,海口市,海口市美兰区,海南测试置业有限公司,91460100TEST00001A,15000.25,,2024-03-05,施工许可')
    expect(repository.exportProjects).toHaveBeenCalledWith(db, { stage: 'COMPLETION_FILING' })
  })

  it('streams JSON list items on format=json', async () => {
    repository.exportProjects.mockReturnValue(batches())
    const res = await exportList(req('/api/v1/projects/export?format=json'), none)
    expect(JSON.parse(await res.text())).toEqual([item])
  })

  it('answers 400 for an unknown format', async () => {
    const res = await exportList(req('/api/v1/projects/export?format=xlsx'), none)
    expect(res.status).toBe(400)
  })
})
