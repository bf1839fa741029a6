import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import type { RowProblem } from '@shared/import/import-row'
import { collector } from './testing/fixtures'
import { writeProblemReport } from './write-problem-report'

async function report(problems: AsyncIterable<RowProblem> | Iterable<RowProblem>): Promise<Buffer> {
  const out = collector()
  await writeProblemReport(problems, out.stream)
  return out.bytes()
}

describe('problem report', () => {
  it('is a UTF-8 CSV with a BOM, CRLF rows and the columns 行号, 列, 值, 原因', async () => {
    const bytes = await report([
      { row: 2, column: '成立日期', value: '3/5/2024', reason: '「3/5/2024」无法确定月和日的先后' },
      { row: 17, column: '企业名称', value: '海南, "椰城"\n建设', reason: '请填写企业名称' },
    ])
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('\r\n')
    expect(parse(bytes.toString('utf8'), { bom: true })).toEqual([
      ['行号', '列', '值', '原因'],
      ['2', '成立日期', '3/5/2024', '「3/5/2024」无法确定月和日的先后'],
      ['17', '企业名称', '海南, "椰城"\n建设', '请填写企业名称'],
    ])
  })

  it('neutralises values that a spreadsheet would run as formulas', async () => {
    const bytes = await report([{ row: 3, column: '企业名称', value: '=HYPERLINK("http://evil.example","点我")', reason: '@SUM(1)' }])
    expect(parse(bytes.toString('utf8'), { bom: true, from_line: 2 })).toEqual([['3', '企业名称', `'=HYPERLINK("http://evil.example","点我")`, "'@SUM(1)"]])
  })

  it('streams problems from an async source, and writes just the header when there are none', async () => {
    async function* many() {
      for (let i = 0; i < 5000; i++) yield { row: i + 2, column: '列', value: String(i), reason: '原因' }
    }
    const rows = parse((await report(many())).toString('utf8'), { bom: true }) as string[][]
    expect(rows).toHaveLength(5001)
    expect(rows[5000]).toEqual(['5001', '列', '4999', '原因'])
    expect(parse((await report([])).toString('utf8'), { bom: true })).toEqual([['行号', '列', '值', '原因']])
  })
})
