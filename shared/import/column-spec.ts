// What a column of an import file is: the form field it feeds, its header in the template, and how
// its cells are read (shared/import/normalize-cell.ts). The same descriptions make the template's
// 说明 and 代码表 sheets, so the rules a user reads are the rules the reader applies.

import type { z } from 'zod'
import type { ImportKindId } from './import-kind-ids'

/**
 * text       one line; runs of spaces collapsed, nothing else changed (full-width brackets stay)
 * longText   like text, but line breaks kept
 * code       an ASCII code: full-width to half-width, spaces removed, upper case
 * date       a calendar day, normalised to 'YYYY-MM-DD'
 * amount     a decimal number; thousands separators removed
 * integer    a whole number
 * enum       one value of a code table, given by its Chinese label or its stored value
 */
export const COLUMN_KINDS = ['text', 'longText', 'code', 'date', 'amount', 'integer', 'enum'] as const
export type ColumnKind = (typeof COLUMN_KINDS)[number]

export interface CodeEntry {
  /** what the form sends and the database stores */
  value: string
  /** the Chinese label shown in the 代码表 sheet */
  label: string
  /** other spellings people use for the same value (e.g. 施工单位 for 施工) */
  aliases?: readonly string[]
}

export interface CodeTable {
  /** the table's name in the 代码表 sheet */
  name: string
  entries: readonly CodeEntry[]
}

export interface ColumnSpec {
  /** the key of the value in the row: the form field, or an import-only field */
  field: string
  /** the header as written in the template (without the '*' that marks required columns) */
  header: string
  /** the column must be in the file and its cells must not be empty */
  required: boolean
  kind: ColumnKind
  /** for the 说明 sheet */
  description: string
  /** the template's example row, as a user would type it */
  example: string
  /**
   * enum: the only values allowed. code: names accepted in place of a code (a region's name for
   * its code); anything else is read as a code.
   */
  codeTable?: CodeTable
  /** amount: the unit (万元, 平方米), named in messages and the 说明 sheet */
  unit?: string
}

export interface ImportKindSpec {
  id: ImportKindId
  /** what one row is, for page titles and file names (企业基本信息) */
  label: string
  /** the data sheet of an xlsx file; other sheets (说明, 代码表) are ignored */
  sheetName: string
  columns: readonly ColumnSpec[]
  /** the fields that identify the row's entity, so that importing a file twice changes nothing */
  naturalKey: readonly string[]
  /** the staff form's schema the row feeds, unchanged (see formFieldColumns for permits) */
  formSchema: z.ZodType
  /** the import-only columns (historical numbers and dates, the owner's key), or null */
  extraSchema: z.ZodType | null
  /**
   * Form fields that the use case fills from another column after a database lookup (a Person id
   * from a practising registration number): form field → column field, so that the form schema's
   * message about the form field is reported on the column the user filled.
   */
  formFieldColumns?: Readonly<Record<string, string>>
}

/** The 格式 column of the 说明 sheet. */
export function formatOf(column: ColumnSpec): string {
  switch (column.kind) {
    case 'text':
      return '文字'
    case 'longText':
      return '文字（可换行）'
    case 'code':
      return column.codeTable ? `代码（文本格式），也可填写${column.codeTable.name}名称，见“代码表”` : '代码（文本格式，全角字母数字自动转为半角）'
    case 'date':
      return '日期，如 2024-03-05、2024/3/5、2024年3月5日'
    case 'amount':
      return `数字（单位：${column.unit ?? ''}），可带千位分隔符`
    case 'integer':
      return '整数'
    case 'enum':
      return `从“代码表”的${column.codeTable?.name ?? ''}中选择，填写名称或代码`
  }
}
