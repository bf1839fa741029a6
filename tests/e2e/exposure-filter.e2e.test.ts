// A citizen narrows the exposure board (诚信曝光台) to bad-conduct records (不良行为) with the filter
// form, checks that only such records are shown, and clears the filter again. At phone and
// desktop width.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { api, currentUrl, listTotal, usePage, useBrowser, VIEWPORTS } from './support/site'

const [all, bad, good] = await Promise.all(
  ['/api/v1/exposure?pageSize=1', '/api/v1/exposure?kind=BAD&pageSize=1', '/api/v1/exposure?kind=GOOD&pageSize=1'].map((p) => api<{ total: number }>(p)),
)

const getBrowser = useBrowser()

/** The kind badges (良好行为 / 不良行为) of each record listed on the page, joined by "+" if more than one. */
function recordKinds(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: '诚信曝光台记录' })
    .locator(':scope > li')
    .evaluateAll((items) =>
      items.map(
        (li) =>
          Array.from(li.querySelectorAll('span'))
            .map((span) => span.textContent?.trim())
            .filter((text) => text === '良好行为' || text === '不良行为')
            .join('+') || '(none)',
      ),
    )
}

describe('the demo data', () => {
  it('has both good and bad records in their publication period, so the filter can show a difference', () => {
    expect(bad.total).toBeGreaterThan(0)
    expect(good.total).toBeGreaterThan(0)
    expect(bad.total + good.total).toBe(all.total)
    expect(bad.total, 'enough bad records for two pages of two').toBeGreaterThan(2)
  })
})

describe.each(VIEWPORTS)('filtering the exposure board at %s', (_name, device) => {
  const getPage = usePage(getBrowser, device)

  it('shows only bad-conduct records after choosing 不良行为 in the form', async () => {
    const page = getPage()
    await page.goto('/exposure')
    expect(await listTotal(page)).toBe(all.total)
    const unfiltered = await recordKinds(page)
    expect(unfiltered.length).toBe(Math.min(20, all.total))

    const kind = page.getByLabel('记录类别')
    await kind.selectOption({ label: '不良行为' })
    await page.getByRole('search', { name: '筛选条件' }).getByRole('button', { name: '查询' }).click()
    await page.waitForURL((url) => url.pathname === '/exposure' && url.searchParams.get('kind') === 'BAD')

    expect(await listTotal(page)).toBe(bad.total)
    const kinds = await recordKinds(page)
    expect(kinds.length).toBe(Math.min(20, bad.total))
    expect(kinds.every((k) => k === '不良行为'), kinds.join(', ')).toBe(true)
    // the form shows the filter in force
    expect(await page.getByLabel('记录类别').inputValue()).toBe('BAD')
    // the export links carry the filter too
    const csv = await page.getByRole('link', { name: 'CSV（Excel）' }).getAttribute('href')
    expect(new URL(csv!, currentUrl(page)).searchParams.get('kind')).toBe('BAD')
  })

  it('keeps the filter when paging', async () => {
    const page = getPage()
    // the demo data has few bad records: two per page makes several pages
    await page.goto('/exposure?kind=BAD&pageSize=2')
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click()
    // "next" carries a cursor (keyset paging: web/server/lib/keyset-page.ts), not a page number
    await page.waitForURL((url) => url.searchParams.has('cursor'))
    await page.getByRole('navigation', { name: '分页' }).locator('[aria-current="page"]', { hasText: /^2$/ }).waitFor()
    expect(currentUrl(page).searchParams.get('kind')).toBe('BAD')
    expect(currentUrl(page).searchParams.get('pageSize')).toBe('2')
    const kinds = await recordKinds(page)
    expect(kinds).toEqual(['不良行为', '不良行为'])
  })

  it('shows the first page with a notice for a paging link that is no longer valid', async () => {
    const page = getPage()
    await page.goto('/exposure?kind=BAD&pageSize=2&cursor=not-a-cursor')
    await page.getByRole('status').filter({ hasText: '翻页链接无效或已过期，已显示第一页。' }).waitFor()
    await page.getByRole('navigation', { name: '分页' }).locator('[aria-current="page"]', { hasText: /^1$/ }).waitFor()
    expect(await recordKinds(page)).toEqual(['不良行为', '不良行为'])
    await page.goto('/exposure?kind=BAD&pageSize=2')
  })

  it('shows all records again after choosing 全部 and submitting', async () => {
    const page = getPage()
    // go on from the filtered list of the previous test
    if (currentUrl(page).searchParams.get('kind') !== 'BAD') await page.goto('/exposure?kind=BAD')
    expect(await page.getByLabel('记录类别').inputValue()).toBe('BAD')
    await page.getByLabel('记录类别').selectOption({ label: '全部' })
    await page.getByRole('search', { name: '筛选条件' }).getByRole('button', { name: '查询' }).click()
    await page.waitForURL((url) => url.pathname === '/exposure' && !url.searchParams.get('kind'))
    expect(await listTotal(page)).toBe(all.total)
    expect(await page.getByLabel('记录类别').inputValue()).toBe('')
    const kinds = await recordKinds(page)
    expect(kinds.length).toBe(Math.min(20, all.total))
    expect(kinds.every((k) => k === '良好行为' || k === '不良行为'), kinds.join(', ')).toBe(true)
  })

  it('clears the filter with 重置: the list and the form both show all records', async () => {
    const page = getPage()
    await page.goto('/exposure?kind=BAD')
    await page.getByRole('search', { name: '筛选条件' }).getByRole('link', { name: '重置' }).click()
    await page.waitForURL((url) => url.pathname === '/exposure' && url.search === '')
    expect(await listTotal(page)).toBe(all.total)
    // the form must not go on showing (and, on 查询, re-apply) the filter that was cleared
    expect(await page.getByLabel('记录类别').inputValue()).toBe('')
  })
})
