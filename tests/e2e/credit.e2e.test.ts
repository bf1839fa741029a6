// Credit grades in the browser, at phone and desktop width: a profile explains its grade record by
// record; the ranking filters by grade; an enterprise checks its grade by USCC; an objection with a
// bad phone number gets a Chinese message, then a valid one a tracking number and a status page
// with the phone masked; and the credit pages never scroll sideways.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PHONE_MESSAGE } from '@shared/objections/input'
import { api, currentUrl, listTotal, usePage, useBrowser, VIEWPORTS } from './support/site'

interface Credit {
  subject: { type: string; name: string; uscc?: string }
  score: number
  grade: string
  gradeLabel: string
  contributions: { record: { id: string; title: string }; points: number; countsUntil: string }[]
  nextChanges: { date: string }[]
  history: { asOf: string }[]
}

// an enterprise whose grade rests on records: the one with a bad record on the exposure board
const exposure = await api<{ items: { id: string; kind: string; subject: { type: string; uscc?: string } }[] }>('/api/v1/exposure?subjectType=ENTERPRISE&kind=BAD&pageSize=1')
const uscc = exposure.items[0].subject.uscc!
const credit = await api<Credit>(`/api/v1/enterprises/${uscc}/credit`)
// a grade other than A exists in the demo data (the ranking is not all one grade)
const ranking = await api<{ items: { grade: string }[] }>('/api/v1/credit-grades?pageSize=1')
const topGrade = ranking.items[0].grade
const topGradeTotal = (await api<{ total: number }>(`/api/v1/credit-grades?grade=${topGrade}&pageSize=1`)).total

const getBrowser = useBrowser()

/**
 * What makes the page scroll sideways: empty when it does not. (The main navigation scrolls inside
 * itself on a phone, so only a page wider than the viewport counts; its widest parts in main are named.)
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const s = document.scrollingElement!
    if (s.scrollWidth <= s.clientWidth + 1) return []
    const width = s.clientWidth
    const out = Array.from(document.querySelectorAll('main *'))
      .filter((el) => {
        const rect = el.getBoundingClientRect()
        return rect.width > 0 && rect.right > width + 1
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`)
    return out.length ? out : [`page ${s.scrollWidth} px wide in ${width} px`]
  })
}

describe('the demo data', () => {
  it('has an enterprise whose grade counts records, and grades other than A', () => {
    expect(credit.contributions.length).toBeGreaterThan(0)
    expect(credit.history.length).toBeGreaterThan(1)
    expect(topGrade).not.toBe('A')
  })
})

describe.each(VIEWPORTS)('credit grades at %s', (_name, device) => {
  const getPage = usePage(getBrowser, device)

  it('explain the grade on the enterprise profile, record by record, with its history', async () => {
    const page = getPage()
    await page.goto(`/enterprises/${uscc}#grade`)
    const explanation = page.getByTestId('credit-explanation')
    expect(await explanation.locator('[data-grade]').first().getAttribute('data-grade')).toBe(credit.grade)
    expect(await explanation.getByTestId('credit-score').innerText()).toBe(String(credit.score))
    const items = explanation.getByRole('list', { name: '计分记录' }).locator(':scope > li')
    // the explanation streams in after the page shell: wait for its list before counting
    await items.first().waitFor()
    expect(await items.count()).toBe(credit.contributions.length)
    const first = credit.contributions[0]
    const firstText = await items.first().innerText()
    expect(firstText).toContain(first.record.title)
    expect(firstText).toContain(`${first.countsUntil} 起不再计分`)
    expect(firstText).toMatch(new RegExp(`${first.points < 0 ? '−' : '\\+'}${Math.abs(first.points)} 分`))
    // what the grade means for supervision, in words
    expect(await explanation.getByRole('heading', { name: '对监管的影响（差别化监管）' }).isVisible()).toBe(true)
    expect(await explanation.innerText()).toContain('日常检查')
    // history: a table row per stored snapshot (the chart beside it is drawn from the same data)
    const history = explanation.getByRole('table').filter({ hasText: '评价基准日' })
    expect(await history.locator('tbody tr').count()).toBe(credit.history.length)
    expect(await overflowing(page)).toEqual([])
  })

  it('filter the ranking by grade with the form', async () => {
    const page = getPage()
    await page.goto('/credit')
    await page.getByLabel('信用等级', { exact: true }).selectOption(topGrade)
    await page.getByRole('search', { name: '筛选条件' }).getByRole('button', { name: '查询' }).click()
    await page.waitForURL((url) => url.pathname === '/credit' && url.searchParams.get('grade') === topGrade)
    expect(await listTotal(page)).toBe(topGradeTotal)
    const badges = await page.getByRole('list', { name: '信用等级排行' }).locator(':scope > li').evaluateAll((lis) =>
      lis.map((li) => li.querySelector('[data-grade]')?.getAttribute('data-grade')),
    )
    expect(badges.length).toBe(Math.min(20, topGradeTotal))
    expect(new Set(badges)).toEqual(new Set([topGrade]))
    const csv = await page.getByRole('link', { name: 'CSV（Excel）' }).getAttribute('href')
    expect(new URL(csv!, currentUrl(page)).searchParams.get('grade')).toBe(topGrade)
  })

  it('let an enterprise check its grade by USCC, and say in Chinese what is wrong with a bad code', async () => {
    const page = getPage()
    await page.goto('/credit/check')
    const input = page.getByLabel('统一社会信用代码、企业名称或执业注册编号')
    await input.fill(`${uscc.slice(0, 17)}${uscc[17] === 'A' ? 'B' : 'A'}`)
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByRole('alert').filter({ hasText: '统一社会信用代码有误' }).waitFor()
    await page.getByLabel('统一社会信用代码、企业名称或执业注册编号').fill(uscc.toLowerCase())
    await page.getByRole('button', { name: '查询' }).click()
    await page.waitForURL((url) => url.pathname === '/credit/check' && url.searchParams.get('q') === uscc.toLowerCase())
    // the answer streams in after the form
    await page.getByRole('heading', { level: 2, name: credit.subject.name }).waitFor()
    const explanation = page.getByTestId('credit-explanation')
    expect(await explanation.getByTestId('credit-score').innerText()).toBe(String(credit.score))
    expect(await explanation.getByRole('heading', { name: '记录到期后的变化' }).isVisible()).toBe(true)
    if (credit.nextChanges.length) expect(await explanation.getByRole('list', { name: '今后的变化' }).innerText()).toContain(credit.nextChanges[0].date)
    expect(await overflowing(page)).toEqual([])
  })

  it('take an objection: a bad phone gets a Chinese message, a good one a tracking number and a status page', async () => {
    const page = getPage()
    await page.goto(`/exposure?subjectType=ENTERPRISE&kind=BAD`)
    await page.locator(`#record-${exposure.items[0].id}`).getByRole('link', { name: '对此记录提出异议' }).click()
    await page.waitForURL((url) => url.pathname === '/credit/objections/new' && url.searchParams.get('record') === exposure.items[0].id)
    await page.getByLabel('申请人').fill('海南测试建设工程有限公司')
    await page.getByLabel('联系电话').fill('12345')
    await page.getByLabel('异议理由').fill('该记录的处罚决定文号与原件不一致，请予核实更正。')
    await page.getByRole('button', { name: '提交申请' }).click()
    await page.getByText(PHONE_MESSAGE).waitFor()
    expect(await page.getByLabel('联系电话').getAttribute('aria-invalid')).toBe('true')
    // nothing typed is lost
    expect(await page.getByLabel('申请人').inputValue()).toBe('海南测试建设工程有限公司')
    expect(currentUrl(page).pathname).toBe('/credit/objections/new')

    await page.getByLabel('联系电话').fill('139 0898 1234')
    await page.getByRole('button', { name: '提交申请' }).click()
    await page.waitForURL((url) => /^\/credit\/objections\/YY\d{8}[0-9A-Z]{13}$/.test(url.pathname))
    const trackingNumber = currentUrl(page).pathname.split('/').pop()!
    expect(await page.getByTestId('objection-status').innerText()).toBe('已提交')
    expect(await page.getByTestId('objection-phone').innerText()).toBe('139****1234')
    expect(await page.content()).not.toContain('13908981234')
    expect(await page.getByRole('status').innerText()).toContain('申请已提交')
    // the API tells the same, masked
    const view = await api<{ status: string; contactPhoneMasked: string }>(`/api/v1/objections/${trackingNumber}`)
    expect(view).toMatchObject({ status: 'SUBMITTED', contactPhoneMasked: '139****1234' })
    expect(await overflowing(page)).toEqual([])
  })

  it.for(['/credit', '/credit/blacklist', '/credit/standard', `/credit/objections/new?record=${exposure.items[0].id}&kind=REPAIR`])(
    '%s fits the width without sideways scrolling',
    async (path) => {
      const page = getPage()
      await page.goto(path)
      expect(await page.locator('h1').count()).toBe(1)
      expect(await overflowing(page)).toEqual([])
    },
  )
})
