// The publication rule on every public surface (建市〔2017〕241号 art. 10, 13): a record whose
// period has ended, has not begun or that was withdrawn appears nowhere public — not on the
// profile page (in a real browser), the records and credit APIs, the credit check, the exposure
// board and its export, the project page — and an objection cannot be filed against it; a record
// inside its period appears in each. The test adds its own records to a seeded enterprise and
// person (removed afterwards), dated around the server's today in Beijing time.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { chinaDateOf } from '../../shared/dates/calendar-date.ts'
import { addDays } from '../../shared/scoring/days.ts'
import { baseUrl, usePage, useBrowser, VIEWPORTS } from './support/site'

const db = createDb(inject('databaseUrl'))
const today = chinaDateOf(new Date())
const at = (day: string) => new Date(`${day}T00:00:00Z`)

const PERIODS = {
  // last public day was yesterday
  ENDED: { status: 'ACTIVE', publishFrom: addDays(today, -200), publishUntil: today },
  // first public day is tomorrow
  NOT_YET: { status: 'ACTIVE', publishFrom: addDays(today, 1), publishUntil: addDays(today, 200) },
  WITHDRAWN: { status: 'WITHDRAWN', publishFrom: addDays(today, -30), publishUntil: addDays(today, 150) },
  // public today, its last day
  PUBLIC: { status: 'ACTIVE', publishFrom: addDays(today, -100), publishUntil: addDays(today, 1) },
} as const
type Case = keyof typeof PERIODS
const HIDDEN: Case[] = ['ENDED', 'NOT_YET', 'WITHDRAWN']

const number = (who: 'E' | 'P', c: Case) => `琼建诚〔2026〕E2E-${who}-${c}号`
const ids: Record<string, string> = {}
let enterprise: { id: string; uscc: string; name: string }
let person: { id: string; name: string }
let project: { id: string; projectCode: string }

async function text(path: string): Promise<string> {
  const res = await fetch(baseUrl + path)
  expect(res.status, path).toBe(200)
  return res.text()
}

function expectOnly(body: string, who: 'E' | 'P', where: string) {
  expect(body, `${where}: the public record`).toContain(number(who, 'PUBLIC'))
  for (const c of HIDDEN) expect(body, `${where}: the ${c} record`).not.toContain(number(who, c))
}

beforeAll(async () => {
  enterprise = await db.enterprise.findFirstOrThrow({ where: { type: 'CONTRACTOR', inProvince: true }, orderBy: { uscc: 'asc' }, select: { id: true, uscc: true, name: true } })
  person = await db.person.findFirstOrThrow({ where: { registrations: { some: {} } }, orderBy: { id: 'asc' }, select: { id: true, name: true } })
  project = await db.project.findFirstOrThrow({ orderBy: { projectCode: 'asc' }, select: { id: true, projectCode: true } })
  for (const who of ['E', 'P'] as const) {
    for (const [c, period] of Object.entries(PERIODS) as [Case, (typeof PERIODS)[Case]][]) {
      const row = await db.integrityRecord.create({
        data: {
          subjectType: who === 'E' ? 'ENTERPRISE' : 'PERSON',
          enterpriseId: who === 'E' ? enterprise.id : null,
          personId: who === 'P' ? person.id : null,
          kind: 'BAD',
          categoryCode: 'BAD.PENALTY.MINOR',
          title: `公示期测试 ${c}`,
          description: '端到端测试写入的记录',
          decisionNumber: number(who, c),
          issuedBy: '海南省住房和城乡建设厅',
          decidedOn: at(addDays(period.publishFrom, -5)),
          publishFrom: at(period.publishFrom),
          publishUntil: at(period.publishUntil),
          points: -2,
          status: period.status,
          projectId: project.id,
        },
      })
      ids[`${who}-${c}`] = row.id
    }
  }
})

afterAll(async () => {
  await db.integrityRecord.deleteMany({ where: { id: { in: Object.values(ids) } } })
  await db.$disconnect()
})

const getBrowser = useBrowser()

describe.each(VIEWPORTS)('profile pages in the browser at %s', (_name, device) => {
  const getPage = usePage(getBrowser, device)

  it('the enterprise profile lists the public record and none outside its period', async () => {
    const page = getPage()
    await page.goto(`/enterprises/${enterprise.uscc}`)
    await page.getByText(number('E', 'PUBLIC')).first().waitFor()
    expectOnly(await page.locator('main').innerText(), 'E', 'enterprise profile')
  })

  it('the practitioner profile lists the public record and none outside its period', async () => {
    const page = getPage()
    await page.goto(`/practitioners/${person.id}`)
    await page.getByText(number('P', 'PUBLIC')).first().waitFor()
    expectOnly(await page.locator('main').innerText(), 'P', 'practitioner profile')
  })
})

describe('the other public surfaces', () => {
  it.each([
    ['E', () => `/api/v1/enterprises/${enterprise.uscc}/records?pageSize=100`],
    ['P', () => `/api/v1/practitioners/${person.id}/records?pageSize=100`],
    ['E', () => `/api/v1/enterprises/${enterprise.uscc}/credit`],
    ['P', () => `/api/v1/practitioners/${person.id}/credit`],
    ['E', () => `/credit/check?q=${enterprise.uscc}`],
    ['E', () => `/exposure?q=${encodeURIComponent(enterprise.name)}&pageSize=100`],
    ['E', () => `/api/v1/exposure/export?format=json&q=${encodeURIComponent(enterprise.name)}`],
    ['E', () => `/api/v1/exposure/export?format=csv&q=${encodeURIComponent(enterprise.name)}`],
    ['E', () => `/projects/${project.projectCode}`],
    ['P', () => `/projects/${project.projectCode}`],
  ] as const)('%s %s', async (who, path) => {
    expectOnly(await text(path()), who, path())
  })

  it('counts on the profile API only the public record', async () => {
    const res = await fetch(`${baseUrl}/api/v1/enterprises/${enterprise.uscc}/records?pageSize=100`)
    const body = (await res.json()) as { items: { decisionNumber: string }[]; total: number }
    const ours = body.items.filter((r) => r.decisionNumber.includes('E2E-E-'))
    expect(ours.map((r) => r.decisionNumber)).toEqual([number('E', 'PUBLIC')])
    expect(body.total).toBe(body.items.length)
  })

  it('refuses an objection against a record outside its period (the API with 404, the form page shows not found) and takes one against a public record', async () => {
    for (const c of HIDDEN) {
      // the form page shows the not-found page instead of the form. Its HTTP status is still 200:
      // the page streams, so the status is sent before the record is read (issue 14 fixes that)
      const res = await fetch(`${baseUrl}/credit/objections/new?record=${ids[`E-${c}`]}&kind=OBJECTION`)
      const page = await res.text()
      // (every page carries the not-found template in its payload: look for the form instead)
      expect(page, `form for the ${c} record`).not.toContain('aria-label="异议申请"')
      expect(page, `form for the ${c} record`).not.toContain(number('E', c))
      const api = await fetch(`${baseUrl}/api/v1/objections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ recordId: ids[`E-${c}`], kind: 'OBJECTION', applicantName: '测试', contactPhone: '13800000000', reasons: '端到端测试：该记录不在公示期内。' }),
      })
      expect(api.status, `API for the ${c} record`).toBe(404)
    }
    const form = await (await fetch(`${baseUrl}/credit/objections/new?record=${ids['E-PUBLIC']}&kind=OBJECTION`)).text()
    expect(form).toContain(number('E', 'PUBLIC'))
    expect(form).toContain('aria-label="异议申请"')
  })
})
