// CSV injection (OWASP): stored text that begins with = + - @, a tab or a carriage return is a
// formula to Excel and WPS. Every CSV export must write such a cell with a leading apostrophe. The
// test gives real rows such names and titles for the run (restored afterwards) and reads the
// cells back through each export route, so a column that skips the neutralisation fails here.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { api, baseUrl } from './support/site'
import { csvToObjects, parseCsv, UTF8_BOM } from './support/csv'

const db = createDb(inject('databaseUrl'))

const PROJECT_NAME = '=1+1 注入测试甲'
const ENTERPRISE_NAME = '+注入测试乙'
const PERSON_NAME = '-注入测试丙'
const RECORD_TITLE = '@注入测试丁'
const RECORD_DESCRIPTION = '\t注入测试戊'
const LISTED_NAME = '\r注入测试己'

const restore: (() => Promise<unknown>)[] = []

async function csvRows(path: string): Promise<Record<string, string>[]> {
  const res = await fetch(baseUrl + path)
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
  const bytes = new Uint8Array(await res.arrayBuffer())
  expect([...bytes.subarray(0, 3)]).toEqual([...UTF8_BOM])
  return csvToObjects(parseCsv(new TextDecoder().decode(bytes.subarray(3)))).rows
}

const neutralised = (value: string) => `'${value}`

beforeAll(async () => {
  const project = await db.project.findFirstOrThrow({
    where: { permits: { some: { status: 'ACTIVE' } }, completionFilings: { some: { status: 'ACTIVE' } } },
    select: { id: true, name: true },
  })
  restore.push(() => db.project.update({ where: { id: project.id }, data: { name: project.name } }))
  await db.project.update({ where: { id: project.id }, data: { name: PROJECT_NAME } })

  const blacklist = await api<{ total: number; items: { subject: { type: string; uscc?: string; id?: string } }[] }>('/api/v1/credit-grades/blacklist?pageSize=1')
  expect(blacklist.total, 'the demo data has a subject on the blacklist').toBeGreaterThan(0)
  const listed = blacklist.items[0].subject
  if (listed.type === 'ENTERPRISE') {
    const e = await db.enterprise.findUniqueOrThrow({ where: { uscc: listed.uscc! }, select: { id: true, name: true } })
    restore.push(() => db.enterprise.update({ where: { id: e.id }, data: { name: e.name } }))
    await db.enterprise.update({ where: { id: e.id }, data: { name: LISTED_NAME } })
  } else {
    const p = await db.person.findUniqueOrThrow({ where: { id: listed.id! }, select: { id: true, name: true } })
    restore.push(() => db.person.update({ where: { id: p.id }, data: { name: p.name } }))
    await db.person.update({ where: { id: p.id }, data: { name: LISTED_NAME } })
  }
  // an enterprise with a record on the exposure board today (and so a stored grade)
  const board = await api<{ items: { id: string; subject: { type: string; uscc?: string } }[] }>('/api/v1/exposure?pageSize=100')
  // not the listed subject renamed above: each name must be found by its own search
  const entry = board.items.find((e) => e.subject.type === 'ENTERPRISE' && e.subject.uscc !== listed.uscc)
  expect(entry, 'the exposure board lists an enterprise').toBeDefined()
  const enterprise = await db.enterprise.findUniqueOrThrow({ where: { uscc: entry!.subject.uscc! }, select: { id: true, name: true } })
  const record = await db.integrityRecord.findUniqueOrThrow({ where: { id: entry!.id }, select: { title: true, description: true } })
  restore.push(() => db.enterprise.update({ where: { id: enterprise.id }, data: { name: enterprise.name } }))
  restore.push(() => db.integrityRecord.update({ where: { id: entry!.id }, data: record }))
  await db.enterprise.update({ where: { id: enterprise.id }, data: { name: ENTERPRISE_NAME } })
  await db.integrityRecord.update({ where: { id: entry!.id }, data: { title: RECORD_TITLE, description: RECORD_DESCRIPTION } })

  const person = await db.person.findFirstOrThrow({
    where: { registrations: { some: {} }, ...(listed.type === 'PERSON' ? { id: { not: listed.id } } : {}) },
    select: { id: true, name: true },
  })
  restore.push(() => db.person.update({ where: { id: person.id }, data: { name: person.name } }))
  await db.person.update({ where: { id: person.id }, data: { name: PERSON_NAME } })
})

afterAll(async () => {
  for (const undo of restore.reverse()) await undo()
  await db.$disconnect()
})

describe('every CSV export writes formula-like text as plain text', () => {
  it.each([
    ['/api/v1/permits/export?format=csv&q=注入测试甲', '工程名称', PROJECT_NAME],
    ['/api/v1/completion-filings/export?format=csv&q=注入测试甲', '工程名称', PROJECT_NAME],
    ['/api/v1/projects/export?format=csv&q=注入测试甲', '项目名称', PROJECT_NAME],
    ['/api/v1/enterprises/export?format=csv&q=注入测试乙', '企业名称', ENTERPRISE_NAME],
    ['/api/v1/practitioners/export?format=csv&q=注入测试丙', '姓名', PERSON_NAME],
    ['/api/v1/exposure/export?format=csv&q=注入测试乙', '主体名称', ENTERPRISE_NAME],
    ['/api/v1/exposure/export?format=csv&q=注入测试乙', '事由', RECORD_TITLE],
    ['/api/v1/exposure/export?format=csv&q=注入测试乙', '内容', RECORD_DESCRIPTION],
    ['/api/v1/credit-grades/export?format=csv&q=注入测试乙', '名称', ENTERPRISE_NAME],
    ['/api/v1/credit-grades/blacklist/export?format=csv&q=注入测试己', '名称', LISTED_NAME],
  ])('%s → %s', async (path, column, value) => {
    const rows = await csvRows(encodeURI(path))
    const cells = rows.map((r) => r[column])
    expect(cells, `${column} is a column of the export`).not.toContain(undefined)
    expect(cells).toContain(neutralised(value))
    expect(cells).not.toContain(value)
  })
})
