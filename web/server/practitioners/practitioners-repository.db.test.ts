import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { makeIdNumber } from '@shared/validators/id-number'
import { makeUscc } from '@shared/validators/uscc'
import { practitionerFiltersSchema, practitionerListQuerySchema } from './practitioner-queries'
import { createPractitionersRepository } from './practitioners-repository'
import { z } from 'zod'
import { keysetPageSchema, pageSchema } from '@web/server/lib/response-schemas'
import { subjectRecordSchema } from '@web/server/subjects/subjects-schemas'
import { practitionerListItemSchema, practitionerProfileSchema, practitionerProjectSchema, type PractitionerListItem } from './practitioners-schemas'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { openPersonRow } from '@web/server/personal-data/personal-data'
import { sealedIdNumber, sealedPhone } from '@web/server/personal-data/testing/test-key-ring'

const TEST_KEYS = createTestSigningKeys()

// Route handlers call connection(), which needs a Next request store; outside Next it is a no-op here.
vi.mock('next/server', () => ({ connection: async () => {} }))

const providers = await testProviders()
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
/** noon of 30 June 2026, Beijing time */
const AS_OF = new Date('2026-06-30T04:00:00Z')

const F = {
  builder: { name: '海南测试人员建工有限公司', uscc: makeUscc('91', '460100', 'MA5TPXR1') },
  outside: { name: '深圳测试工程监理有限公司', uscc: makeUscc('91', '440300', 'MA5TPXR2') },
  a: { name: '测试甲', idNumber: makeIdNumber('460100', '19800101', 991), phone: '13800009901' },
  b: { name: '测试乙', idNumber: makeIdNumber('440305', '19850202', 992), phone: '+86 139-0000-9902' },
  c: { name: '测试甲', idNumber: makeIdNumber('460105', '19900303', 993), phone: '0898-65551234' },
  regA1: '琼146202099901',
  regA2: '琼846202199901',
  regB: '粤346202099902',
  p1: '46010020250199911',
  p2: '46010020250299912',
  permit: '460100202504019911',
}

interface Fixture {
  a: string
  b: string
  c: string
}

async function addFixture(db: TestDatabase['db']): Promise<Fixture> {
  const authority = await db.authority.findUniqueOrThrow({ where: { regionCode: '460100' } })
  const owner = await db.enterprise.findFirstOrThrow({ where: { type: 'OWNER' }, orderBy: { id: 'asc' } })
  const enterprise = (e: { name: string; uscc: string }, type: 'CONTRACTOR' | 'SUPERVISOR', regionCode: string, inProvince: boolean) =>
    db.enterprise.create({
      data: { ...e, type, regionCode, inProvince, legalRepresentative: '王海', registeredAddress: '测试地址', registeredCapital: '1000', establishedOn: day('2005-01-01') },
    })
  const builder = await enterprise(F.builder, 'CONTRACTOR', '460100', true)
  const outside = await enterprise(F.outside, 'SUPERVISOR', '440300', false)

  const a = await db.person.create({ data: { name: F.a.name, ...sealedIdNumber(F.a.idNumber), phone: sealedPhone(F.a.phone), gender: '男', employerId: builder.id } })
  const b = await db.person.create({ data: { name: F.b.name, ...sealedIdNumber(F.b.idNumber), phone: sealedPhone(F.b.phone), gender: '女', employerId: outside.id } })
  const c = await db.person.create({ data: { name: F.c.name, ...sealedIdNumber(F.c.idNumber), phone: sealedPhone(F.c.phone), gender: '男', employerId: builder.id } })
  // the later registration first, so that the order comes from the repository
  await db.registration.create({
    data: { personId: a.id, type: 'SAFETY_ENGINEER', number: F.regA2, specialty: '建筑施工安全', employerId: builder.id, issuedOn: day('2021-05-01'), validUntil: day('2026-06-29') },
  })
  await db.registration.create({
    data: { personId: a.id, type: 'CONSTRUCTOR_1', number: F.regA1, specialty: '建筑工程', employerId: builder.id, issuedOn: day('2020-01-01'), validUntil: day('2026-06-30') },
  })
  await db.registration.create({
    data: { personId: b.id, type: 'SUPERVISION_ENGINEER', number: F.regB, specialty: '房屋建筑工程', employerId: outside.id, issuedOn: day('2020-02-02'), validUntil: day('2029-02-02') },
  })

  const project = (projectCode: string, name: string, registeredOn: string) =>
    db.project.create({
      data: { projectCode, name, address: '海口市测试路', regionCode: '460100', category: 'MUNICIPAL', investment: '3000', ownerId: owner.id, registeredOn: day(registeredOn) },
    })
  const p1 = await project(F.p1, '海口市测试道路工程', '2025-01-10')
  const p2 = await project(F.p2, '海口市测试管网工程', '2025-02-10')
  await db.projectKeyPerson.create({ data: { projectId: p1.id, personId: a.id, role: 'PROJECT_MANAGER' } })
  await db.projectKeyPerson.create({ data: { projectId: p2.id, personId: a.id, role: 'TECHNICAL_LEAD' } })
  await db.projectKeyPerson.create({ data: { projectId: p1.id, personId: b.id, role: 'CHIEF_SUPERVISOR' } })
  await db.constructionPermit.create({
    data: {
      projectId: p1.id,
      permitNumber: F.permit,
      regionCode: '460100',
      authorityId: authority.id,
      issuedOn: day('2025-04-01'),
      scale: '道路全长1.2公里',
      contractPrice: '2800',
      plannedStartOn: day('2025-04-10'),
      plannedEndOn: day('2026-12-31'),
      contractorId: builder.id,
      projectManagerId: a.id,
      chiefSupervisorId: b.id,
      status: 'REVOKED',
      revokedOn: day('2025-05-01'),
      revocationReason: '测试撤销',
    },
  })
  await db.integrityRecord.create({
    data: {
      subjectType: 'PERSON',
      personId: a.id,
      kind: 'BAD',
      categoryCode: 'BAD.NOTICE.CRITICISM',
      title: '测试项目经理未按规定在岗履职',
      description: '该同志作为项目负责人长期不在施工现场履职。',
      decisionNumber: '琼建通〔2026〕9号',
      authorityId: authority.id,
      issuedBy: '海南省住房和城乡建设厅',
      decidedOn: day('2026-04-01'),
      publishFrom: day('2026-04-01'),
      publishUntil: day('2026-10-01'),
      points: -1,
      projectId: p1.id,
    },
  })
  // records of 测试甲 that are not public on AS_OF: one whose last public day was the day before, one
  // withdrawn, one that starts the day after; neither listed nor counted then
  const notPublic = (title: string, from: string, until: string, status: 'ACTIVE' | 'WITHDRAWN' = 'ACTIVE') =>
    db.integrityRecord.create({
      data: {
        subjectType: 'PERSON',
        personId: a.id,
        kind: 'BAD',
        categoryCode: 'BAD.NOTICE.CRITICISM',
        title,
        description: '测试说明',
        decisionNumber: `琼建通〔2026〕${title.length}号`,
        authorityId: authority.id,
        issuedBy: '海南省住房和城乡建设厅',
        decidedOn: day(from),
        publishFrom: day(from),
        publishUntil: day(until),
        points: -1,
        status,
      },
    })
  await notPublic('测试昨日期满的通报', '2025-12-30', '2026-06-30')
  await notPublic('测试已撤回的通报', '2026-03-01', '2026-09-01', 'WITHDRAWN')
  await notPublic('测试明日起公示的通报', '2026-07-01', '2027-01-01')
  await db.creditGrade.create({
    data: {
      id: `${b.id}:2026-06-30`,
      subjectType: 'PERSON',
      personId: b.id,
      subjectClass: 'PRACTITIONER',
      standardVersion: '2026.1',
      asOf: day('2026-06-30'),
      score: 100,
      grade: 'A',
      computedAt: new Date('2026-07-01T01:00:00Z'),
    },
  })
  return { a: a.id, b: b.id, c: c.id }
}

/** Every person as the database holds it, read without the repository: the ground truth. */
async function groundTruth(db: TestDatabase['db']) {
  // stored encrypted: opened here, so the values sought are the plain ones
  return (await db.person.findMany({
    select: {
      id: true,
      name: true,
      idNumber: true,
      phone: true,
      employer: { select: { name: true, uscc: true, regionCode: true, inProvince: true } },
      registrations: { select: { type: true, number: true } },
    },
  })).map(openPersonRow)
}

type Repo = ReturnType<typeof createPractitionersRepository>

async function allPages(repo: Repo, raw: Record<string, string>, pageSize = 100): Promise<PractitionerListItem[]> {
  const items: PractitionerListItem[] = []
  for (let page = 1; ; page++) {
    const result = await repo.listPractitioners(practitionerListQuerySchema.parse({ ...raw, page: String(page), pageSize: String(pageSize) }), AS_OF)
    items.push(...result.items)
    if (page >= result.pageCount) {
      expect(items).toHaveLength(result.total)
      return items
    }
  }
}

async function exported(repo: Repo, raw: Record<string, string>, batchSize: number): Promise<PractitionerListItem[]> {
  const items: PractitionerListItem[] = []
  for await (const batch of repo.exportPractitioners(practitionerFiltersSchema.parse(raw), AS_OF, batchSize)) {
    expect(batch.length).toBeLessThanOrEqual(batchSize)
    items.push(...batch)
  }
  return items
}

/** Keys of an object tree, at every depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k)
      keysOf(v, into)
    }
  }
  return into
}

describe.each(providers)('practitioners repository on %s', (provider) => {
  let t: TestDatabase
  let repo: Repo
  let ids: Fixture
  let truth: Awaited<ReturnType<typeof groundTruth>>

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: TEST_KEYS.signer, scale: 0.02, seed: 1, asOf: '2026-06-30' })
    ids = await addFixture(t.db)
    repo = createPractitionersRepository(t.db)
    truth = await groundTruth(t.db)
  })

  afterAll(async () => {
    await t?.drop()
  })

  /** What the public text search should find, computed in JS: name or employer name contains q, or a registration number is q. */
  const searched = (q: string) =>
    truth.filter((p) => p.name.includes(q) || p.employer?.name.includes(q) || p.registrations.some((r) => r.number === q)).map((p) => p.id)

  describe('search', () => {
    it('finds people by a part of the name', async () => {
      expect(new Set((await allPages(repo, { q: '测试' })).map((p) => p.id))).toEqual(new Set([ids.a, ids.b, ids.c]))
      const surname = truth.find((p) => !p.name.startsWith('测试'))!.name[0]
      const items = await allPages(repo, { q: surname })
      expect(new Set(items.map((p) => p.id))).toEqual(new Set(searched(surname)))
      expect(items.length).toBeGreaterThan(1)
    })

    it('finds a person by the whole registration number, full-width digits too', async () => {
      expect((await allPages(repo, { q: F.regA2 })).map((p) => p.id)).toEqual([ids.a])
      const fullWidth = F.regB.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      expect((await allPages(repo, { q: fullWidth })).map((p) => p.id)).toEqual([ids.b])
      // a part of a number is not a number
      expect(await allPages(repo, { q: F.regA1.slice(0, 8) })).toEqual([])
    })

    it('finds people by a part of the employer name', async () => {
      expect(new Set((await allPages(repo, { q: '人员建工' })).map((p) => p.id))).toEqual(new Set([ids.a, ids.c]))
      const employerWord = '建筑'
      expect(new Set((await allPages(repo, { q: employerWord })).map((p) => p.id))).toEqual(new Set(searched(employerWord)))
    })
  })

  describe('each filter narrows to exactly the matching people', () => {
    const cases: [string, Record<string, string>, (p: Awaited<ReturnType<typeof groundTruth>>[number]) => boolean][] = [
      ['registration type', { type: 'CONSTRUCTOR_1' }, (p) => p.registrations.some((r) => r.type === 'CONSTRUCTOR_1')],
      ['another registration type', { type: 'SUPERVISION_ENGINEER' }, (p) => p.registrations.some((r) => r.type === 'SUPERVISION_ENGINEER')],
      ['employer region', { region: '460100' }, (p) => p.employer?.regionCode === '460100'],
      ['out-of-province employer region', { region: '440300' }, (p) => p.employer?.regionCode === '440300'],
      ['employer out of province', { scope: 'OUT' }, (p) => p.employer?.inProvince === false],
      ['employer in province and type', { scope: 'IN', type: 'SAFETY_ENGINEER' }, (p) => p.employer?.inProvince === true && p.registrations.some((r) => r.type === 'SAFETY_ENGINEER')],
      ['employer USCC in lower case', { employer: F.builder.uscc.toLowerCase() }, (p) => p.employer?.uscc === F.builder.uscc],
      ['search and type', { q: '测试', type: 'SUPERVISION_ENGINEER' }, (p) => p.name.includes('测试') && p.registrations.some((r) => r.type === 'SUPERVISION_ENGINEER')],
    ]
    it.each(cases)('%s', async (_label, raw, keep) => {
      const expected = truth.filter(keep).map((p) => p.id)
      expect(expected.length).toBeGreaterThan(0)
      const items = await allPages(repo, raw)
      expect(new Set(items.map((p) => p.id))).toEqual(new Set(expected))
    })
  })

  it('pages by name then id: pages never overlap, and the export walks the same order by keyset', async () => {
    const paged = await allPages(repo, {}, 9)
    expect(paged).toHaveLength(truth.length)
    expect(new Set(paged.map((p) => p.id)).size).toBe(truth.length)
    // two people called 测试甲: adjacent, the smaller id first
    const namesakes = paged.filter((p) => p.name === '测试甲').map((p) => p.id)
    expect(namesakes).toEqual([ids.a, ids.c].sort())
    const at = paged.findIndex((p) => p.name === '测试甲')
    expect(paged[at + 1].name).toBe('测试甲')
    expect((await exported(repo, {}, 7)).map((p) => p.id)).toEqual(paged.map((p) => p.id))
    expect((await exported(repo, { type: 'CONSTRUCTOR_2' }, 5)).map((p) => p.id)).toEqual((await allPages(repo, { type: 'CONSTRUCTOR_2' }, 6)).map((p) => p.id))
  })

  describe('profile', () => {
    it('shows the public facts with the ID number masked, registrations earliest first with expiry, counts', async () => {
      const profile = await repo.getPractitioner(ids.a, AS_OF)
      expect(profile).toEqual({
        id: ids.a,
        name: '测试甲',
        gender: '男',
        idNumberMasked: `460***********${F.a.idNumber.slice(-4)}`,
        employer: { name: F.builder.name, uscc: F.builder.uscc, regionCode: '460100', regionName: '海口市', inProvince: true },
        asOf: '2026-06-30',
        registrations: [
          { type: 'CONSTRUCTOR_1', number: F.regA1, specialty: '建筑工程', issuedOn: '2020-01-01', validUntil: '2026-06-30', expired: false, employer: { name: F.builder.name, uscc: F.builder.uscc } },
          { type: 'SAFETY_ENGINEER', number: F.regA2, specialty: '建筑施工安全', issuedOn: '2021-05-01', validUntil: '2026-06-29', expired: true, employer: { name: F.builder.name, uscc: F.builder.uscc } },
        ],
        counts: {
          projects: { PROJECT_MANAGER: 1, CHIEF_SUPERVISOR: 0, TECHNICAL_LEAD: 1, SAFETY_OFFICER: 0, DESIGN_LEAD: 0, SURVEY_LEAD: 0, total: 2 },
          records: { total: 1, good: 0, bad: 1, public: 1 },
        },
        creditGrade: null,
      })
    })

    it('answers exactly what the response schemas describe: no field missing, none extra', async () => {
      const exact = (schema: z.ZodType, value: unknown) => expect(schema.parse(value)).toEqual(value)
      exact(practitionerProfileSchema, await repo.getPractitioner(ids.a, AS_OF))
      exact(keysetPageSchema(practitionerListItemSchema), await repo.listPractitioners(practitionerListQuerySchema.parse({ q: '测试' }), AS_OF))
      exact(pageSchema(practitionerProjectSchema), await repo.listPractitionerProjects(ids.a, { page: 1, pageSize: 20 }))
      exact(pageSchema(subjectRecordSchema), await repo.listPractitionerRecords(ids.a, { page: 1, pageSize: 20 }, AS_OF))
    })

    it('shows the latest stored grade', async () => {
      expect((await repo.getPractitioner(ids.b, AS_OF))!.creditGrade).toEqual({
        grade: 'A',
        score: 100,
        asOf: '2026-06-30',
        standardVersion: '2026.1',
        blacklisted: false,
        computedAt: '2026-07-01T01:00:00.000Z',
      })
    })

    it('is null for an unknown id, and so are its sub-lists', async () => {
      expect(await repo.getPractitioner('cpe-unknown')).toBeNull()
      expect(await repo.listPractitionerProjects('cpe-unknown', { page: 1, pageSize: 20 })).toBeNull()
      expect(await repo.listPractitionerRecords('cpe-unknown', { page: 1, pageSize: 20 })).toBeNull()
    })

    it('lists key roles on platform projects, latest first, with the permit and its status', async () => {
      const page = await repo.listPractitionerProjects(ids.a, { page: 1, pageSize: 20 })
      expect(page!.items.map((p) => [p.role, p.projectCode, p.registeredOn, p.permit])).toEqual([
        ['TECHNICAL_LEAD', F.p2, '2025-02-10', null],
        ['PROJECT_MANAGER', F.p1, '2025-01-10', { permitNumber: F.permit, issuedOn: '2025-04-01', status: 'REVOKED' }],
      ])
      const managed = await repo.listPractitionerProjects(ids.a, { role: 'PROJECT_MANAGER', page: 1, pageSize: 20 })
      expect(managed!.items.map((p) => p.projectCode)).toEqual([F.p1])
    })

    it('lists and counts only the records public on the day, by Beijing time', async () => {
      const beijing = (iso: string) => new Date(`${iso}+08:00`)
      const at = async (iso: string) => {
        const asOf = beijing(iso)
        const list = (await repo.listPractitionerRecords(ids.a, { page: 1, pageSize: 20 }, asOf))!
        const counts = (await repo.getPractitioner(ids.a, asOf))!.counts.records
        expect([counts.total, counts.public], iso).toEqual([list.total, list.total])
        return list.items.map((r) => r.title)
      }
      expect(await at('2026-06-29T23:59:59')).toEqual(['测试项目经理未按规定在岗履职', '测试昨日期满的通报'])
      expect(await at('2026-06-30T00:00:00')).toEqual(['测试项目经理未按规定在岗履职'])
      expect(await at('2026-06-30T23:59:59')).toEqual(['测试项目经理未按规定在岗履职'])
      expect(await at('2026-07-01T00:00:00')).toEqual(['测试明日起公示的通报', '测试项目经理未按规定在岗履职'])
      for (const day of ['2026-03-01T00:00:00', '2026-08-31T23:59:59']) expect(await at(day)).not.toContain('测试已撤回的通报')
    })

    it('lists integrity records', async () => {
      const page = await repo.listPractitionerRecords(ids.a, { page: 1, pageSize: 20 }, AS_OF)
      expect(page!.items).toEqual([
        expect.objectContaining({
          title: '测试项目经理未按规定在岗履职',
          kind: 'BAD',
          categoryLabel: '通报批评',
          decisionNumber: '琼建通〔2026〕9号',
          publishFrom: '2026-04-01',
          lastPublicDay: '2026-09-30',
          publication: 'PUBLIC',
          isPublic: true,
          project: { projectCode: F.p1, name: '海口市测试道路工程' },
        }),
      ])
    })
  })

  describe('privacy: no full ID number and no phone number leaves the repository or the API', () => {
    let publicCodes: string[]

    beforeAll(async () => {
      // codes that are public and may be 18 digits (USCCs, permit numbers): not ID numbers
      const [enterprises, permits] = await Promise.all([
        t.db.enterprise.findMany({ select: { uscc: true } }),
        t.db.constructionPermit.findMany({ select: { permitNumber: true } }),
      ])
      publicCodes = [...enterprises.map((e) => e.uscc), ...permits.map((p) => p.permitNumber)]
      ;(globalThis as { __portalDb?: unknown }).__portalDb = t.db
    })
    afterAll(() => {
      delete (globalThis as { __portalDb?: unknown }).__portalDb
    })

    function expectNothingPersonal(text: string) {
      let scrubbed = text
      for (const code of publicCodes) scrubbed = scrubbed.split(code).join('#')
      // an 18-character ID number (17 digits and a digit or X), not inside a longer run
      expect(scrubbed).not.toMatch(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/)
      // an 11-digit mainland mobile number, with or without separators or +86
      expect(scrubbed).not.toMatch(/(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/)
      // and, whatever their form, the stored values themselves
      for (const p of truth) {
        expect(text.includes(p.idNumber)).toBe(false)
        if (p.phone) expect(text.includes(p.phone)).toBe(false)
        if (p.phone) expect(text.includes(p.phone.replace(/\D/g, '').slice(-11))).toBe(false)
      }
    }

    it('in every list page, export batch, profile, project and record list', async () => {
      const outputs: unknown[] = [await allPages(repo, {}), await exported(repo, {}, 50)]
      for (const p of truth) {
        const profile = await repo.getPractitioner(p.id, AS_OF)
        outputs.push(profile)
        // the sub-lists of everyone who has any
        if (profile!.counts.projects.total) outputs.push(await repo.listPractitionerProjects(p.id, { page: 1, pageSize: 100 }))
        if (profile!.counts.records.total) outputs.push(await repo.listPractitionerRecords(p.id, { page: 1, pageSize: 100 }, AS_OF))
      }
      const keys = keysOf(outputs)
      for (const forbidden of ['idNumber', 'phone', 'mobile']) expect(keys.has(forbidden)).toBe(false)
      const text = JSON.stringify(outputs)
      expect(text).toContain(`460***********${F.a.idNumber.slice(-4)}`)
      expectNothingPersonal(text)
    })

    it('in every API answer: list, profile, sub-resources and both export formats', async () => {
      const call = (handler: unknown, url: string, params: Record<string, string> = {}) =>
        (handler as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(new Request(`http://portal.test${url}`), {
          params: Promise.resolve(params),
        })
      const list = (await import('@web/app/api/v1/practitioners/route')).GET
      const detail = (await import('@web/app/api/v1/practitioners/[id]/route')).GET
      const projects = (await import('@web/app/api/v1/practitioners/[id]/projects/route')).GET
      const records = (await import('@web/app/api/v1/practitioners/[id]/records/route')).GET
      const exporter = (await import('@web/app/api/v1/practitioners/export/route')).GET

      const texts: string[] = []
      const ok = async (response: Response) => {
        expect(response.status).toBe(200)
        texts.push(await response.text())
      }
      for (let page = 1; page <= Math.ceil(truth.length / 100); page++) await ok(await call(list, `/api/v1/practitioners?pageSize=100&page=${page}`))
      await ok(await call(list, `/api/v1/practitioners?q=${encodeURIComponent('测试')}`))
      for (const id of [ids.a, ids.b, ids.c, ...truth.slice(0, 40).map((p) => p.id)]) {
        await ok(await call(detail, '', { id }))
        await ok(await call(projects, '', { id }))
        await ok(await call(records, '', { id }))
      }
      await ok(await call(exporter, '/api/v1/practitioners/export?format=csv'))
      await ok(await call(exporter, '/api/v1/practitioners/export?format=json'))
      const all = texts.join('\n')
      expect(all).toContain(`460***********${F.a.idNumber.slice(-4)}`)
      expect(all).not.toMatch(/"idNumber"|"phone"/)
      expectNothingPersonal(all)
    })

    it('answers a malformed id with 400 naming it and an unknown one with 404', async () => {
      const detail = (await import('@web/app/api/v1/practitioners/[id]/route')).GET as (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>
      const bad = await detail(new Request('http://portal.test/'), { params: Promise.resolve({ id: '张三' }) })
      expect(bad.status).toBe(400)
      expect((await bad.json()).error.issues).toEqual([{ parameter: 'id', message: '人员编号格式有误' }])
      const unknown = await detail(new Request('http://portal.test/'), { params: Promise.resolve({ id: 'cpe-unknown' }) })
      expect(unknown.status).toBe(404)
    })
  })
})
