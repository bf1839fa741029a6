import { describe, expect, it } from 'vitest'
import { ENTERPRISES, PRACTITIONERS } from '@shared/import/subject-kinds'
import { INTEGRITY_RECORDS } from '@shared/import/record-kinds'
import { ImportFileError } from './import-file-error'
import { readImportFile, type ReadImportFileOptions } from './read-import-file'
import { allRows, chunked, thrown, xlsxBytes, type SheetFixture } from './testing/fixtures'

const HEADER = ENTERPRISES.columns.map((c) => c.header)
const options = (overrides: Partial<ReadImportFileOptions> = {}): ReadImportFileOptions => ({ kind: 'enterprises', fileName: '企业.xlsx', ...overrides })

async function read(sheets: SheetFixture[], overrides: Partial<ReadImportFileOptions> = {}, workbook: { date1904?: boolean } = {}) {
  const file = await readImportFile(chunked(await xlsxBytes(sheets, workbook), 4096), options(overrides))
  return { file, rows: await allRows(file) }
}

async function refusal(bytes: Buffer, overrides: Partial<ReadImportFileOptions> = {}): Promise<ImportFileError> {
  const error = await thrown(async () => allRows(await readImportFile(chunked(bytes, 4096), options(overrides))))
  expect(error).toBeInstanceOf(ImportFileError)
  return error as ImportFileError
}

const sheet = (rows: unknown[][], extra: Partial<SheetFixture> = {}): SheetFixture => ({ name: '企业基本信息', rows: [HEADER, ...rows], ...extra })

describe('xlsx cells', () => {
  it('reads dates as date cells, as serials in 常规 cells, and as text', async () => {
    const { file, rows } = await read([
      sheet(
        [
          ['91460100MA5T0K2Q25', '甲公司', '施工单位', '460100', '王', '地址', 5000, new Date(Date.UTC(2015, 5, 18))],
          ['91460100MA5T0K2Q25', '乙公司', '施工单位', '460100', '王', '地址', 5000, 42173],
          ['91460100MA5T0K2Q25', '丙公司', '施工单位', '460100', '王', '地址', 5000, '2015年6月18日'],
          ['91460100MA5T0K2Q25', '丁公司', '施工单位', '460100', '王', '地址', 5000, new Date(Date.UTC(2015, 5, 18, 22, 45))],
        ],
        { numFmts: { 8: 'yyyy-mm-dd' } },
      ),
    ])
    expect(file.format).toBe('xlsx')
    expect(file.encoding).toBeNull()
    expect(rows.map((r) => r.values.establishedOn)).toEqual(['2015-06-18', '2015-06-18', '2015-06-18', '2015-06-18'])
    expect(rows.flatMap((r) => r.problems)).toEqual([])
  })

  it('reads serials of a 1904 workbook', async () => {
    const { rows } = await read([sheet([['91460100MA5T0K2Q25', '甲公司', '施工单位', '460100', '王', '地址', 5000, 42173 - 1462]])], {}, { date1904: true })
    expect(rows[0].values.establishedOn).toBe('2015-06-18')
  })

  it('reads rich text and shared strings as plain text, numbers at Excel precision', async () => {
    const { rows } = await read([
      sheet([
        ['91460100MA5T0K2Q25', { richText: [{ text: '海南椰城' }, { font: { bold: true }, text: '建设（集团）' }, { text: '有限公司' }] }, '施工单位', 460100, '王', '地址', 1234.5599999999999, '2015-06-18'],
        ['91460100MA5T0K2Q25', '海南椰城建设（集团）有限公司', '施工单位', '460100', '王', '地址', 1234.56, '2015-06-18'],
      ]),
    ])
    expect(rows.map((r) => [r.values.name, r.values.regionCode, r.values.registeredCapital])).toEqual([
      ['海南椰城建设（集团）有限公司', '460100', '1234.56'],
      ['海南椰城建设（集团）有限公司', '460100', '1234.56'],
    ])
  })

  it('refuses an ID number stored as a number, which has lost its last digits, telling how to fix it', async () => {
    const header = PRACTITIONERS.columns.map((c) => c.header)
    const { rows } = await read([{ name: '从业人员', rows: [header, [460100198506151234, '李明', '男', 13876001234, '91460100MA5T0K2Q25']] }], { kind: 'practitioners' })
    expect(rows[0].problems).toEqual([{ row: 2, column: '身份证号', value: '460100198506151000', reason: expect.stringContaining('设置为“文本”格式') }])
    expect(rows[0].values.phone).toBe('13876001234')
  })

  it('reports error values on their cell', async () => {
    const { rows } = await read([sheet([['91460100MA5T0K2Q25', '甲公司', '施工单位', '460100', '王', '地址', { error: '#N/A' }, '2015-06-18']])])
    expect(rows[0].problems).toEqual([{ row: 2, column: '注册资本（万元）', value: '#N/A', reason: expect.stringContaining('错误值 #N/A') }])
  })

  it('numbers rows as Excel does and skips empty ones', async () => {
    const row = ['91460100MA5T0K2Q25', '甲公司', '施工单位', '460100', '王', '地址', 5000, '2015-06-18']
    const { rows } = await read([sheet([row, ['', null, ''], row], { rowNumbers: { 2: 3, 3: 7 } })])
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 7])
  })

  it('keeps line breaks in long text cells', async () => {
    const header = INTEGRITY_RECORDS.columns.map((c) => c.header)
    const values = INTEGRITY_RECORDS.columns.map((c) => (c.field === 'description' ? '第一段\n第二段' : c.example))
    const { rows } = await read([{ name: '诚信行为记录', rows: [header, values] }], { kind: 'integrity-records' })
    expect(rows[0].values.description).toBe('第一段\n第二段')
    expect(rows[0].values.categoryCode).toBe('BAD.PENALTY.MINOR')
  })
})

describe('xlsx refusals', () => {
  it('refuses a formula, naming its row and column', async () => {
    const error = await refusal(
      await xlsxBytes([sheet([['91460100MA5T0K2Q25', '甲公司', '施工单位', '460100', '王', '地址', { formula: '1000*5', result: 5000 }, '2015-06-18']])]),
    )
    expect(error.code).toBe('FORMULA_CELL')
    expect(error.details).toEqual({ row: 2, column: '注册资本（万元）' })
    expect(error.message).toContain('第2行“注册资本（万元）”（G列）是公式')
  })

  it('refuses a workbook without the kind’s sheet, naming the sheet expected and those found', async () => {
    const error = await refusal(await xlsxBytes([{ name: 'Sheet1', rows: [HEADER] }, { name: '说明', rows: [['x']] }]))
    expect(error.code).toBe('WRONG_SHEET')
    expect(error.message).toContain('没有名为“企业基本信息”的工作表（现有工作表：“Sheet1”、“说明”）')
  })

  it('reads the kind’s sheet wherever it is in the workbook, ignoring the others', async () => {
    const row = ['91460100MA5T0K2Q25', '甲公司', '施工单位', '460100', '王', '地址', 5000, '2015-06-18']
    const { rows } = await read([{ name: '说明', rows: [['随便什么'], ['=1']] }, sheet([row]), { name: '代码表', rows: [['x']] }])
    expect(rows.map((r) => r.values.name)).toEqual(['甲公司'])
  })

  it('refuses an empty data sheet and a header without rows', async () => {
    expect((await refusal(await xlsxBytes([{ name: '企业基本信息', rows: [] }]))).code).toBe('EMPTY_FILE')
    expect((await refusal(await xlsxBytes([sheet([])]))).code).toBe('EMPTY_FILE')
  })

  it('refuses a corrupt or truncated workbook and a non-workbook named .xlsx', async () => {
    const good = await xlsxBytes([sheet([['91460100MA5T0K2Q25', '甲公司', '施工单位', '460100', '王', '地址', 5000, '2015-06-18']])])
    expect((await refusal(Buffer.concat([good.subarray(0, 4), Buffer.alloc(2000, 7)]))).code).toBe('CORRUPT_WORKBOOK')
    expect((await refusal(good.subarray(0, Math.floor(good.byteLength / 2)))).code).toBe('CORRUPT_WORKBOOK')
    expect((await refusal(Buffer.from('不是工作簿'))).code).toBe('CORRUPT_WORKBOOK')
  })

  it('tells an encrypted workbook from a legacy .xls (both are compound files)', async () => {
    // The compound-file signature and, in its directory, the UTF-16 name of the stream that
    // MS-OFFCRYPTO puts an encrypted package in; no library here writes a real encrypted workbook.
    const signature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const encrypted = Buffer.concat([signature, Buffer.alloc(70_000), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')])
    const error = await refusal(encrypted)
    expect(error.code).toBe('ENCRYPTED_WORKBOOK')
    expect(error.message).toContain('密码')
    const legacy = Buffer.concat([signature, Buffer.alloc(1000), Buffer.from('Workbook', 'utf16le')])
    expect((await refusal(legacy)).code).toBe('UNSUPPORTED_FORMAT')
  })

  it('refuses a workbook over the size limit as too large, not as corrupt', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ['91460100MA5T0K2Q25', `企业${i}`, '施工单位', '460100', '王', `地址${i}`, i, '2015-06-18'])
    const bytes = await xlsxBytes([sheet(rows)])
    expect(bytes.byteLength).toBeGreaterThan(40_000)
    const error = await refusal(bytes, { limits: { maxBytes: 30_000 } })
    expect(error.code).toBe('FILE_TOO_LARGE')
  })

  it('refuses a header with a formula', async () => {
    const error = await refusal(await xlsxBytes([{ name: '企业基本信息', rows: [[{ formula: '"统一社会信用代码"', result: '统一社会信用代码' }, ...HEADER.slice(1)]] }]))
    expect(error.code).toBe('FORMULA_CELL')
  })
})
