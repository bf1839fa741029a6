import { describe, expect, it } from 'vitest'
import { matchHeader } from './header'
import { isBlankRow, normalizeRow } from './import-row'
import { ENTERPRISES, PRACTITIONERS } from './subject-kinds'

const header = matchHeader(ENTERPRISES, ENTERPRISES.columns.map((c) => c.header))

describe('a data row', () => {
  it('normalises each cell by its column and keeps what was typed', () => {
    const row = normalizeRow(
      ENTERPRISES,
      header,
      [' ９１４６０１００ma５t０k２q２５', '海南椰城建设（集团）有限公司 ', '施工单位', '海口', '王海峰', '海口市  龙华区', '5,000.5', '2015/6/18'],
      7,
    )
    expect(row).toEqual({
      rowNumber: 7,
      values: {
        uscc: '91460100MA5T0K2Q25',
        name: '海南椰城建设（集团）有限公司',
        type: 'CONTRACTOR',
        regionCode: '460100',
        legalRepresentative: '王海峰',
        registeredAddress: '海口市 龙华区',
        registeredCapital: '5000.5',
        establishedOn: '2015-06-18',
      },
      raw: {
        uscc: ' ９１４６０１００ma５t０k２q２５',
        name: '海南椰城建设（集团）有限公司 ',
        type: '施工单位',
        regionCode: '海口',
        legalRepresentative: '王海峰',
        registeredAddress: '海口市  龙华区',
        registeredCapital: '5,000.5',
        establishedOn: '2015/6/18',
      },
      problems: [],
    })
  })

  it('reports each unreadable cell and each empty required cell with row, column and value', () => {
    const row = normalizeRow(ENTERPRISES, header, ['91460100MA5T0K2Q25', '', '总包', '海口', '王海峰', '地址', '五千', '3/5/2024'], 12)
    expect(row.problems).toEqual([
      { row: 12, column: '企业类型', value: '总包', reason: expect.stringContaining('不是有效的企业类型') },
      { row: 12, column: '注册资本（万元）', value: '五千', reason: '应为数字（单位：万元），不要填写单位或其他文字' },
      { row: 12, column: '成立日期', value: '3/5/2024', reason: expect.stringContaining('无法确定月和日的先后') },
      { row: 12, column: '企业名称', value: '', reason: '请填写企业名称' },
    ])
    expect(row.values.type).toBeNull()
    expect(row.values.registeredCapital).toBeNull()
  })

  it('pads a short row and reports content under a column without a header', () => {
    const short = normalizeRow(ENTERPRISES, header, ['91460100MA5T0K2Q25', '企业'], 3)
    expect(short.values.establishedOn).toBeNull()
    expect(short.problems.map((p) => p.column)).toEqual(['企业类型', '所在地区', '法定代表人', '注册地址', '注册资本（万元）', '成立日期'])

    const long = normalizeRow(ENTERPRISES, header, ['91460100MA5T0K2Q25', '企业', '施工单位', '海口', '王', '地址', '1', '2015-06-18', '', '多余'], 4)
    expect(long.problems).toEqual([{ row: 4, column: '第J列', value: '多余', reason: expect.stringContaining('该列没有列名') }])
  })

  it('gives absent optional columns as null', () => {
    const noPhone = matchHeader(PRACTITIONERS, ['身份证号', '姓名', '性别', '工作单位统一社会信用代码'])
    const row = normalizeRow(PRACTITIONERS, noPhone, ['460100198506151234', '李明', '男', '91460100MA5T0K2Q25'], 2)
    expect(row.problems).toEqual([])
    expect(row.values).toEqual({ idNumber: '460100198506151234', name: '李明', gender: '男', phone: null, employerUscc: '91460100MA5T0K2Q25' })
  })

  it('knows a blank row', () => {
    expect(isBlankRow(['', '  ', null, undefined])).toBe(true)
    expect(isBlankRow([])).toBe(true)
    expect(isBlankRow(['', 0])).toBe(false)
  })
})
