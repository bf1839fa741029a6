import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { ENTERPRISES, PRACTITIONERS } from '@shared/import/subject-kinds'
import { ImportFileError } from './import-file-error'
import { readImportFile, type ReadImportFileOptions } from './read-import-file'
import { allRows, chunked, csvBytes, thrown } from './testing/fixtures'

const HEADER = ENTERPRISES.columns.map((c) => c.header)
const ROW = ['91460100MA5T0K2Q25', '海南椰城建设（集团）有限公司', '施工单位', '460100', '王海峰', '海口市龙华区滨海大道100号', '5000', '2015-06-18']
const ROW_2 = ['91460200MA5T2C4D8R', '三亚湾建筑设计有限公司', '设计单位', '三亚', '陈静', '三亚市吉阳区迎宾路8号', '1,200.5', '2018/9/3']

const options = (overrides: Partial<ReadImportFileOptions> = {}): ReadImportFileOptions => ({ kind: 'enterprises', fileName: '企业.csv', ...overrides })

async function read(bytes: Buffer, overrides: Partial<ReadImportFileOptions> = {}, chunkSize?: number) {
  const file = await readImportFile(chunked(bytes, chunkSize), options(overrides))
  return { file, rows: await allRows(file) }
}

async function refusal(bytes: Buffer, overrides: Partial<ReadImportFileOptions> = {}): Promise<ImportFileError> {
  const error = await thrown(async () => allRows(await readImportFile(chunked(bytes), options(overrides))))
  expect(error).toBeInstanceOf(ImportFileError)
  return error as ImportFileError
}

describe('CSV encodings', () => {
  it('reads UTF-8 with a BOM', async () => {
    const { file, rows } = await read(csvBytes([HEADER, ROW], 'utf-8-bom'))
    expect(file.format).toBe('csv')
    expect(file.encoding).toBe('utf-8')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ rowNumber: 2, problems: [], values: { uscc: '91460100MA5T0K2Q25', name: '海南椰城建设（集团）有限公司', type: 'CONTRACTOR' } })
  })

  it('reads UTF-8 without a BOM', async () => {
    const { file, rows } = await read(csvBytes([HEADER, ROW], 'utf-8'))
    expect(file.encoding).toBe('utf-8')
    expect(rows[0].values.name).toBe('海南椰城建设（集团）有限公司')
  })

  it('reads GBK, as Chinese Excel saves "CSV（逗号分隔）", also when chunks split its characters', async () => {
    const bytes = csvBytes([HEADER, ROW, ROW_2], 'gbk')
    expect(bytes.includes(Buffer.from('统一', 'utf8'))).toBe(false)
    for (const size of [1, 7, 64 * 1024]) {
      const { file, rows } = await read(bytes, {}, size)
      expect(file.encoding).toBe('gb18030')
      expect(rows.map((r) => r.values.name)).toEqual(['海南椰城建设（集团）有限公司', '三亚湾建筑设计有限公司'])
      expect(rows[1].values).toMatchObject({ regionCode: '460200', registeredCapital: '1200.5', establishedOn: '2018-09-03' })
    }
  })

  it('refuses bytes that are neither UTF-8 nor GB18030, saying how to save CSV UTF-8', async () => {
    const bytes = Buffer.concat([csvBytes([HEADER], 'utf-8'), Buffer.from([0xff, 0xfe, 0x41, 0xff, 0x0d, 0x0a])])
    const error = await refusal(bytes)
    expect(error.code).toBe('ENCODING')
    expect(error.message).toContain('CSV UTF-8（逗号分隔）')
  })

  it('refuses UTF-16 ("Unicode 文本") files', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(HEADER.join('\t'), 'utf16le')])
    expect((await refusal(bytes)).code).toBe('ENCODING')
  })

  it('refuses, naming the row, bytes past the sample that do not decode', async () => {
    const filler = Array.from({ length: 800 }, (_, i) => [...ROW.slice(0, 1), `企业${i}`, ...ROW.slice(2)])
    const good = csvBytes([HEADER, ...filler], 'utf-8')
    expect(good.byteLength).toBeGreaterThan(64 * 1024)
    const bad = Buffer.concat([good, Buffer.from('91460100MA5T0K2Q25,坏', 'utf8'), Buffer.from([0xd6, 0xd0]), Buffer.from(',施工单位,460100,王,址,1,2015-06-18\r\n', 'utf8')])
    const error = await refusal(bad)
    expect(error.code).toBe('ENCODING')
    expect(error.details).toEqual({ row: 802, column: '企业名称' })
    expect(error.message).toContain('第802行')
  })
})

describe('CSV layout', () => {
  it('numbers rows as Excel does across quoted line breaks, and skips blank rows', async () => {
    const text =
      '\uFEFF' +
      HEADER.join(',') +
      '\r\n' +
      `${ROW.slice(0, 5).join(',')},"海口市龙华区\r\n滨海大道100号, 1栋",5000,2015-06-18\r\n` +
      ',,,,,,,\r\n' +
      '\r\n' +
      `${ROW_2.slice(0, 6).join(',')},"1,200.5",2018/9/3\r\n` +
      ',,,,,,,\r\n\r\n\r\n'
    const { rows } = await read(Buffer.from(text, 'utf8'))
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 5])
    expect(rows[0].values.registeredAddress).toBe('海口市龙华区 滨海大道100号, 1栋')
    expect(rows[1].values.registeredCapital).toBe('1200.5')
    expect(rows.flatMap((r) => r.problems)).toEqual([])
  })

  it('pads short rows, so missing trailing cells are empty cells', async () => {
    const { rows } = await read(csvBytes([HEADER, ROW.slice(0, 2)]))
    expect(rows[0].values.establishedOn).toBeNull()
    expect(rows[0].problems.map((p) => `${p.row} ${p.column} ${p.reason}`)).toContain('2 成立日期 请填写成立日期')
  })

  it('reports cells it cannot read on their row and column, and keeps reading', async () => {
    const { rows } = await read(csvBytes([PRACTITIONERS.columns.map((c) => c.header), ['4.60100E+17', '李明', '男', '', '91460100MA5T0K2Q25'], ['460100198506151234', '李明', '未知', '', '91460100MA5T0K2Q25']]), { kind: 'practitioners' })
    expect(rows.map((r) => r.problems.map((p) => [p.row, p.column, p.value]))).toEqual([[[2, '身份证号', '4.60100E+17']], [[3, '性别', '未知']]])
    expect(rows[0].problems[0].reason).toContain('科学计数法')
  })
})

describe('CSV refusals', () => {
  it('refuses an empty file, a BOM alone and a header without rows', async () => {
    expect((await refusal(Buffer.alloc(0))).code).toBe('EMPTY_FILE')
    expect((await refusal(Buffer.from([0xef, 0xbb, 0xbf]))).code).toBe('EMPTY_FILE')
    expect((await refusal(Buffer.from('\r\n\r\n,,,\r\n'))).code).toBe('EMPTY_FILE')
    const headerOnly = await refusal(csvBytes([HEADER]))
    expect(headerOnly.code).toBe('EMPTY_FILE')
    expect(headerOnly.message).toBe('文件只有列名，没有数据行')
  })

  it('refuses files other than .csv and .xlsx by name, .xls with how to convert it', async () => {
    expect((await refusal(csvBytes([HEADER, ROW]), { fileName: '企业.txt' })).code).toBe('UNSUPPORTED_FORMAT')
    const xls = await refusal(csvBytes([HEADER, ROW]), { fileName: '企业.XLS' })
    expect(xls.code).toBe('UNSUPPORTED_FORMAT')
    expect(xls.message).toContain('.xlsx')
  })

  it('refuses unknown, duplicate and missing columns, listing each', async () => {
    const error = await refusal(csvBytes([[...HEADER.filter((h) => h !== '成立日期'), '企业名称', '备注'], ROW]))
    expect(error.code).toBe('BAD_HEADER')
    expect(error.details.headerProblems?.map((p) => `${p.code} ${p.column}`)).toEqual(['DUPLICATE_COLUMN 企业名称', 'UNKNOWN_COLUMN 备注', 'MISSING_COLUMN 成立日期'])
    expect(error.message).toContain('缺少必填列“成立日期”')
  })

  it('refuses a file whose first row is not the header', async () => {
    const error = await refusal(csvBytes([['企业基本信息导入表'], HEADER, ROW]))
    expect(error.code).toBe('MISSING_HEADER')
    expect((await refusal(Buffer.from(`\r\n${HEADER.join(',')}\r\n${ROW.join(',')}\r\n`))).code).toBe('MISSING_HEADER')
  })

  it('refuses a quote that is never closed, naming where', async () => {
    const error = await refusal(Buffer.from(`${HEADER.join(',')}\r\n${ROW.join(',')}\r\n${ROW.slice(0, 7).join(',')},"2015-06-18\r\n${ROW.join(',')}\r\n`))
    expect(error.code).toBe('MALFORMED_CSV')
    expect(error.details.row).toBe(3)
    expect(error.message).toContain('引号没有闭合')
  })

  it('bounds what an unclosed quote makes it buffer', async () => {
    const long = `"${'很长的内容'.repeat(2000)}`
    const error = await refusal(Buffer.from(`${HEADER.join(',')}\r\n${long}\r\n`), { limits: { maxRecordChars: 5_000 } })
    expect(error.code).toBe('MALFORMED_CSV')
  })
})

describe('CSV limits', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [ROW[0], `企业${i}`, ...ROW.slice(2)])

  it('counts the bytes it reads, refusing a file over the limit before its header is trusted', async () => {
    const error = await refusal(csvBytes([HEADER, ...rows(50)]), { limits: { maxBytes: 1_000 } })
    expect(error.code).toBe('FILE_TOO_LARGE')
    expect(error.message).toContain('1000 字节')
  })

  it('refuses a file that grows past the limit while its rows are read', async () => {
    const bytes = csvBytes([HEADER, ...rows(3000)])
    expect(bytes.byteLength).toBeGreaterThan(200_000)
    const file = await readImportFile(chunked(bytes, 4096), options({ limits: { maxBytes: 150_000 } }))
    let read = 0
    const error = await thrown(async () => {
      for await (const _ of file) read++
    })
    expect(error).toBeInstanceOf(ImportFileError)
    expect((error as ImportFileError).code).toBe('FILE_TOO_LARGE')
    expect(read).toBeGreaterThan(0)
    expect(read).toBeLessThan(3000)
    expect(file.bytesRead).toBeLessThanOrEqual(150_000 + 4096)
  })

  it('refuses more data rows than the limit, blank rows not counted', async () => {
    const ok = csvBytes([HEADER, ...rows(3), ['', '', ''], ...rows(0)])
    expect((await read(ok, { limits: { maxRows: 3 } })).rows).toHaveLength(3)
    const error = await refusal(csvBytes([HEADER, ...rows(2), [], ...rows(2)]), { limits: { maxRows: 3 } })
    expect(error.code).toBe('TOO_MANY_ROWS')
    expect(error.details.row).toBe(6)
    expect(error.message).toContain('3 行')
  })

  it('reads the rows once, and can be closed unread', async () => {
    const file = await readImportFile(chunked(csvBytes([HEADER, ROW])), options())
    expect(await allRows(file)).toHaveLength(1)
    expect(() => file[Symbol.asyncIterator]()).toThrow()
    const unread = await readImportFile(chunked(csvBytes([HEADER, ROW])), options())
    await unread.close()
  })
})
