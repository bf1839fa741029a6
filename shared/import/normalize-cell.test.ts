import { describe, expect, it } from 'vitest'
import type { ColumnKind, ColumnSpec } from './column-spec'
import { CONTRACT_PARTY_TABLE, HAINAN_REGION_TABLE, REGISTRATION_TYPE_TABLE } from './code-tables'
import { CONTROL_CHARACTER_PROBLEM, normalizeCell, type CellValue } from './normalize-cell'

const column = (kind: ColumnKind, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  field: 'f',
  header: '列',
  required: false,
  kind,
  description: '',
  example: '',
  ...extra,
})

const value = (c: ColumnSpec, v: CellValue, date1904 = false) => {
  const r = normalizeCell(c, v, { date1904 })
  if ('problem' in r) throw new Error(`unexpected problem: ${r.problem}`)
  return r.value
}
const problem = (c: ColumnSpec, v: CellValue) => {
  const r = normalizeCell(c, v)
  if (!('problem' in r)) throw new Error(`expected a problem, got ${JSON.stringify(r.value)}`)
  return r.problem
}

describe('empty cells', () => {
  it('are null in every kind, including cells of spaces and invisible characters', () => {
    for (const kind of ['text', 'code', 'date', 'amount', 'enum'] as const) {
      const c = column(kind, { codeTable: CONTRACT_PARTY_TABLE })
      for (const v of [null, undefined, '', '   ', '\u3000', '\u200B']) expect(value(c, v), `${kind} ${JSON.stringify(v)}`).toBeNull()
    }
  })
})

describe('control characters', () => {
  // the import's and the exchange API's one cell rule, the forms' rule (shared/validators/text.ts):
  // PostgreSQL cannot store a NUL, and no value anyone means holds one
  it('refuse a cell of every kind as a whole, never cleaned silently', () => {
    for (const kind of ['text', 'longText', 'code', 'date', 'amount', 'integer', 'enum'] as const) {
      const c = column(kind, { codeTable: CONTRACT_PARTY_TABLE })
      for (const v of ['海口\u0000建工', '\u0000', '2026-01-01\u0000', '12\u001b', 'CONTRACTOR\u007f']) expect(problem(c, v), `${kind} ${JSON.stringify(v)}`).toBe(CONTROL_CHARACTER_PROBLEM)
    }
  })

  it('leave tabs and line breaks to the rules of the kind', () => {
    expect(value(column('text'), '海口\t建工')).toBe('海口 建工')
    expect(value(column('longText'), '第一行\r\n第二行')).toBe('第一行\n第二行')
  })
})

describe('text', () => {
  const text = column('text')

  it('trims and collapses spaces, ideographic and non-breaking ones included', () => {
    expect(value(text, '  海南  椰城\u3000建设\u00A0公司 ')).toBe('海南 椰城 建设 公司')
    expect(value(text, '海南椰城\n建设公司')).toBe('海南椰城 建设公司')
  })

  it('never changes full-width brackets, letters or digits in a name', () => {
    expect(value(text, '海南椰城建设（集团）有限公司')).toBe('海南椰城建设（集团）有限公司')
    expect(value(text, 'ＡＢＣ建设１号')).toBe('ＡＢＣ建设１号')
  })

  it('keeps line breaks in long text, tidying each line', () => {
    expect(value(column('longText'), '\r\n第一行  事实 \r\n 第二行\n')).toBe('第一行 事实\n第二行')
  })

  it('reads a number cell as Excel shows it', () => {
    expect(value(text, 0.1 + 0.2)).toBe('0.3')
    expect(value(text, 12)).toBe('12')
  })
})

describe('codes', () => {
  const code = column('code')

  it('converts full-width characters, removes spaces and upper-cases', () => {
    expect(value(code, ' ９１４６０１００ma５t０k２q２５ ')).toBe('91460100MA5T0K2Q25')
    expect(value(code, '4601 0020 2403 00017')).toBe('46010020240300017')
    expect(value(code, '琼１４６２０２４００１２３')).toBe('琼146202400123')
  })

  it('accepts a number cell only when Excel can have kept every digit', () => {
    expect(value(code, 460100)).toBe('460100')
    expect(value(code, 999_999_999_999_999)).toBe('999999999999999')
    // 18-digit ID number and 17-digit project code typed into number cells
    expect(problem(code, 460100198506151200)).toContain('设置为“文本”格式')
    expect(problem(code, 46010020240300017)).toContain('设置为“文本”格式')
    expect(problem(code, 2 ** 53 + 2)).toContain('设置为“文本”格式')
    expect(problem(code, 1_000_000_000_000_000)).toContain('末尾数字可能已丢失')
    expect(problem(code, 4601.5)).toContain('设置为“文本”格式')
  })

  it('refuses a code that Excel wrote into a CSV in exponent form', () => {
    expect(problem(code, '4.60100E+17')).toContain('科学计数法')
    expect(problem(code, '4.601002024E+16')).toContain('科学计数法')
    expect(problem(code, '４．６E＋１７')).toContain('科学计数法')
    expect(problem(code, '1E+17')).toContain('科学计数法')
  })

  it('does not mistake a USCC with an E among its digits for an exponent', () => {
    expect(value(code, '914690260001301E96')).toBe('914690260001301E96')
    expect(value(code, '9146990200013E2558')).toBe('9146990200013E2558')
  })

  it('accepts the names of its code table in place of a code, and any other code as typed', () => {
    const region = column('code', { codeTable: HAINAN_REGION_TABLE })
    expect(value(region, '海口市')).toBe('460100')
    expect(value(region, '三亚')).toBe('460200')
    expect(value(region, '洋浦经济开发区')).toBe('469901')
    expect(value(region, '460100')).toBe('460100')
    expect(value(region, '440300')).toBe('440300')
  })

  it('refuses dates and logical values in a code column', () => {
    expect(problem(code, new Date(Date.UTC(2024, 2, 5)))).toContain('日期格式')
    expect(problem(code, true)).toContain('逻辑值')
    expect(problem(code, { excelError: '#N/A' })).toContain('#N/A')
  })
})

describe('dates', () => {
  const date = column('date')

  it('reads text, serial numbers in either date system and xlsx dates', () => {
    expect(value(date, '2024年3月5日')).toBe('2024-03-05')
    expect(value(date, 45356)).toBe('2024-03-05')
    expect(value(date, 45356 - 1462, true)).toBe('2024-03-05')
    expect(value(date, new Date(Date.UTC(2024, 2, 5, 18)))).toBe('2024-03-05')
  })

  it('refuses what it cannot be sure of', () => {
    expect(problem(date, '3/5/2024')).toContain('无法确定月和日的先后')
    expect(problem(date, 2024)).toContain('不是日期')
  })
})

describe('amounts', () => {
  const amount = column('amount', { unit: '万元' })

  it('removes thousands separators and converts full-width digits', () => {
    expect(value(amount, '1,234.56')).toBe('1234.56')
    expect(value(amount, '１，２３４．５')).toBe('1234.5')
    expect(value(amount, '12 345')).toBe('12345')
    expect(value(amount, '+5000')).toBe('5000')
    expect(value(amount, '-3')).toBe('-3')
  })

  it('reads number cells at Excel precision', () => {
    expect(value(amount, 1234.56)).toBe('1234.56')
    expect(value(amount, 28500)).toBe('28500')
    expect(value(amount, 1234.5599999999999)).toBe('1234.56')
  })

  it('refuses separators that do not group threes, units and exponent forms, naming the unit', () => {
    expect(problem(amount, '1,5')).toContain('单位：万元')
    expect(problem(amount, '12,34,567')).toContain('应为数字')
    expect(problem(amount, '5000万元')).toContain('不要填写单位')
    expect(problem(amount, '1.5E+06')).toContain('科学计数法')
    expect(problem(amount, 'abc')).toContain('应为数字')
  })
})

describe('integers', () => {
  const integer = column('integer')
  it('reads whole numbers only', () => {
    expect(value(integer, '１２')).toBe('12')
    expect(value(integer, 0)).toBe('0')
    expect(problem(integer, '1.5')).toBe('应为整数')
    expect(problem(integer, 2.5)).toBe('应为整数')
  })
})

describe('enums', () => {
  const role = column('enum', { codeTable: CONTRACT_PARTY_TABLE })
  const registration = column('enum', { codeTable: REGISTRATION_TYPE_TABLE })

  it('accepts the label, an alias or the stored value, in any case and width', () => {
    expect(value(role, '施工')).toBe('CONTRACTOR')
    expect(value(role, '施工单位')).toBe('CONTRACTOR')
    expect(value(role, ' contractor ')).toBe('CONTRACTOR')
    expect(value(role, 'ＳＵＰＥＲＶＩＳＯＲ')).toBe('SUPERVISOR')
    // the label is written with half-width brackets; users type full-width ones
    expect(value(registration, '注册土木工程师（岩土）')).toBe('SURVEY_ENGINEER')
  })

  it('refuses anything else, listing the labels of a short table', () => {
    expect(problem(role, '总包')).toBe('「总包」不是有效的合同类型，应为：勘察、设计、施工、监理')
  })
})
