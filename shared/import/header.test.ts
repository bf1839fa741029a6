import { describe, expect, it } from 'vitest'
import { columnLetter, matchHeader, templateHeader } from './header'
import { PROJECTS } from './project-kinds'
import { ENTERPRISES } from './subject-kinds'

const headers = ENTERPRISES.columns.map((c) => c.header)

describe('column letters', () => {
  it('counts as spreadsheets do', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA'])
  })
})

describe('header matching', () => {
  it('maps the template header, in any order, to the fields', () => {
    const match = matchHeader(ENTERPRISES, [...headers].reverse())
    expect(match.problems).toEqual([])
    expect(match.columns.map((c) => c?.field)).toEqual(ENTERPRISES.columns.map((c) => c.field).reverse())
  })

  it('tolerates surrounding spaces, the required mark and either width of brackets', () => {
    const cells = ENTERPRISES.columns.map(templateHeader)
    expect(cells).toContain('注册资本（万元）*')
    const edited = cells.map((h) => ` ${h.replace('（', '(').replace('）', ')').replace('*', '＊')} `)
    const match = matchHeader(ENTERPRISES, edited)
    expect(match.problems).toEqual([])
    expect(match.columns.map((c) => c?.field)).toEqual(ENTERPRISES.columns.map((c) => c.field))
  })

  it('ignores columns with an empty header', () => {
    const match = matchHeader(ENTERPRISES, [...headers, '', '  '])
    expect(match.problems).toEqual([])
    expect(match.columns.slice(-2)).toEqual([null, null])
  })

  it('reports unknown, duplicate and missing columns, each naming the column', () => {
    const cells = headers.filter((h) => h !== '法定代表人' && h !== '成立日期').concat(['企业名称', '备注'])
    const { problems } = matchHeader(ENTERPRISES, cells)
    expect(problems).toEqual([
      { code: 'DUPLICATE_COLUMN', column: '企业名称', columnLetter: 'G', message: '“企业名称”列重复出现（第B列和第G列），请只保留一列' },
      { code: 'UNKNOWN_COLUMN', column: '备注', columnLetter: 'H', message: '第H列“备注”不是企业基本信息导入模板中的列，请核对列名或删除该列' },
      { code: 'MISSING_COLUMN', column: '法定代表人', message: '缺少必填列“法定代表人”' },
      { code: 'MISSING_COLUMN', column: '成立日期', message: '缺少必填列“成立日期”' },
    ])
  })

  it('does not require optional columns', () => {
    const cells = PROJECTS.columns.filter((c) => c.required).map((c) => c.header)
    expect(matchHeader(PROJECTS, cells).problems).toEqual([])
    expect(matchHeader(PROJECTS, cells.slice(1)).problems.map((p) => p.column)).toEqual(['项目编码'])
  })
})
