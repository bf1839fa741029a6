// The records of a CSV text, streamed with csv-parse. A record is a spreadsheet row — a quoted
// field may hold line breaks — so record numbers are the row numbers Excel shows. Empty lines are
// records too (Excel shows them as empty rows) and are numbered; the caller skips blank ones.
import { Readable } from 'node:stream'
import { parse, CsvError } from 'csv-parse'
import { ImportFileError } from './import-file-error'

export interface CsvRecord {
  rowNumber: number
  cells: string[]
}

function malformed(error: CsvError): ImportFileError {
  const info = error as CsvError & { records?: number; lines?: number }
  const row = (info.records ?? 0) + 1
  const where = `第${row}行附近`
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError('MALFORMED_CSV', `${where}的引号没有闭合（以引号开始的内容须以引号结束），请检查该行`, { row })
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError('MALFORMED_CSV', `${where}的一行内容过长，可能是引号没有闭合，请检查该行`, { row })
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportFileError('MALFORMED_CSV', `${where}的引号用法有误（引号内的引号应写成两个引号""），请检查该行`, { row })
    default:
      return new ImportFileError('MALFORMED_CSV', `${where}的内容不是有效的 CSV 格式，请检查该行`, { row })
  }
}

export async function* csvRecords(text: AsyncIterable<string>, maxRecordChars: number): AsyncGenerator<CsvRecord> {
  const parser = parse({
    relax_column_count: true,
    // a lone quote inside an unquoted value (5"门) is kept as typed
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: maxRecordChars,
  })
  const source = Readable.from(text)
  source.on('error', (error) => parser.destroy(error))
  source.pipe(parser)
  let rowNumber = 0
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      rowNumber++
      yield { rowNumber, cells }
    }
  } catch (error) {
    if (error instanceof CsvError) throw malformed(error)
    throw error
  } finally {
    source.destroy()
    parser.destroy()
  }
}
