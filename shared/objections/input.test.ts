import { describe, expect, it } from 'vitest'
import { fieldErrorsOf, normalizeContactPhone, objectionInputSchema, PHONE_MESSAGE } from './input'

const valid = {
  recordId: 'cir00000123abc',
  kind: 'OBJECTION',
  applicantName: '海南某某建设工程有限公司',
  contactPhone: '13800138000',
  reasons: '该记录的处罚决定文号与原件不符，请予核实更正。',
}

function errors(input: Record<string, unknown>) {
  const r = objectionInputSchema.safeParse(input)
  return r.success ? {} : fieldErrorsOf(r.error)
}

describe('contact phone numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['86-138-0013-8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['0898-66668888', '0898-66668888'],
    ['(0898)66668888', '0898-66668888'],
    ['089866668888', '0898-66668888'],
    ['010-62345678', '010-62345678'],
    ['0898-66668888-123', '0898-66668888-123'],
    ['0898-66668888转123', '0898-66668888-123'],
  ])('%s is %s', (raw, phone) => expect(normalizeContactPhone(raw)).toBe(phone))

  it.each(['12345', '12800138000', '1380013800', '138001380001', '66668888', '0898-1234', 'abc', '0898-06668888'])('%s is not a phone number', (raw) => {
    expect(normalizeContactPhone(raw)).toBeNull()
  })
})

describe('the objection form', () => {
  it('accepts a complete objection, stores phones canonically and drops what does not belong', () => {
    const r = objectionInputSchema.parse({ ...valid, contactPhone: '+86 138-0013-8000', email: '', rectification: '与异议无关的内容' })
    expect(r).toEqual({ ...valid, contactPhone: '13800138000', email: null, rectification: null })
  })

  it('names every wrong field at once, in Chinese', () => {
    const e = errors({ recordId: 'x y', kind: 'REPAIR', applicantName: '张', contactPhone: '12345', email: 'a@', reasons: '太短了', rectification: '' })
    expect(Object.keys(e).sort()).toEqual(['applicantName', 'contactPhone', 'email', 'reasons', 'recordId', 'rectification'])
    expect(e.contactPhone).toBe(PHONE_MESSAGE)
    for (const message of Object.values(e)) expect(message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('asks for the phone when it is missing or blank', () => {
    expect(errors({ ...valid, contactPhone: '  ' }).contactPhone).toBe('请填写联系电话')
    expect(errors({ ...valid, contactPhone: undefined }).contactPhone).toBe('请填写联系电话')
  })

  it('requires a rectification of 10 to 2000 characters for a repair request only', () => {
    expect(errors({ ...valid, kind: 'REPAIR' }).rectification).toMatch(/整改情况/)
    expect(errors({ ...valid, kind: 'REPAIR', rectification: '已整改'.repeat(700) }).rectification).toMatch(/2000/)
    expect(objectionInputSchema.parse({ ...valid, kind: 'REPAIR', rectification: '  已缴纳罚款并完成全部整改，经复查合格。 ' }).rectification).toBe('已缴纳罚款并完成全部整改，经复查合格。')
  })

  it('counts characters as people do and bounds every text', () => {
    expect(errors({ ...valid, reasons: '𠀀'.repeat(10) }).reasons).toBeUndefined()
    expect(errors({ ...valid, reasons: '理'.repeat(2001) }).reasons).toMatch(/2000/)
    expect(errors({ ...valid, applicantName: '名'.repeat(101) }).applicantName).toMatch(/100/)
    expect(errors({ ...valid, email: `${'a'.repeat(95)}@b.com` }).email).toMatch(/100/)
    expect(errors({ ...valid, kind: 'COMPLAINT' }).kind).toMatch(/异议/)
  })
})
