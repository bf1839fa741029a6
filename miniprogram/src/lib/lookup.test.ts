import { describe, expect, it } from 'vitest'
import type { ApiResult } from './api-client'
import type { EnterpriseProfile, PractitionerProfile, ProjectDetail, SubjectRecord } from './api-schemas'
import { enterpriseProfileSchema, projectDetailSchema } from './api-schemas'
import { contractorsOf, gradeView, loadCertificateDetails, projectView } from './details'
import { isPublicRecord, loadSubject, parseLookupQuery, recordView, searchSubjects } from './lookup'
import { ok } from './testing/fixtures'

const page = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 10, pageCount: 1 })
const notFound: ApiResult<never> = { ok: false, failure: { kind: 'NOT_FOUND', status: 404, message: '未找到该企业' } }
const timeout: ApiResult<never> = { ok: false, failure: { kind: 'TIMEOUT', message: '平台响应超时' } }

const grade = { grade: 'A', score: 92.456, asOf: '2025-04-01', standardVersion: '2025.1', blacklisted: false, computedAt: '2025-04-01T01:00:00Z' }

// shaped like the portal's projectDetailSchema, with members the app does not read
const projectJson = {
  projectCode: '46010020240300017',
  name: '海口市龙华区滨海花园二期住宅楼工程',
  category: 'BUILDING',
  regionCode: '460106',
  regionName: '龙华区',
  address: '海南省海口市龙华区滨海大道168号',
  ownerName: '海南滨海示例置业有限公司',
  ownerUscc: '91460100MA5T0K3D2F',
  registeredOn: '2024-03-01',
  investment: 20000,
  floorArea: 45230.56,
  stageReached: 'PERMIT',
  stages: [],
  records: [],
  participants: [
    { role: 'SUPERVISOR', enterprises: [{ name: '海南示例工程监理有限公司', uscc: '914601007674736127' }], keyPeople: [{ role: 'CHIEF_SUPERVISOR', id: 'p2', name: '李*' }] },
    { role: 'OWNER', enterprises: [{ name: '海南滨海示例置业有限公司', uscc: '91460100MA5T0K3D2F' }], keyPeople: [] },
    { role: 'SURVEY', enterprises: [], keyPeople: [] },
    {
      role: 'CONTRACTOR',
      enterprises: [
        { name: '海南示例建设工程有限公司', uscc: '914601002012345678' },
        { name: '海南示例建设工程有限公司', uscc: '914601002012345678' },
      ],
      keyPeople: [{ role: 'PROJECT_MANAGER', id: 'p1', name: '王*' }, { role: 'NEW_ROLE', id: 'p3', name: '赵*' }],
    },
    { role: 'DESIGN', enterprises: [{ name: '海南示例设计院', uscc: '12460000MB1234567X' }], keyPeople: [] },
  ],
}
const project: ProjectDetail = projectDetailSchema.parse(projectJson)

const record: SubjectRecord = {
  id: 'r1',
  kind: 'BAD',
  categoryLabel: '安全生产',
  title: '未按规定设置安全防护',
  decisionNumber: '琼建罚〔2025〕12号',
  issuedBy: '海口市住房和城乡建设局',
  decidedOn: '2025-02-01',
  publishFrom: '2025-02-02',
  lastPublicDay: '2026-02-01',
  publication: 'PUBLIC',
  isPublic: true,
  points: -5,
  project: { projectCode: '46010020240300017', name: '滨海花园二期' },
}

const enterprise: EnterpriseProfile = enterpriseProfileSchema.parse({
  uscc: '914601002012345678',
  name: '海南示例建设工程有限公司',
  type: 'CONTRACTOR',
  regionCode: '460100',
  regionName: '海口市',
  inProvince: true,
  legalRepresentative: '张*',
  registeredAddress: '海口市…',
  registeredCapital: 5000,
  establishedOn: '2005-06-01',
  asOf: '2025-05-06',
  qualifications: [{ category: '建筑工程施工总承包', grade: '一级', certificateNumber: 'D146000001', issuedBy: '住建部', issuedOn: '2020-01-01', validUntil: '2025-01-01', expired: true }],
  counts: { employees: 1, registeredPractitioners: 1, registrations: 1, projects: { total: 3 }, records: { total: 2, good: 1, bad: 1, public: 1 } },
  creditGrade: grade,
})

describe('project details for a genuine certificate', () => {
  it('orders participants by role, drops empty roles and labels roles and key people', () => {
    const view = projectView(project)
    expect(view.participants.map((p) => p.roleLabel)).toEqual(['建设单位', '设计单位', '施工单位', '监理单位'])
    expect(view.category).toBe('房屋建筑工程')
    const contractor = view.participants.find((p) => p.role === 'CONTRACTOR')!
    expect(contractor.keyPeople.map((k) => k.roleLabel)).toEqual(['项目经理', 'NEW_ROLE'])
  })

  it('fetches each contractor grade once, and says why one is missing', async () => {
    const calls: string[] = []
    const details = await loadCertificateDetails(
      {
        project: async () => ok(project),
        enterprise: async (uscc) => {
          calls.push(uscc)
          return ok(enterprise)
        },
      },
      project.projectCode,
    )
    expect(calls).toEqual(['914601002012345678'])
    expect(details.contractors).toEqual([
      { name: '海南示例建设工程有限公司', uscc: '914601002012345678', grade: expect.objectContaining({ grade: 'A', score: '92.5', summary: 'A 级（92.5 分），2025-04-01 评定' }) },
    ])
    const failing = await loadCertificateDetails({ project: async () => ok(project), enterprise: async () => timeout }, 'x')
    expect(failing.contractors[0]).toMatchObject({ grade: null, failure: { kind: 'TIMEOUT' } })
    const noProject = await loadCertificateDetails({ project: async () => notFound, enterprise: async () => timeout }, 'x')
    expect(noProject).toEqual({ project: null, projectFailure: notFound.ok ? undefined : notFound.failure, contractors: [] })
    expect(contractorsOf(project)).toHaveLength(1)
  })

  it('shows a blacklisting and no grade', () => {
    expect(gradeView({ ...grade, blacklisted: true })?.summary).toContain('已列入黑名单')
    expect(gradeView(null)).toBeNull()
  })
})

describe('look-up', () => {
  it('parses the query: too short, USCC-like (checked on the phone), or text', () => {
    expect(parseLookupQuery('  ')).toMatchObject({ ok: false })
    expect(parseLookupQuery('王')).toMatchObject({ ok: false, message: '请至少输入 2 个字' })
    expect(parseLookupQuery('x'.repeat(101))).toMatchObject({ ok: false })
    expect(parseLookupQuery(' 海南　示例  建设 ')).toEqual({ ok: true, q: '海南 示例 建设', looksLikeUscc: false, uscc: null })
    const uscc = parseLookupQuery('９１４６０１００ma5t0k3d2f')
    expect(uscc).toMatchObject({ ok: true, q: '91460100MA5T0K3D2F', looksLikeUscc: true, uscc: { status: 'valid' } })
    const typo = parseLookupQuery('91460100MA5T0K3D2G')
    expect(typo).toMatchObject({ ok: true, looksLikeUscc: true, uscc: { status: 'invalid', problem: 'CHECK_CHARACTER' } })
    expect(parseLookupQuery('海南00000000000001')).toMatchObject({ looksLikeUscc: false })
  })

  it('searches enterprises and practitioners at once; a USCC only among enterprises', async () => {
    const asked: string[] = []
    const api = {
      searchEnterprises: async (q: string) => {
        asked.push(`e:${q}`)
        return ok(page([{ uscc: enterprise.uscc, name: enterprise.name, type: 'CONTRACTOR', regionName: '海口市', inProvince: true, legalRepresentative: '张*' }]))
      },
      searchPractitioners: async (q: string) => {
        asked.push(`p:${q}`)
        return timeout
      },
    }
    const byName = await searchSubjects(api, parseLookupQuery('示例建设') as never)
    expect(asked).toEqual(['e:示例建设', 'p:示例建设'])
    expect(byName.enterprises).toEqual({ ok: true, total: 1, data: [{ uscc: enterprise.uscc, name: enterprise.name, type: '施工单位', region: '海口市' }] })
    expect(byName.practitioners).toMatchObject({ ok: false, failure: { kind: 'TIMEOUT' } })
    const byUscc = await searchSubjects(api, parseLookupQuery(enterprise.uscc) as never)
    expect(byUscc.practitioners).toBeNull()
  })

  it('loads a profile with its grade and most recent records', async () => {
    const r = await loadSubject(
      {
        enterprise: async () => ok(enterprise),
        enterpriseRecords: async (_u, size) => {
          expect(size).toBe(5)
          return ok(page([record]))
        },
        practitioner: async () => notFound,
        practitionerRecords: async () => notFound,
      },
      { kind: 'enterprise', uscc: enterprise.uscc },
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.view).toMatchObject({ kind: 'enterprise', name: '海南示例建设工程有限公司', grade: { grade: 'A' }, recordsTotal: 1 })
    expect(r.view.credentials[0]).toContain('已过期')
    expect(r.view.records[0]).toMatchObject({ good: false, kind: '不良行为', points: '−5', publication: '公示中（至 2026-02-01）' })
  })

  it('a practitioner profile; a failed profile is a failure; failed records are shown as such', async () => {
    const practitioner: PractitionerProfile = {
      id: 'p1',
      name: '王*',
      gender: '男',
      idNumberMasked: '460***********1234',
      employer: { name: '海南示例建设工程有限公司', uscc: enterprise.uscc, regionName: '海口市' },
      registrations: [{ type: 'CONSTRUCTOR_1', number: '琼1462020000001', specialty: '建筑工程', validUntil: '2027-01-01', expired: false, employer: null }],
      asOf: '2025-05-06',
      counts: { records: { total: 0, good: 0, bad: 0, public: 0 } },
      creditGrade: null,
    }
    const api = {
      enterprise: async () => notFound,
      enterpriseRecords: async () => notFound,
      practitioner: async () => ok(practitioner),
      practitionerRecords: async () => timeout,
    }
    const r = await loadSubject(api, { kind: 'practitioner', id: 'p1' })
    expect(r).toMatchObject({ ok: true, view: { kind: 'practitioner', grade: null, records: [], recordsFailure: { kind: 'TIMEOUT' } } })
    expect(r.ok && r.view.credentials[0]).toContain('一级注册建造师 琼1462020000001')
    expect(await loadSubject(api, { kind: 'enterprise', uscc: 'x' })).toMatchObject({ ok: false, failure: { kind: 'NOT_FOUND' } })
  })

  it('formats good records and zero points', () => {
    expect(recordView({ ...record, kind: 'GOOD', points: 3 })).toMatchObject({ good: true, points: '+3', publication: '公示中（至 2026-02-01）' })
    expect(recordView({ ...record, points: 0 }).points).toBe('0')
  })

  it('never shows a record that is not public, even if a portal answer carries one', async () => {
    const ended: SubjectRecord = { ...record, id: 'r2', title: '已期满的处罚', lastPublicDay: '2024-01-31', publication: 'ENDED', isPublic: false }
    const withdrawn: SubjectRecord = { ...record, id: 'r3', title: '已撤回的处罚', publication: 'WITHDRAWN', isPublic: false }
    const notYet: SubjectRecord = { ...record, id: 'r4', title: '尚未公示的表彰', kind: 'GOOD', publication: 'NOT_YET', isPublic: false }
    expect([record, ended, withdrawn, notYet].map(isPublicRecord)).toEqual([true, false, false, false])
    const r = await loadSubject(
      {
        enterprise: async () => ok(enterprise),
        enterpriseRecords: async () => ok({ ...page([ended, record, withdrawn, notYet]), total: 4 }),
        practitioner: async () => notFound,
        practitionerRecords: async () => notFound,
      },
      { kind: 'enterprise', uscc: enterprise.uscc },
    )
    if (!r.ok) throw new Error('expected a profile')
    expect(r.view.records.map((v) => v.title)).toEqual([record.title])
    expect(r.view.recordsTotal).toBe(1)
    expect(JSON.stringify(r.view)).not.toMatch(/已期满|已撤回|尚未公示|公示期已结束/)
  })
})
