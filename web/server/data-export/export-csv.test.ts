// The export's file format read back by the import's own reader: BOM and CRLF, the template's
// headers, code-table labels, line breaks inside a cell, and cells a spreadsheet would run as
// formulas — guarded in the file, read back as the stored value.
import { describe, expect, it } from 'vitest'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import { templateHeader } from '@shared/import/header'
import { normalizeCell } from '@shared/import/normalize-cell'
import { readImportFile } from '@web/server/import/read-import-file'
import { allRows, chunked } from '@web/server/import/testing/fixtures'
import { csvBody, csvHead, exportCell, exportCells } from './export-csv'

const ENTERPRISES = IMPORT_KINDS.enterprises
const RECORDS = IMPORT_KINDS['integrity-records']

const enterprise = (name: string) => ({
  uscc: '91460100MA5T0K2Q25',
  name,
  type: 'CONTRACTOR',
  regionCode: '460100',
  legalRepresentative: '@王海峰',
  registeredAddress: '海口市龙华区滨海大道100号',
  registeredCapital: '5000.5',
  establishedOn: '2015-06-18',
})

async function readBack(kind: 'enterprises' | 'integrity-records', text: string) {
  const file = await readImportFile(chunked(Buffer.from(text, 'utf8'), 7), { kind, fileName: 'export.csv' })
  return allRows(file)
}

describe('export CSV', () => {
  it('starts with a BOM and the template header, ends every line with CRLF', () => {
    const text = csvHead(ENTERPRISES) + csvBody(ENTERPRISES, [enterprise('海南椰城建设有限公司')])
    const bytes = Buffer.from(text, 'utf8')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = text.slice(1).split('\r\n')
    expect(lines[0]).toBe(ENTERPRISES.columns.map(templateHeader).join(','))
    expect(lines[2]).toBe('')
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('writes a code-table column as its label, which reads back as the stored value', () => {
    const type = ENTERPRISES.columns.find((c) => c.field === 'type')!
    expect(exportCell(type, 'CONTRACTOR')).toBe('施工单位')
    const kind = RECORDS.columns.find((c) => c.field === 'kind')!
    expect(normalizeCell(kind, exportCell(kind, 'BAD'))).toEqual({ value: 'BAD' })
  })

  it('guards cells that begin like a formula, and the importer reads the stored value back', async () => {
    const names = ['=HYPERLINK("http://x","点击")有限公司', '+86建设有限公司', '-海南建设有限公司', '@SUM(A1)有限公司']
    for (const name of names) expect(exportCell(ENTERPRISES.columns[1], name)).toBe(`'${name}`)
    const rows = await readBack('enterprises', csvHead(ENTERPRISES) + csvBody(ENTERPRISES, names.map(enterprise)))
    expect(rows.map((r) => r.problems)).toEqual(names.map(() => []))
    expect(rows.map((r) => r.values.name)).toEqual(names)
    expect(rows.every((r) => r.values.legalRepresentative === '@王海峰' && r.values.registeredCapital === '5000.5' && r.values.type === 'CONTRACTOR')).toBe(true)
  })

  it('keeps line breaks, quotes and commas of a long text through the reader', async () => {
    const description = '第一行，有逗号\n第二行 "引号"\n=第三行'
    const record = {
      subjectCode: '91460100MA5T0K2Q25',
      kind: 'BAD',
      categoryCode: RECORDS.columns.find((c) => c.field === 'categoryCode')!.codeTable!.entries[0].value,
      title: '-标题',
      description,
      decisionNumber: '琼建罚〔2024〕12号',
      issuedBy: '海口市住房和城乡建设局',
      decidedOn: '2024-06-28',
      penaltyLastDay: null,
      publishFrom: '2024-06-28',
    }
    const [row] = await readBack('integrity-records', csvHead(RECORDS) + csvBody(RECORDS, [record]))
    expect(row.problems).toEqual([])
    expect(row.values).toMatchObject({ title: '-标题', description, penaltyLastDay: null, kind: 'BAD', categoryCode: record.categoryCode })
  })

  it('refuses a row that lacks a column of the spec', () => {
    const { name: _name, ...partial } = enterprise('x')
    expect(() => exportCells(ENTERPRISES, partial)).toThrow(/name/)
  })
})
