// A small RFC 4180 CSV parser for reading the portal's exports in the browser tests (no CSV
// library is installed at the root). Fields are separated by commas and records by CRLF (a bare
// LF or CR is accepted too); a field in double quotes may hold commas, line breaks and doubled
// quotes (""). A quote inside an unquoted field, or text after a closing quote, is an error:
// the export must be well formed, so the parser does not guess.

export const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf)

export class CsvSyntaxError extends Error {}

/** Parses CSV text (without a BOM) into records of fields. A final line break ends the last record. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let i = 0
  let quoted = false // inside a quoted field
  let afterQuote = false // a quoted field has just been closed
  let fieldStarted = false // the current record has at least one character or separator

  const endField = () => {
    record.push(field)
    field = ''
    afterQuote = false
  }
  const endRecord = () => {
    endField()
    records.push(record)
    record = []
    fieldStarted = false
  }

  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        afterQuote = true
        i++
        continue
      }
      field += c
      i++
      continue
    }
    if (c === ',') {
      endField()
      fieldStarted = true
      i++
      continue
    }
    if (c === '\r' || c === '\n') {
      endRecord()
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      continue
    }
    if (afterQuote) throw new CsvSyntaxError(`text after a closing quote at offset ${i}`)
    if (c === '"') {
      if (field !== '') throw new CsvSyntaxError(`a quote inside an unquoted field at offset ${i}`)
      quoted = true
      fieldStarted = true
      i++
      continue
    }
    field += c
    fieldStarted = true
    i++
  }
  if (quoted) throw new CsvSyntaxError('the file ends inside a quoted field')
  if (fieldStarted || afterQuote || field !== '' || record.length > 0) endRecord()
  return records
}

/** Records as objects keyed by the header row; every record must have as many fields as the header. */
export function csvToObjects(records: string[][]): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...body] = records
  if (!header) throw new CsvSyntaxError('no header row')
  const rows = body.map((fields, n) => {
    if (fields.length !== header.length) {
      throw new CsvSyntaxError(`record ${n + 2} has ${fields.length} fields, the header has ${header.length}`)
    }
    return Object.fromEntries(header.map((h, k) => [h, fields[k]]))
  })
  return { header, rows }
}

/** True when the bytes begin with the UTF-8 byte order mark EF BB BF. */
export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}
