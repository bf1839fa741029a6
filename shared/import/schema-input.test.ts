import { describe, expect, it } from 'vitest'
import { matchHeader } from './header'
import { normalizeRow } from './import-row'
import { CONSTRUCTION_PERMITS } from './project-kinds'
import { columnOfPath, schemaInput, schemaProblems, WHOLE_ROW } from './schema-input'
import { ENTERPRISES, PRACTITIONERS } from './subject-kinds'

const read = (spec: typeof ENTERPRISES, cells: string[], rowNumber = 5) =>
  normalizeRow(spec, matchHeader(spec, spec.columns.map((c) => c.header)), cells, rowNumber)

describe('rows into the forms’ schemas', () => {
  it('sends empty cells as the empty string a form sends, which the schemas read as absent', () => {
    const row = read(PRACTITIONERS, ['460100198506151234', '李明', '男', '', '91460100MA5T0K2Q25'])
    expect(schemaInput(row)).toEqual({ idNumber: '460100198506151234', name: '李明', gender: '男', phone: '', employerUscc: '91460100MA5T0K2Q25' })
    const parsed = PRACTITIONERS.formSchema.safeParse(schemaInput(row))
    expect(parsed.success && parsed.data).toMatchObject({ phone: null })
  })

  it('reports the schema’s messages on the cells, with what the user typed', () => {
    const row = read(ENTERPRISES, ['91460100MA5T0K2Q2X', '海南椰城建设工程有限公司', '施工单位', '460100', '王海峰', '地址', '-5', '2015-06-18'])
    expect(row.problems).toEqual([])
    const parsed = ENTERPRISES.formSchema.safeParse(schemaInput(row))
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(schemaProblems(ENTERPRISES, row, parsed.error)).toEqual([
      { row: 5, column: '统一社会信用代码', value: '91460100MA5T0K2Q2X', reason: expect.stringContaining('校验') },
      { row: 5, column: '注册资本（万元）', value: '-5', reason: '注册资本不能为负数' },
    ])
  })

  it('keeps only the reader’s problem for a cell it could not read', () => {
    const row = read(ENTERPRISES, ['91460100MA5T0K2Q25', '海南椰城建设工程有限公司', '施工单位', '460100', '王海峰', '地址', '100', '3/5/2024'])
    expect(row.problems.map((p) => p.column)).toEqual(['成立日期'])
    const parsed = ENTERPRISES.formSchema.safeParse(schemaInput(row))
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(schemaProblems(ENTERPRISES, row, parsed.error)).toEqual([])
  })

  it('reports a message about a looked-up form field on the column the user filled', () => {
    expect(columnOfPath(CONSTRUCTION_PERMITS, ['chiefSupervisorId'])?.header).toBe('总监理工程师执业注册编号')
    expect(columnOfPath(CONSTRUCTION_PERMITS, ['contractorUscc'])?.header).toBe('施工单位统一社会信用代码')
    expect(columnOfPath(CONSTRUCTION_PERMITS, [])).toBeUndefined()
    const header = matchHeader(CONSTRUCTION_PERMITS, CONSTRUCTION_PERMITS.columns.map((c) => c.header))
    const row = normalizeRow(CONSTRUCTION_PERMITS, header, CONSTRUCTION_PERMITS.columns.map((c) => (c.field === 'chiefSupervisorRegistrationNumber' ? '' : c.example)), 9)
    const parsed = CONSTRUCTION_PERMITS.formSchema.safeParse({ ...schemaInput(row), projectManagerId: 'p1', chiefSupervisorId: '' })
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(schemaProblems(CONSTRUCTION_PERMITS, row, parsed.error)).toEqual([
      { row: 9, column: '总监理工程师执业注册编号', value: '', reason: '有监理单位时请选择总监理工程师' },
    ])
  })

  it('names the whole row for an issue without a field', () => {
    const row = read(ENTERPRISES, ENTERPRISES.columns.map((c) => c.example))
    const error = { issues: [{ path: [], message: '整行有误', code: 'custom' }] } as never
    expect(schemaProblems(ENTERPRISES, row, error)).toEqual([{ row: 5, column: WHOLE_ROW, value: '', reason: '整行有误' }])
  })
})
