// The files an export writes, read back with csv-parse (an independent parser) and JSON.parse.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { MINISTRY_TABLES, XZCF, type MinistryRow } from '../../shared/ministry/tables.ts'
import type { MinistryExportBatch } from '../../web/server/ministry-export/export-to-ministry.ts'
import { writeMinistryFiles } from './ministry-files.ts'

const penalty = (ajNo: string, wfxw: string): MinistryRow => ({
  ajNo,
  prjNum: null,
  wfwgxm: null,
  wfwgdwry: '=HYPERLINK("http://example.com","点我")',
  zzjgdmSfzh: '914600002012345678',
  wfxw,
  lasj: null,
  jasj: '2025-06-30',
  updateFlag: 'U',
})
const project: MinistryRow = Object.fromEntries(MINISTRY_TABLES[3].fields.map((f) => [f.name, null]))

async function* batches(list: MinistryExportBatch[]) {
  yield* list
}

let dir: string
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('writeMinistryFiles', () => {
  it('writes a CSV per table: BOM, the field names, formula-safe text, numbers as they are, empty for null', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ministry-csv-'))
    const rows = [penalty('琼建罚〔2025〕12号', '-擅自施工'), penalty('@1', '+转包')]
    const written = await writeMinistryFiles(
      batches([
        { table: 'TBProjectInfo', rows: [{ ...project, PrjNum: '46010020240300017', ProvinceNum: 460000, CountyNum: null }] },
        { table: 'xzcf', rows: rows.slice(0, 1) },
        { table: 'xzcf', rows: rows.slice(1) },
      ]),
      dir,
      'csv',
    )
    expect(written.map((w) => [w.table, w.rows])).toEqual(MINISTRY_TABLES.map((t) => [t.name, t.name === 'xzcf' ? 2 : t.name === 'TBProjectInfo' ? 1 : 0]))

    const raw = fs.readFileSync(path.join(dir, 'xzcf.csv'), 'utf8')
    expect(raw.startsWith('\uFEFF')).toBe(true)
    const records: string[][] = parse(raw.slice(1))
    expect(records[0]).toEqual(XZCF.fields.map((f) => f.name))
    expect(records.slice(1)).toEqual([
      ['琼建罚〔2025〕12号', '', '', `'=HYPERLINK("http://example.com","点我")`, '914600002012345678', "'-擅自施工", '', '2025-06-30', 'U'],
      ["'@1", '', '', `'=HYPERLINK("http://example.com","点我")`, '914600002012345678', "'+转包", '', '2025-06-30', 'U'],
    ])
    const projects: string[][] = parse(fs.readFileSync(path.join(dir, 'TBProjectInfo.csv'), 'utf8').slice(1))
    expect(projects[1][0]).toBe('46010020240300017')
    expect(projects[1][MINISTRY_TABLES[3].fields.findIndex((f) => f.name === 'ProvinceNum')]).toBe('460000')
    // a table without rows still gets its header
    expect(parse(fs.readFileSync(path.join(dir, 'TBCorpBasicInfo.csv'), 'utf8').slice(1))).toEqual([MINISTRY_TABLES[0].fields.map((f) => f.name)])
  })

  it('writes JSON Lines with every field in order, null for empty, values unchanged', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ministry-jsonl-'))
    await writeMinistryFiles(batches([{ table: 'xzcf', rows: [penalty('A1', '-擅自施工')] }]), dir, 'jsonl')
    const lines = fs.readFileSync(path.join(dir, 'xzcf.jsonl'), 'utf8').split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe('')
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(XZCF.fields.map((f) => f.name))
    expect(JSON.parse(lines[0])).toEqual(penalty('A1', '-擅自施工'))
    expect(fs.readFileSync(path.join(dir, 'TBCorpBasicInfo.jsonl'), 'utf8')).toBe('')
  })
})
