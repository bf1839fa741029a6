import { describe, expect, it } from 'vitest'
import { blacklistListQuerySchema, creditCheckQuerySchema, creditGradeListQuerySchema, parseCreditLookup } from './credit-queries'
import { trackingNumberParam, newObjectionQuerySchema } from '@web/server/objections/objection-queries'

describe('the credit-grade list filters', () => {
  it('accept the documented values and treat empty ones as absent', () => {
    expect(creditGradeListQuerySchema.parse({ grade: 'AA', subjectClass: 'CONSTRUCTION', subjectType: 'ENTERPRISE', region: '460100', blacklisted: 'YES', q: ' 建工 ', page: '2' })).toEqual({
      grade: 'AA',
      subjectClass: 'CONSTRUCTION',
      subjectType: 'ENTERPRISE',
      region: '460100',
      blacklisted: 'YES',
      q: '建工',
      page: 2,
      pageSize: 20,
    })
    expect(creditGradeListQuerySchema.parse({ grade: '', region: '', blacklisted: '' })).toEqual({ page: 1, pageSize: 20 })
  })

  it('name each bad parameter in Chinese', () => {
    const r = creditGradeListQuerySchema.safeParse({ grade: 'AAAA', subjectClass: 'BANK', blacklisted: 'maybe', region: '999999' })
    expect(r.success).toBe(false)
    const paths = r.error!.issues.map((i) => i.path[0]).sort()
    expect(paths).toEqual(['blacklisted', 'grade', 'region', 'subjectClass'])
    for (const i of r.error!.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/)
    expect(blacklistListQuerySchema.safeParse({ subjectType: 'ROBOT' }).success).toBe(false)
  })
})

describe('查询我的信用等级', () => {
  it('tells a USCC, a registration number and a name apart', () => {
    expect(parseCreditLookup(' 91460100ma5t00002p ')).toEqual({ ok: true, lookup: { by: 'USCC', uscc: '91460100MA5T00002P' } })
    expect(parseCreditLookup('琼146202400123')).toEqual({ ok: true, lookup: { by: 'REGISTRATION', number: '琼146202400123' } })
    expect(parseCreditLookup('海南建工')).toEqual({ ok: true, lookup: { by: 'NAME', name: '海南建工' } })
  })

  it('says what is wrong instead of searching for it', () => {
    expect(parseCreditLookup('')).toMatchObject({ ok: false, message: expect.stringContaining('请输入') })
    expect(parseCreditLookup('91460100MA5T00002A')).toMatchObject({ ok: false, message: expect.stringContaining('统一社会信用代码有误') })
    expect(parseCreditLookup('12345')).toMatchObject({ ok: false, message: expect.stringContaining('无法识别') })
    expect(parseCreditLookup('海')).toMatchObject({ ok: false, message: '企业名称至少输入 2 个字' })
    expect(parseCreditLookup('名'.repeat(101))).toMatchObject({ ok: false })
    expect(creditCheckQuerySchema.safeParse({}).success).toBe(false)
    expect(creditCheckQuerySchema.parse({ q: '海南建工' }).q).toEqual({ by: 'NAME', name: '海南建工' })
  })
})

describe('objection parameters', () => {
  it('check tracking numbers from a path, normalized', () => {
    expect(trackingNumberParam('yy20261124k7m2qx9par4tc')).toEqual({ ok: true, trackingNumber: 'YY20261124K7M2QX9PAR4TC' })
    expect(trackingNumberParam('YY20261124%20K7M2%20QX9P%20AR4T%20C')).toEqual({ ok: true, trackingNumber: 'YY20261124K7M2QX9PAR4TC' })
    expect(trackingNumberParam('YY20261124K7M2QX9PAR4TX')).toMatchObject({ ok: false })
    expect(trackingNumberParam('')).toMatchObject({ ok: false, message: '请输入受理编号' })
  })

  it('start the form from a record, as an objection unless repair is asked for', () => {
    expect(newObjectionQuerySchema.parse({ record: 'cir1' })).toEqual({ record: 'cir1', kind: 'OBJECTION' })
    expect(newObjectionQuerySchema.parse({ record: 'cir1', kind: 'REPAIR' })).toEqual({ record: 'cir1', kind: 'REPAIR' })
    expect(newObjectionQuerySchema.safeParse({ record: 'cir1', kind: 'APPEAL' }).success).toBe(false)
    expect(newObjectionQuerySchema.safeParse({}).success).toBe(false)
  })
})
