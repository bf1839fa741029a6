import { describe, expect, it } from 'vitest'
import { csvExport, jsonExport, type ExportColumn } from './export-response'
import { keysetBatches } from '@web/server/lib/keyset-batches'
import { neutralizeFormula } from '@shared/export/spreadsheet-safe'

type Row = { id: string; name: string; amount: number | null }
const columns: ExportColumn<Row>[] = [
  { header: '编号', value: (r) => r.id },
  { header: '名称', value: (r) => r.name },
  { header: '金额（万元）', value: (r) => r.amount },
]

async function* batchesOf(...batches: Row[][]) {
  for (const b of batches) yield b
}

describe('neutralizeFormula', () => {
  it.each(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (v) => {
    expect(neutralizeFormula(v)).toBe(`'${v}`)
  })
  it('leaves ordinary text alone', () => {
    expect(neutralizeFormula('海南省第一建筑工程有限公司')).toBe('海南省第一建筑工程有限公司')
    expect(neutralizeFormula('a=b')).toBe('a=b')
  })
})

describe('csvExport', () => {
  it('starts with a UTF-8 BOM, quotes what needs quoting and neutralises formulas', async () => {
    const res = csvExport('施工许可', columns, batchesOf([{ id: 'A1', name: '=HYPERLINK("x")', amount: 12.5 }], [{ id: 'A2', name: '含,逗号"引号', amount: null }], [{ id: '-A3', name: '-5%', amount: -3 }]))
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''%E6%96%BD%E5%B7%A5%E8%AE%B8%E5%8F%AF.csv")
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    expect(text.split('\n').filter(Boolean)).toEqual([
      '编号,名称,金额（万元）',
      `A1,"'=HYPERLINK(""x"")",12.5`,
      'A2,"含,逗号""引号",',
      "'-A3,'-5%,-3",
    ])
  })
})

describe('jsonExport', () => {
  it('streams a valid JSON array across batches', async () => {
    const res = jsonExport('x', (r: Row) => ({ id: r.id }), batchesOf([{ id: '1', name: '', amount: 1 }], [], [{ id: '2', name: '', amount: 2 }]))
    expect(JSON.parse(await res.text())).toEqual([{ id: '1' }, { id: '2' }])
  })
  it('gives an empty array for no rows', async () => {
    expect(JSON.parse(await jsonExport('x', (r: Row) => r, batchesOf()).text())).toEqual([])
  })
})

describe('keysetBatches', () => {
  it('visits every row once, in order, with bounded batches', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ id: String(100 - i).padStart(3, '0'), date: new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 3))) }))
    rows.sort((a, b) => b.date.getTime() - a.date.getTime() || b.id.localeCompare(a.id))
    const seen: string[] = []
    let calls = 0
    for await (const batch of keysetBatches(
      async (after, take) => {
        calls++
        const start = after ? rows.findIndex((r) => r.date < after.date || (r.date.getTime() === after.date.getTime() && r.id < after.id)) : 0
        return start < 0 ? [] : rows.slice(start, start + take)
      },
      (r) => ({ date: r.date, id: r.id }),
      10,
    )) {
      expect(batch.length).toBeLessThanOrEqual(10)
      seen.push(...batch.map((r) => r.id))
    }
    expect(seen).toEqual(rows.map((r) => r.id))
    expect(calls).toBe(3)
  })
})
