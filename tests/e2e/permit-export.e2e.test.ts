// A citizen filters the construction permits by city (三亚市) and downloads the result as CSV:
// the file opens in Excel (UTF-8 BOM), has the register's header, exactly the rows the page
// counted, all of 三亚市, and the same permits as the JSON export. At phone and desktop width.
import fs from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { api, baseUrl, currentUrl, listTotal, usePage, useBrowser, VIEWPORTS } from './support/site'
import { CsvSyntaxError, csvToObjects, parseCsv, startsWithUtf8Bom } from './support/csv'

const REGION = { code: '460200', name: '三亚市' }

const getBrowser = useBrowser()

describe('the CSV parser of the tests', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF or LF records', () => {
    expect(parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line\r\nbreak",\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line\r\nbreak', ''],
    ])
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(parseCsv('"",x\r\n')).toEqual([['', 'x']])
    expect(parseCsv('')).toEqual([])
  })

  it('rejects malformed CSV instead of guessing', () => {
    expect(() => parseCsv('"open')).toThrow(CsvSyntaxError)
    expect(() => parseCsv('"a"b,c')).toThrow(CsvSyntaxError)
    expect(() => parseCsv('a"b,c')).toThrow(CsvSyntaxError)
    expect(() => csvToObjects(parseCsv('a,b\r\n1\r\n'))).toThrow(CsvSyntaxError)
  })
})

describe.each(VIEWPORTS)('exporting permits as CSV at %s', (_name, device) => {
  const getPage = usePage(getBrowser, device)

  it('downloads exactly the filtered permits of 三亚市', async () => {
    const page = getPage()
    await page.goto('/permits')
    const everywhere = await listTotal(page)

    await page.getByLabel('市县').selectOption({ label: REGION.name })
    await page.getByRole('search', { name: '筛选条件' }).getByRole('button', { name: '查询' }).click()
    await page.waitForURL((url) => url.pathname === '/permits' && url.searchParams.get('region') === REGION.code)
    expect(await page.getByLabel('市县').inputValue()).toBe(REGION.code)

    const total = await listTotal(page)
    const { total: apiTotal } = await api<{ total: number }>(`/api/v1/permits?region=${REGION.code}&pageSize=1`)
    expect(total).toBe(apiTotal)
    expect(total, 'the demo data has permits in 三亚市').toBeGreaterThan(0)
    expect(total, 'the filter narrows the list').toBeLessThan(everywhere)
    // the cards of the first page are all of 三亚市
    const regions = await page
      .getByRole('list', { name: '施工许可证列表' })
      .locator(':scope > li dl > div')
      .filter({ has: page.locator('dt', { hasText: /^市县$/ }) })
      .locator('dd')
      .allInnerTexts()
    expect(regions.length).toBe(Math.min(20, total))
    expect(new Set(regions)).toEqual(new Set([REGION.name]))

    const link = page.getByRole('link', { name: 'CSV（Excel）' })
    const href = await link.getAttribute('href')
    expect(new URL(href!, currentUrl(page)).searchParams.get('region')).toBe(REGION.code)
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const failure = await download.failure()
    expect(failure).toBeNull()
    const bytes = new Uint8Array(await fs.readFile((await download.path())!))

    expect(startsWithUtf8Bom(bytes), `first bytes ${Buffer.from(bytes.slice(0, 3)).toString('hex')}`).toBe(true)
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3))
    const { header, rows } = csvToObjects(parseCsv(text))
    expect(header[0]).toBe('施工许可证编号')
    expect(header).toContain('行政区划')
    expect(rows.length).toBe(total)
    const outside = rows.filter((r) => r['行政区划'] !== REGION.name)
    expect(outside.map((r) => `${r['施工许可证编号']} ${r['行政区划']}`)).toEqual([])
    expect(new Set(rows.map((r) => r['施工许可证编号'])).size, 'no permit twice').toBe(total)

    // the same filter exported as JSON names the same permits
    const json = (await (await fetch(`${baseUrl}/api/v1/permits/export?region=${REGION.code}&format=json`)).json()) as { permitNumber: string }[]
    expect(rows.map((r) => r['施工许可证编号']).sort()).toEqual(json.map((p) => p.permitNumber).sort())
  })
})
