// A citizen looks up a contractor: types part of its name into the site search on the home page,
// opens the enterprise, follows a project of its track record (业绩) to the project page (five-stage
// timeline, participants) and opens the project's construction permit. At phone and desktop width.
import { describe, expect, it } from 'vitest'
import { api, currentUrl, factValue, usePage, useBrowser, VIEWPORTS } from './support/site'
import { findSearchJourney } from './support/samples'

const STAGE_NAMES = ['合同备案', '施工图审查', '质量安全报监', '施工许可', '竣工验收备案']

const journey = await findSearchJourney()
const { enterprise, fragment, project } = journey
const permit = await api<{ permitNumber: string; issuedOn: string; authorityName: string; owner: { name: string }; contractorName: string }>(
  `/api/v1/permits/${encodeURIComponent(project.permit.permitNumber)}`,
)

const getBrowser = useBrowser()

describe.each(VIEWPORTS)('searching an enterprise at %s', (_name, device) => {
  const getPage = usePage(getBrowser, device)

  it('finds the enterprise from the home page search box by part of its name', async () => {
    const page = getPage()
    await page.goto('/')
    const search = page.getByRole('search', { name: '全站搜索' })
    await search.getByLabel('搜索施工许可、竣工验收备案、项目、企业、从业人员').fill(fragment)
    await search.getByRole('button', { name: '搜索' }).click()
    await page.waitForURL((url) => url.pathname === '/search')
    expect(currentUrl(page).searchParams.get('q')).toBe(fragment)

    const results = page.getByRole('region', { name: '企业' })
    const link = results.getByRole('link', { name: enterprise.name, exact: true })
    await link.waitFor()
    expect(await link.getAttribute('href')).toBe(`/enterprises/${enterprise.uscc}`)
    // the search box keeps the term
    expect(await page.getByRole('main').getByRole('searchbox').inputValue()).toBe(fragment)

    await link.click()
    await page.waitForURL((url) => url.pathname === `/enterprises/${enterprise.uscc}`)
    await expectEnterpriseProfile()
  })

  async function expectEnterpriseProfile() {
    const page = getPage()
    // client-side navigation: wait for the profile to stream in
    await page.getByRole('heading', { level: 1, name: enterprise.name, exact: true }).waitFor()
    expect((await factValue(page, '统一社会信用代码').innerText()).trim()).toBe(enterprise.uscc)
    expect((await factValue(page, '企业名称').innerText()).trim()).toBe(enterprise.name)
  }

  it('follows a project of the track record (业绩) to its five-stage timeline and participants', async () => {
    const page = getPage()
    expect(currentUrl(page).pathname, 'the previous step ends on the enterprise profile').toBe(`/enterprises/${enterprise.uscc}`)
    const trackRecord = page.getByRole('region', { name: /^业绩/ })
    const item = trackRecord.getByRole('list', { name: '业绩列表' }).getByRole('listitem').filter({ hasText: project.projectCode })
    expect(await item.count()).toBeGreaterThanOrEqual(1)
    await item.first().getByRole('link', { name: project.projectName, exact: true }).click()
    await page.waitForURL((url) => url.pathname === `/projects/${project.projectCode}`)

    await page.getByRole('heading', { level: 1, name: project.projectName, exact: true }).waitFor()
    expect((await factValue(page, '项目编码').innerText()).trim()).toBe(project.projectCode)

    // the timeline is an ordered list of exactly the five stages, in order
    const timeline = page.getByRole('list', { name: '五个环节办理情况' })
    const stages = timeline.locator(':scope > li')
    expect(await stages.count()).toBe(5)
    const headings = await stages.locator('h3').allTextContents()
    expect(headings.map((h) => STAGE_NAMES.find((name) => h.endsWith(name)) ?? h)).toEqual(STAGE_NAMES)
    // a project with a construction permit has the permit stage done
    expect(await stages.nth(3).getByText('已办理', { exact: true }).count()).toBe(1)

    // participants: a table of roles naming the enterprise we came from
    const participants = page.getByRole('table', { name: '参建单位及关键岗位人员' })
    await participants.waitFor()
    for (const role of ['建设单位', '施工单位']) {
      expect(await participants.getByRole('rowheader', { name: role, exact: true }).count(), role).toBe(1)
    }
    expect(await participants.getByRole('link', { name: enterprise.name, exact: true }).count()).toBeGreaterThanOrEqual(1)
  })

  it('opens the construction permit from the project page and shows the certificate fields', async () => {
    const page = getPage()
    expect(currentUrl(page).pathname, 'the previous step ends on the project page').toBe(`/projects/${project.projectCode}`)
    const permitStage = page.getByRole('list', { name: '五个环节办理情况' }).locator(':scope > li').nth(3)
    await permitStage.getByRole('link', { name: permit.permitNumber, exact: true }).click()
    await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/permits/${permit.permitNumber}`)

    await page.getByRole('heading', { level: 1, name: /施工许可证/ }).waitFor()
    expect((await factValue(page, '编号').innerText()).trim()).toBe(permit.permitNumber)
    expect((await factValue(page, '建设单位').innerText()).trim()).toBe(permit.owner.name)
    expect((await factValue(page, '施工单位').innerText()).trim()).toBe(permit.contractorName)
    expect((await factValue(page, '发证机关').innerText()).trim()).toBe(permit.authorityName)
    expect((await factValue(page, '发证日期').innerText()).trim()).toBe(permit.issuedOn)
    expect(permit.issuedOn).toBe(project.permit.issuedOn)
    // the enterprise of the journey is on the permit (as owner, contractor or another party)
    expect(await page.getByRole('main').getByRole('link', { name: enterprise.name, exact: true }).count()).toBeGreaterThanOrEqual(1)
  })
})
