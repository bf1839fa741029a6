import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { IMPORT_KIND_IDS, IMPORT_KINDS } from '@shared/import/import-kinds'
import { matchHeader } from '@shared/import/header'
import { normalizeRow } from '@shared/import/import-row'
import { readImportFile } from './read-import-file'
import { allRows, chunked, collector } from './testing/fixtures'
import { CODE_TABLE_SHEET, importTemplateFileName, INSTRUCTIONS_SHEET, writeImportTemplate } from './write-import-template'

async function template(kind: (typeof IMPORT_KIND_IDS)[number], format: 'xlsx' | 'csv'): Promise<Buffer> {
  const out = collector()
  await writeImportTemplate(kind, format, out.stream)
  return out.bytes()
}

/** The example row as the shared code reads it from its typed examples. */
function expectedExample(kind: (typeof IMPORT_KIND_IDS)[number]) {
  const spec = IMPORT_KINDS[kind]
  return normalizeRow(spec, matchHeader(spec, spec.columns.map((c) => c.header)), spec.columns.map((c) => c.example), 2).values
}

describe('import templates', () => {
  it.each(IMPORT_KIND_IDS)('%s: the xlsx template reads back as its example row', async (kind) => {
    const file = await readImportFile(chunked(await template(kind, 'xlsx')), { kind, fileName: importTemplateFileName(kind, 'xlsx') })
    const rows = await allRows(file)
    expect(rows).toHaveLength(1)
    expect(rows[0].problems).toEqual([])
    expect(rows[0].values).toEqual(expectedExample(kind))
  })

  it.each(IMPORT_KIND_IDS)('%s: the CSV template is UTF-8 with a BOM and reads back as its example row', async (kind) => {
    const bytes = await template(kind, 'csv')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const file = await readImportFile(chunked(bytes), { kind, fileName: importTemplateFileName(kind, 'csv') })
    expect(file.encoding).toBe('utf-8')
    const rows = await allRows(file)
    expect(rows.map((r) => r.problems)).toEqual([[]])
    expect(rows[0].values).toEqual(expectedExample(kind))
  })

  it('marks required headers, formats code columns as text and lists every column and code', async () => {
    // a template has a handful of rows: loading it whole is fine in a test
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await template('practitioners', 'xlsx')) as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['从业人员', INSTRUCTIONS_SHEET, CODE_TABLE_SHEET])

    const data = workbook.getWorksheet('从业人员') as ExcelJS.Worksheet
    expect(data.getRow(1).values).toEqual([undefined, '身份证号*', '姓名*', '性别*', '联系电话', '工作单位统一社会信用代码*'])
    expect(data.getCell('A2').value).toBe('460100198506151234')
    expect(data.getCell('A2').numFmt).toBe('@')
    expect(data.getColumn(1).numFmt).toBe('@')
    expect(data.getColumn(5).numFmt).toBe('@')
    expect(data.getCell('A1').font?.bold).toBe(true)

    const instructions = workbook.getWorksheet(INSTRUCTIONS_SHEET) as ExcelJS.Worksheet
    const described: string[] = []
    instructions.eachRow((row) => {
      const [, header, required] = row.values as unknown[]
      if (required === '必填' || required === '选填') described.push(`${header}:${required}`)
    })
    expect(described).toEqual(['身份证号:必填', '姓名:必填', '性别:必填', '联系电话:选填', '工作单位统一社会信用代码:必填'])

    const codes = workbook.getWorksheet(CODE_TABLE_SHEET) as ExcelJS.Worksheet
    expect(codes.getRow(2).values).toEqual([undefined, '性别', '男', '男'])
    expect(codes.getRow(3).values).toEqual([undefined, '性别', '女', '女'])
  })

  it('lists each enum’s labels in the code table with a drop-down pointing at them', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await template('contract-filings', 'xlsx')) as unknown as ArrayBuffer)
    const codes = workbook.getWorksheet(CODE_TABLE_SHEET) as ExcelJS.Worksheet
    const rows: unknown[][] = []
    codes.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)))
    expect(rows).toEqual([
      ['合同类型', '勘察', 'SURVEY', '勘察单位'],
      ['合同类型', '设计', 'DESIGN', '设计单位'],
      ['合同类型', '施工', 'CONTRACTOR', '施工单位'],
      ['合同类型', '监理', 'SUPERVISOR', '监理单位'],
    ])
    const data = workbook.getWorksheet('合同备案') as ExcelJS.Worksheet
    expect(data.getCell('B5').dataValidation).toMatchObject({ type: 'list', formulae: [`'${CODE_TABLE_SHEET}'!$B$2:$B$5`] })
  })

  it('writes the CSV header with the required marks', async () => {
    const [header] = parse((await template('projects', 'csv')).toString('utf8'), { bom: true }) as string[][]
    expect(header).toEqual(['项目编码*', '项目名称*', '项目地址*', '所在地区*', '工程类别*', '建筑面积（平方米）', '总投资（万元）*', '建设单位统一社会信用代码*'])
  })
})
