// Columns that several import kinds share: the keys by which a row names an enterprise, a person or
// a project. The examples agree across kinds, so the templates' example rows can be imported in
// order (enterprise, practitioner, project, its stages) and refer to one another.
import type { ColumnSpec } from './column-spec'

export const TEXT_FORMAT_HINT = '请将该列设置为“文本”格式，否则 Excel 会把长数字改成科学计数法并丢失末尾数字'

export const EXAMPLE_USCC = {
  owner: '91460100MA5T1A3B4A',
  contractor: '91460100MA5T0K2Q25',
  supervisor: '91460100MA5T3E5F1W',
} as const

export const EXAMPLE_PROJECT_CODE = '46010020240300017'

/** A USCC naming an enterprise that must already exist (or come earlier in the import). */
export function usccColumn(field: string, header: string, whose: string, example: string, required = true): ColumnSpec {
  return {
    field,
    header,
    required,
    kind: 'code',
    description: `${whose}的18位统一社会信用代码${required ? '' : '，可不填'}；该企业须已在企业库中`,
    example,
  }
}

export function idNumberColumn(description: string): ColumnSpec {
  return {
    field: 'idNumber',
    header: '身份证号',
    required: true,
    kind: 'code',
    description: `18位居民身份证号码；${description}。${TEXT_FORMAT_HINT}`,
    example: '460100198506151234',
  }
}

export function projectCodeColumn(description: string): ColumnSpec {
  return {
    field: 'projectCode',
    header: '项目编码',
    required: true,
    kind: 'code',
    description: `17位项目编码；${description}。${TEXT_FORMAT_HINT}`,
    example: EXAMPLE_PROJECT_CODE,
  }
}
