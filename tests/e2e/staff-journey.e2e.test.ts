// The back office end to end, as staff work it: an officer of 海口 signs in (password + TOTP),
// registers a project and records its five stages through the forms (the permit's 项目经理 and
// 总监理工程师 chosen through the pickers), prints the permit certificate, whose photographed QR
// verifies as genuine, sees the public project and permit pages, then revokes the certificate
// (reason + confirmation) and the same QR says 已撤销; a reviewer of 海口 decides an objection and
// the applicant's status page shows the outcome; an officer of 三亚 cannot see the 海口 project.
import { PNG } from 'pngjs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { chinaDateOf } from '../../shared/dates/calendar-date.ts'
import { addDays } from '../../shared/scoring/days.ts'
import { OBJECTION_STATUS_LABELS } from '../../shared/domain/enums.ts'
import { decodeQrFromPhoto } from '../../web/lib/certificates/qr/decode-qr.ts'
import { publicOnWhere } from '../../web/server/records/publication-where.ts'
import { baseUrl, factValue, useBrowser } from './support/site'
import { staffPage as openStaffPage, type DemoAccount } from './support/staff'

const db = createDb(inject('databaseUrl'))
afterAll(() => db.$disconnect())

const getBrowser = useBrowser()

const HAIKOU = '460100'

// the stages are dated relative to today (China time), as the server judges them
const today = chinaDateOf(new Date())
const runTag = String(Date.now()).slice(-6)

const staffPage = (username: DemoAccount) => openStaffPage(db, getBrowser() as Browser, username)

function decodePng(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  return decodeQrFromPhoto({ data: image.data, width: image.width, height: image.height })
}

/** One stage's section of the back office's project page. */
const stageSection = (page: Page, stage: string) => page.locator(`section[aria-labelledby="stage-${stage}"]`)

/** Waits until the stage's heading says 已办理. */
async function stageDone(page: Page, stage: string) {
  await page.locator(`#stage-${stage}`).getByText('已办理', { exact: true }).waitFor()
}

/** Picks an enterprise in a picker the way a user does: types part of the name, chooses the suggestion. */
async function pickEnterprise(page: Page, input: ReturnType<Page['getByLabel']>, enterprise: { uscc: string; name: string }) {
  await input.fill(enterprise.name.slice(0, 6))
  const listId = await input.getAttribute('list')
  const option = page.locator(`datalist[id="${listId}"] option[value^="${enterprise.uscc} "]`)
  await option.waitFor({ state: 'attached' })
  // choosing a datalist suggestion puts its value into the field
  await input.fill((await option.getAttribute('value'))!)
  expect(await input.inputValue()).toBe(enterprise.uscc)
}

/** Chooses a person in a practitioner picker once the enterprise's registered people have loaded. */
async function pickPerson(select: ReturnType<Page['getByLabel']>, personId: string) {
  await select.locator(`option[value="${personId}"]`).waitFor({ state: 'attached' })
  await select.selectOption(personId)
}

/**
 * Enterprises of 海口 of the given type with a person holding one of the registration types with
 * them, valid today (what the permit form's picker offers and the use case accepts).
 */
async function partyWithRegistered(type: 'CONTRACTOR' | 'SUPERVISOR', registrations: ('CONSTRUCTOR_1' | 'CONSTRUCTOR_2' | 'SUPERVISION_ENGINEER')[]) {
  const on = new Date(`${today}T00:00:00Z`)
  const registration = await db.registration.findFirst({
    where: { type: { in: registrations }, issuedOn: { lte: on }, validUntil: { gte: on }, employer: { type, regionCode: HAIKOU } },
    orderBy: { number: 'asc' },
    select: { person: { select: { id: true, name: true } }, employer: { select: { uscc: true, name: true } } },
  })
  if (!registration?.employer) throw new Error(`no ${type} of 海口 with a valid ${registrations.join('/')} registration in the test data`)
  return { enterprise: registration.employer, person: registration.person }
}

describe('staff journey: project, five stages, certificate, objection, region boundary', () => {
  let officer: { context: BrowserContext; page: Page }
  const project = { name: `滨海大道综合楼工程${runTag}`, code: '', permitNumber: '', serial: '', qrUrl: '' }

  beforeAll(async () => {
    officer = await staffPage('haikou')
  })
  afterAll(async () => {
    await officer?.context.close()
  })

  it('the 海口 officer registers a project and records stages 1-3 through the forms', async () => {
    const p = officer.page
    const owner = await db.enterprise.findFirstOrThrow({ where: { type: 'OWNER', regionCode: HAIKOU }, orderBy: { uscc: 'asc' }, select: { uscc: true, name: true } })
    const { enterprise: contractor } = await partyWithRegistered('CONTRACTOR', ['CONSTRUCTOR_1', 'CONSTRUCTOR_2'])
    const { enterprise: supervisor } = await partyWithRegistered('SUPERVISOR', ['SUPERVISION_ENGINEER'])

    await p.goto('/admin/projects/new')
    const register = p.getByRole('form', { name: '登记新项目' })
    await register.getByLabel('项目名称').fill(project.name)
    await register.getByLabel('项目地址').fill('海口市美兰区滨海大道 100 号')
    expect(await register.getByLabel('所在市县').inputValue()).toBe(HAIKOU)
    await register.getByLabel('工程类别').selectOption({ index: 1 })
    await register.getByLabel('总投资（万元）').fill('12800')
    await register.getByLabel('建筑面积（平方米）').fill('25600')
    await pickEnterprise(p, register.getByLabel('建设单位'), owner)
    await register.getByRole('button', { name: '登记项目' }).click()
    await p.waitForURL(/\/admin\/projects\/\d{17}$/)
    project.code = new URL(p.url()).pathname.split('/').pop()!
    expect(project.code.slice(0, 6)).toBe(HAIKOU)
    await p.getByRole('heading', { level: 1, name: project.name }).waitFor()

    // 1. 合同备案: the construction contract, then the supervision contract
    for (const [role, party, price] of [
      ['CONTRACTOR', contractor, '9800'],
      ['SUPERVISOR', supervisor, '260'],
    ] as const) {
      const section = stageSection(p, 'CONTRACT_FILING')
      const details = section.locator('details').filter({ has: p.locator('summary', { hasText: '登记合同备案' }) })
      // the form is open while 合同备案 is the next stage; afterwards it is behind its summary
      if ((await details.getAttribute('open')) === null) await details.locator('summary').click()
      const form = section.getByRole('form', { name: '登记合同备案' })
      await form.getByLabel('合同类型').selectOption(role)
      await pickEnterprise(p, form.getByLabel('合同当事单位'), party)
      await form.getByLabel('合同价格（万元）').fill(price)
      await form.getByLabel('合同签订日期').fill(addDays(today, -30))
      await form.getByLabel('备案日期').fill(addDays(today, -28))
      await form.getByRole('button', { name: '登记合同备案' }).click()
      await section.locator('article', { hasText: party.name }).waitFor()
    }
    await stageDone(p, 'CONTRACT_FILING')

    // 2. 施工图审查
    const review = stageSection(p, 'DRAWING_REVIEW').getByRole('form', { name: '登记施工图审查' })
    await review.getByLabel('审图机构').fill('海南省建设工程施工图审查中心')
    await review.getByLabel('审查结论').selectOption('合格')
    await review.getByLabel('发现问题数').fill('3')
    await review.getByLabel('审查合格书编号').fill(`SC-HK-${runTag}`)
    await review.getByLabel('审查通过日期').fill(addDays(today, -20))
    await review.getByRole('button', { name: '登记施工图审查' }).click()
    await stageDone(p, 'DRAWING_REVIEW')

    // 3. 质量安全报监
    const supervision = stageSection(p, 'SUPERVISION_FILING').getByRole('form', { name: '登记质量安全报监' })
    await supervision.getByLabel('质量安全监督机构').fill('海口市建设工程质量安全监督站')
    await supervision.getByLabel('报监日期').fill(addDays(today, -10))
    await supervision.getByRole('button', { name: '登记质量安全报监' }).click()
    await stageDone(p, 'SUPERVISION_FILING')
  }, 120_000)

  it('issues the permit with the 项目经理 and 总监理工程师 chosen through the pickers', async () => {
    const p = officer.page
    const manager = await partyWithRegistered('CONTRACTOR', ['CONSTRUCTOR_1', 'CONSTRUCTOR_2'])
    const chief = await partyWithRegistered('SUPERVISOR', ['SUPERVISION_ENGINEER'])
    const form = stageSection(p, 'CONSTRUCTION_PERMIT').getByRole('form', { name: '核发施工许可证' })
    await form.getByLabel('建设规模').fill('地上18层 地下2层')
    await form.getByLabel('建筑面积（平方米）').fill('25600')
    await form.getByLabel('合同价格（万元）').fill('9800')
    await form.getByLabel('计划开工日期').fill(addDays(today, 7))
    await form.getByLabel('计划竣工日期').fill(addDays(today, 700))
    // the person pickers wait for their enterprise
    expect(await form.getByLabel('项目经理').locator('option').first().innerText()).toContain('请先填写企业统一社会信用代码')
    await pickEnterprise(p, form.getByLabel('施工单位'), manager.enterprise)
    await pickPerson(form.getByLabel('项目经理'), manager.person.id)
    await pickEnterprise(p, form.getByLabel('监理单位'), chief.enterprise)
    await pickPerson(form.getByLabel('总监理工程师'), chief.person.id)
    await form.getByRole('button', { name: '核发施工许可证' }).click()
    await stageDone(p, 'CONSTRUCTION_PERMIT')

    const permit = stageSection(p, 'CONSTRUCTION_PERMIT').locator('article').first()
    expect(await permit.innerText()).toContain(manager.person.name)
    expect(await permit.innerText()).toContain(chief.person.name)
    project.permitNumber = (await permit.locator('div', { has: p.getByText('许可证编号', { exact: true }) }).locator('dd').innerText()).trim()
    expect(project.permitNumber).toMatch(/^\d{18}$/)
    const certificate = permit.getByText(/^证书 /)
    project.serial = (await permit.locator('span.font-mono').first().innerText()).trim()
    expect(await certificate.innerText()).toContain('有效')
    // the key people are on the project now
    const parties = await p.locator('section[aria-labelledby="parties"]').innerText()
    expect(parties).toContain(`项目经理：${manager.person.name}`)
    expect(parties).toContain(`总监理工程师：${chief.person.name}`)
  }, 90_000)

  it('the printed permit certificate\'s QR verifies as genuine', async () => {
    const p = officer.page
    const print = stageSection(p, 'CONSTRUCTION_PERMIT').getByRole('link', { name: '打印证书' })
    expect(await print.getAttribute('href')).toBe(`/certificates/${project.serial}`)
    await p.goto(`/certificates/${project.serial}`)
    await p.locator('.certificate-qr svg').waitFor()
    const decoded = decodePng(await p.locator('.certificate-sheet').screenshot())
    expect(decoded).toMatch(new RegExp(`^${baseUrl.replace(/[.]/g, '\\.')}/v/[A-Za-z0-9_-]+$`))
    project.qrUrl = decoded!
    await p.goto(project.qrUrl)
    const verdict = p.getByTestId('verify-verdict')
    await expect.poll(() => verdict.getAttribute('data-status')).toBe('VALID')
    expect(await verdict.getByRole('heading', { level: 2 }).innerText()).toContain('真实有效')
    expect(await verdict.innerText()).toContain(project.serial)
  }, 60_000)

  it('files the completion, and the public pages show the five stages and the permit', async () => {
    const p = officer.page
    await p.goto(`/admin/projects/${project.code}`)
    const form = stageSection(p, 'COMPLETION_FILING').getByRole('form', { name: '办理竣工验收备案' })
    await form.getByLabel('竣工验收日期').fill(today)
    await form.getByLabel('实际造价（万元）').fill('12650.5')
    await form.getByLabel('实际建筑面积（平方米）').fill('25580')
    await form.getByRole('button', { name: '办理竣工验收备案' }).click()
    await stageDone(p, 'COMPLETION_FILING')

    await p.goto(`/projects/${project.code}`)
    await p.getByRole('heading', { level: 1, name: project.name }).waitFor()
    const timeline = p.locator('ol[aria-labelledby="stages-heading"]')
    await expect.poll(() => timeline.locator(':scope > li').count()).toBe(5)
    const items = timeline.locator(':scope > li')
    for (let i = 0; i < 5; i++) expect(await items.nth(i).innerText()).toContain('已办理')
    const permitLink = timeline.getByRole('link', { name: project.permitNumber, exact: true })
    expect(await permitLink.getAttribute('href')).toBe(`/permits/${project.permitNumber}`)

    await p.goto(`/permits/${project.permitNumber}`)
    await p.getByRole('heading', { level: 1, name: '建筑工程施工许可证' }).waitFor()
    const main = await p.locator('main').innerText()
    expect(main).toContain(project.permitNumber)
    expect(main).toContain(project.name)
  }, 90_000)

  it('revokes the permit certificate with a reason after the confirmation; the same QR says 证书已撤销', async () => {
    const p = officer.page
    await p.goto(`/admin/projects/${project.code}`)
    const permit = stageSection(p, 'CONSTRUCTION_PERMIT').locator('article').first()
    await permit.locator('summary', { hasText: '撤销证书' }).click()
    const form = permit.getByRole('form', { name: '撤销证书' })
    const reason = '建设单位提供虚假材料，撤销施工许可'
    await form.getByLabel('原因').fill(reason)
    // without the confirmation nothing happens
    await form.getByRole('button', { name: '确认撤销' }).click()
    await form.getByText('请勾选确认').waitFor()
    expect(await db.certificate.findUniqueOrThrow({ where: { serial: project.serial }, select: { status: true } })).toEqual({ status: 'VALID' })
    await form.getByLabel(`我确认撤销证书 ${project.serial}`).check()
    await form.getByRole('button', { name: '确认撤销' }).click()
    await permit.getByText(`已撤销：${reason}`).waitFor()

    await p.goto(project.qrUrl)
    const verdict = p.getByTestId('verify-verdict')
    await expect.poll(() => verdict.getAttribute('data-status')).toBe('REVOKED')
    expect(await verdict.innerText()).toContain('证书已撤销')
  }, 60_000)

  it('a 海口 reviewer decides an objection; the applicant\'s status page shows the outcome and date', async () => {
    // an objection of 海口, submitted through the public API against a record public today
    const records = await db.integrityRecord.findMany({
      where: { ...publicOnWhere(today), enterprise: { regionCode: HAIKOU } },
      orderBy: { id: 'asc' },
      take: 10,
      select: { id: true },
    })
    let trackingNumber = ''
    for (const { id } of records) {
      const res = await fetch(`${baseUrl}/api/v1/objections`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ recordId: id, kind: 'OBJECTION', applicantName: '海南某建设工程有限公司', contactPhone: '13800138000', reasons: '该处罚决定已被复议机关撤销，请核实后更正或撤销该记录。' }),
      })
      if (res.status === 201) {
        trackingNumber = ((await res.json()) as { trackingNumber: string }).trackingNumber
        break
      }
    }
    expect(trackingNumber, 'no public 海口 record accepted an objection').not.toBe('')

    const reviewer = await staffPage('haikou-reviewer')
    try {
      const p = reviewer.page
      await p.goto('/admin/objections')
      await p.getByRole('link', { name: trackingNumber }).click()
      await p.waitForURL(new RegExp(`/admin/objections/${trackingNumber}$`))
      // 受理, then 不予采纳 with the reason, confirmed
      await p.getByRole('button', { name: /受理/ }).click()
      await expect.poll(() => p.locator('main header').innerText()).toContain(OBJECTION_STATUS_LABELS.UNDER_REVIEW)
      const reject = p.getByRole('form', { name: '不予采纳' })
      const reason = '经核实，复议决定维持原处罚，记录无误。'
      await reject.getByLabel('不予采纳的理由').fill(reason)
      await reject.getByLabel('确认不予采纳；记录保持不变').check()
      await reject.getByRole('button', { name: '不予采纳' }).click()
      await p.waitForURL(/\/admin\/objections\?/)
      await p.getByRole('status').filter({ hasText: trackingNumber }).waitFor()
      expect(await p.getByRole('link', { name: trackingNumber }).count()).toBe(0)

      await p.goto(`/credit/objections/${trackingNumber}`)
      // the status streams in after the page's shell: wait until the answer is on screen
      await p.locator('main').getByText(reason).waitFor()
      expect(await p.getByTestId('objection-status').innerText()).toBe(OBJECTION_STATUS_LABELS.REJECTED)
      expect(await factValue(p, '状态更新').innerText()).toContain(chinaDateOf(new Date()))
    } finally {
      await reviewer.context.close()
    }
  }, 90_000)

  it('a 三亚 officer neither lists nor opens the 海口 project', async () => {
    const sanya = await staffPage('sanya')
    try {
      const p = sanya.page
      await p.goto(`/admin/projects?q=${project.code}`)
      await p.getByRole('heading', { level: 1 }).first().waitFor()
      expect(await p.locator('main').innerText()).not.toContain(project.code)
      await p.goto(`/admin/projects?q=${encodeURIComponent(project.name)}`)
      await p.getByRole('heading', { level: 1 }).first().waitFor()
      expect(await p.locator('main').innerText()).not.toContain(project.name)

      // the page streams (the session is read inside a Suspense boundary), so the answer is the
      // not-found page in place of the project rather than the HTTP status
      await p.goto(`/admin/projects/${project.code}`)
      await p.getByRole('heading', { name: '页面不存在' }).waitFor()
      const body = await p.locator('body').innerText()
      expect(body).not.toContain(project.name)
      expect(body).not.toContain(project.permitNumber)
      expect(await p.getByRole('form').filter({ hasText: '登记' }).count()).toBe(0)
    } finally {
      await sanya.context.close()
    }
  }, 60_000)
})
