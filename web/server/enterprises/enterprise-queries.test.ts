import { describe, expect, it } from 'vitest'
import { makeUscc } from '@shared/validators/uscc'
import { enterpriseListQuerySchema, enterpriseProjectsQuerySchema, enterpriseRegionOptions, subjectRecordsQuerySchema, usccParam, usccPathSchema } from './enterprise-queries'

const USCC = makeUscc('91', '460100', 'MA5T0001')

describe('enterpriseListQuerySchema', () => {
  it('accepts a typical query and fills defaults', () => {
    expect(enterpriseListQuerySchema.parse({ q: ' 建工 ', type: 'CONTRACTOR', region: '460100', scope: 'IN' })).toEqual({
      q: '建工',
      type: 'CONTRACTOR',
      region: '460100',
      scope: 'IN',
      page: 1,
      pageSize: 20,
    })
  })

  it('accepts the province itself and out-of-province cities as regions', () => {
    expect(enterpriseListQuerySchema.parse({ region: '460000' }).region).toBe('460000')
    expect(enterpriseListQuerySchema.parse({ region: '110000', scope: 'OUT' })).toMatchObject({ region: '110000', scope: 'OUT' })
  })

  it('treats empty parameters as absent', () => {
    expect(enterpriseListQuerySchema.parse({ q: '', type: '', region: ' ', scope: '' })).toEqual({ page: 1, pageSize: 20 })
  })

  it.each([
    [{ type: 'BUILDER' }, 'type'],
    [{ region: '999999' }, 'region'],
    [{ region: '460101' }, 'region'],
    [{ scope: 'ALL' }, 'scope'],
    [{ pageSize: '500' }, 'pageSize'],
  ])('rejects %j naming %s', (input, parameter) => {
    const result = enterpriseListQuerySchema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].path).toEqual([parameter])
  })

  it('offers every accepted region as a choice, each once', () => {
    const values = enterpriseRegionOptions.map((o) => o.value)
    expect(new Set(values).size).toBe(values.length)
    for (const v of values) expect(enterpriseListQuerySchema.safeParse({ region: v }).success).toBe(true)
    expect(enterpriseRegionOptions.find((o) => o.value === '110000')?.label).toBe('北京市（省外）')
  })
})

describe('sub-list queries', () => {
  it('take a role or a record kind, and pagination', () => {
    expect(enterpriseProjectsQuerySchema.parse({ role: 'SUPERVISOR', page: '3' })).toEqual({ role: 'SUPERVISOR', page: 3, pageSize: 20 })
    expect(subjectRecordsQuerySchema.parse({ kind: 'BAD' })).toEqual({ kind: 'BAD', page: 1, pageSize: 20 })
    expect(enterpriseProjectsQuerySchema.safeParse({ role: 'QUALITY_TESTING' }).success).toBe(false)
    expect(subjectRecordsQuerySchema.safeParse({ kind: 'NEUTRAL' }).success).toBe(false)
  })
})

describe('usccParam', () => {
  it('normalizes lower case, full-width characters, spaces and percent-encoding', () => {
    expect(usccParam(USCC.toLowerCase())).toEqual({ ok: true, uscc: USCC })
    const fullWidth = [...USCC].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')
    expect(usccParam(encodeURIComponent(` ${fullWidth} `))).toEqual({ ok: true, uscc: USCC })
  })

  it.each([
    ['too short', USCC.slice(0, 17)],
    ['a wrong check character', USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0')],
    ['a forbidden letter', USCC.slice(0, 10) + 'I' + USCC.slice(11)],
    ['a broken escape', '%E4%B8'],
  ])('rejects %s', (_what, raw) => {
    expect(usccParam(raw).ok).toBe(false)
  })

  it('does not apply the organization-code check (legacy codes must still open)', () => {
    // a valid check character over a body whose GB 11714 check digit is wrong
    const body = USCC.slice(0, 16) + (USCC[16] === '0' ? '1' : '0')
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    const sum = [...body].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0)
    const legacy = body + alphabet[(31 - (sum % 31)) % 31]
    expect(usccParam(legacy)).toEqual({ ok: true, uscc: legacy })
  })

  it('as a path schema, names the parameter uscc', () => {
    expect(usccPathSchema.parse({ uscc: USCC.toLowerCase() })).toEqual({ uscc: USCC })
    const bad = usccPathSchema.safeParse({ uscc: 'ABC' })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues[0].path).toEqual(['uscc'])
    expect(bad.error!.issues[0].message).toBe('统一社会信用代码应为18位')
  })
})
