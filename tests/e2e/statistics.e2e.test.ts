// The statistics page draws its charts (ECharts, SVG renderer) once the browser has loaded them,
// and its per-region table lists 海口市 and the province total (全省合计) with the figures of the
// statistics API. At phone and desktop width.
import { describe, expect, it } from 'vitest'
import { api, isPhone, usePage, useBrowser, VIEWPORTS } from './support/site'

interface Figures {
  rows: { regionName: string; regionShortName: string; count: number }[]
  total: { count: number }
}
const report = await api<{ permits: Figures; completionFilings: Figures }>('/api/v1/statistics/permits')
const haikou = report.permits.rows.find((r) => r.regionName === '海口市')!

const getBrowser = useBrowser()

const digits = (s: string) => Number(s.replace(/[^\d]/g, ''))

describe.each(VIEWPORTS)('the statistics page at %s', (_name, device) => {
  const getPage = usePage(getBrowser, device)

  it('draws the region chart and the monthly chart as SVG', async () => {
    const page = getPage()
    await page.goto('/statistics')
    const regionChart = page.getByRole('region', { name: '施工许可（按市县）' }).locator('figure')
    // ECharts creates the <svg> at once and draws into it on the next frame: wait for a label
    // the bars are drawn with the regions' short names (海口, 三亚 …)
    await regionChart.locator('svg text').filter({ hasText: new RegExp(`^${haikou.regionShortName}$`) }).first().waitFor()
    expect(await regionChart.locator('svg path').count()).toBeGreaterThan(report.permits.rows.filter((r) => r.count > 0).length)
    const box = await regionChart.locator('svg').first().boundingBox()
    expect(box!.width).toBeGreaterThan(device.viewport.width * 0.6)
    expect(box!.width).toBeLessThanOrEqual(device.viewport.width)
    expect(box!.height).toBeGreaterThan(100)

    const monthlyChart = page.getByRole('region', { name: /逐月办理情况$/ }).locator('figure')
    await monthlyChart.locator('svg text').filter({ hasText: /^1月$/ }).first().waitFor()
    expect(await monthlyChart.locator('svg path').count()).toBeGreaterThan(0)
  })

  it('lists 海口市 and the province total (全省合计) in the permit table, with the figures of the API', async () => {
    const page = getPage()
    if (new URL(page.url()).pathname !== '/statistics') await page.goto('/statistics')
    const table = page.getByRole('table', { name: /各市县施工许可办理情况/ })
    await table.waitFor()
    // on a phone the region column shows the short name (海口) to save width
    const name = isPhone(device) ? haikou.regionShortName : haikou.regionName
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    expect(await row.count()).toBe(1)
    expect(digits(await row.getByRole('cell').first().innerText())).toBe(haikou.count)

    const total = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '全省合计', exact: true }) })
    expect(await total.count()).toBe(1)
    expect(digits(await total.getByRole('cell').first().innerText())).toBe(report.permits.total.count)
    // one row per region and the total
    expect(await table.getByRole('rowheader').count()).toBe(report.permits.rows.length + 1)
  })
})
