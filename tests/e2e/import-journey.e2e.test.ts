// Bulk import in the browser, as an officer of 海口 does it: downloads the Excel template (data,
// 说明 and 代码表 sheets), uploads a CSV saved by Chinese Excel (GBK) of two new enterprises, waits
// on the job page for the dry run (nothing written yet), confirms, and sees the rows written;
// uploads a file with a bad row and reads the problem on screen and in the downloadable report;
// an officer of 三亚 cannot open the 海口 job.
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { IMPORT_KINDS } from '../../shared/import/import-kinds.ts'
import { makeUscc } from '../../shared/validators/uscc.ts'
import { useBrowser } from './support/site'
import { staffPage } from './support/staff'

const db = createDb(inject('databaseUrl'))
afterAll(() => db.$disconnect())
const getBrowser = useBrowser()

const runTag = String(Date.now()).slice(-6)
const HEADERS = IMPORT_KINDS.enterprises.columns.map((c) => c.header)
const codes = [makeUscc('91', '460100', `E1${runTag}`), makeUscc('91', '460100', `E2${runTag}`)]

function csv(rows: string[][]): string {
  return [HEADERS, ...rows].map((r) => r.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n'
}
const row = (code: string, name: string, established = '2014/6/18') => [code, name, '施工单位', '海口市', '陈立', '海南省海口市秀英区长滨路8号', '3,000', established]

async function uploadFile(page: Page, name: string, bytes: Buffer) {
  await page.goto('/admin/imports')
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: '上传并预检' }) })
  await form.getByLabel('数据类型').selectOption({ label: '企业基本信息' })
  await form.getByLabel(/^文件/).setInputFiles({ name, mimeType: 'text/csv', buffer: bytes })
  await form.getByRole('button', { name: '上传并预检' }).click()
  await page.waitForURL(/\/admin\/imports\/[^/]+$/)
}

describe('bulk import journey', () => {
  let officer: { context: BrowserContext; page: Page }
  let jobUrl = ''

  beforeAll(async () => {
    officer = await staffPage(db, getBrowser() as Browser, 'haikou')
  })
  afterAll(async () => {
    await officer?.context.close()
  })

  it('offers the kind templates as Excel workbooks with the 说明 and 代码表 sheets', async () => {
    await officer.page.goto('/admin/imports')
    const href = await officer.page.getByRole('link', { name: 'Excel 模板' }).first().getAttribute('href')
    expect(href).toMatch(/kind=enterprises&format=xlsx/)
    const res = await officer.context.request.get(href!)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await res.body()) as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['企业基本信息', '说明', '代码表'])
    const header = (workbook.getWorksheet('企业基本信息')!.getRow(1).values as unknown[]).slice(1).map(String)
    expect(header[0]).toContain('统一社会信用代码')
  })

  it('dry-runs a GBK file without writing, then writes both rows once confirmed', async () => {
    const { page } = officer
    await uploadFile(page, `企业_${runTag}.csv`, iconv.encode(csv([row(codes[0], `海口导入测试${runTag}建设有限公司`), row(codes[1], `海口导入测试${runTag}（集团）有限公司`)]), 'gb18030'))
    jobUrl = page.url()
    await page.getByText('预检通过，待确认导入').waitFor({ timeout: 60_000 })
    expect(await page.getByText('2 行（新增 2，更新 0，无变化 0）').count()).toBe(1)
    expect(await db.enterprise.count({ where: { uscc: { in: codes } } })).toBe(0)

    const commit = page.getByRole('form', { name: '确认导入' })
    await commit.getByRole('button', { name: '确认导入' }).click()
    await commit.getByText('请勾选确认').waitFor()
    await commit.getByLabel(/我已核对预检结果/).check()
    await commit.getByRole('button', { name: '确认导入' }).click()
    await page.getByText('已全部写入：新增 2 行，更新 0 行，0 行无变化。').waitFor({ timeout: 60_000 })
    const stored = await db.enterprise.findMany({ where: { uscc: { in: codes } }, orderBy: { uscc: 'asc' } })
    expect(stored.map((e) => e.name)).toEqual([`海口导入测试${runTag}建设有限公司`, `海口导入测试${runTag}（集团）有限公司`])
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: 'import.commit' }, orderBy: { seq: 'desc' } })
    expect(JSON.parse(entry.changes)).toMatchObject({ kind: 'enterprises', fileName: `企业_${runTag}.csv`, created: 2 })
  })

  it('lists a bad row on screen and in the downloadable report, and writes nothing', async () => {
    const { page, context } = officer
    const bad = makeUscc('91', '460100', `E3${runTag}`)
    await uploadFile(page, `有问题_${runTag}.csv`, Buffer.from('\uFEFF' + csv([row(bad, `海口问题${runTag}有限公司`, '3/5/2014')]), 'utf8'))
    await page.getByText('预检未通过').first().waitFor({ timeout: 60_000 })
    const problems = page.locator('table').filter({ has: page.getByRole('columnheader', { name: '原因' }) })
    expect(await problems.getByRole('cell', { name: '成立日期' }).count()).toBe(1)
    expect(await page.getByRole('form', { name: '确认导入' }).count()).toBe(0)
    const report = await context.request.get(page.url() + '/problems')
    expect(report.status()).toBe(200)
    const text = (await report.body()).toString('utf8')
    expect(text.startsWith('\uFEFF行号,列,值,原因')).toBe(true)
    expect(text).toContain('2,成立日期,3/5/2014,')
    expect(await db.enterprise.count({ where: { uscc: bad } })).toBe(0)
  })

  it('an officer of 三亚 cannot open the 海口 job', async () => {
    const sanya = await staffPage(db, getBrowser() as Browser, 'sanya')
    try {
      await sanya.page.goto(jobUrl)
      expect(await sanya.page.getByText(`企业_${runTag}.csv`).count()).toBe(0)
      const listed = await sanya.page.goto('/admin/imports')
      expect(listed?.status()).toBe(200)
      expect(await sanya.page.getByText(`企业_${runTag}.csv`).count()).toBe(0)
    } finally {
      await sanya.context.close()
    }
  })
})
