import { describe, it, expect } from 'vitest'
import type { z } from 'zod'
import {
  certificateSerialSchema,
  completionFilingNumberSchema,
  isRegionCodeFormat,
  isValidCertificateSerial,
  isValidCompletionFilingNumber,
  isValidPermitNumber,
  isValidPracticeRegistrationNumber,
  isValidProjectCode,
  makeCertificateSerial,
  makeCompletionFilingNumber,
  makePermitNumber,
  makePracticeRegistrationNumber,
  makeProjectCode,
  parseCertificateSerial,
  parseCompletionFilingNumber,
  parsePermitNumber,
  parsePracticeRegistrationNumber,
  parseProjectCode,
  permitNumberSchema,
  practiceRegistrationNumberSchema,
  projectCodeSchema,
  regionCodeSchema,
} from './codes'
import { mod11_10CheckDigit } from './iso7064'

function messageOf(schema: z.ZodType, input: unknown): string | undefined {
  const r = schema.safeParse(input)
  return r.success ? undefined : r.error.issues[0]?.message
}

describe('region code', () => {
  it('separates format from membership', () => {
    expect(isRegionCodeFormat('440300')).toBe(true)
    expect(isRegionCodeFormat('46010')).toBe(false)
    expect(isRegionCodeFormat('46010a')).toBe(false)
    expect(regionCodeSchema.parse(' 460100 ')).toBe('460100')
    expect(regionCodeSchema.parse('469901')).toBe('469901')
    expect(messageOf(regionCodeSchema, '440300')).toBe('不是海南省已知的行政区划码')
    expect(messageOf(regionCodeSchema, '469003')).toBe('不是海南省已知的行政区划码')
    expect(messageOf(regionCodeSchema, '4601')).toBe('行政区划码应为6位数字')
  })
})

describe('project code', () => {
  it('makes and parses {region}{year}{month}{seq}', () => {
    const code = makeProjectCode('460100', 2024, 3, 17)
    expect(code).toBe('46010020240300017')
    expect(parseProjectCode(code)).toEqual({ regionCode: '460100', year: 2024, month: 3, sequence: 17 })
    expect(projectCodeSchema.parse(code)).toBe(code)
    expect(isValidProjectCode(makeProjectCode('469906', 2099, 12, 99_999))).toBe(true)
  })

  it('rejects bad months, unknown regions, zero sequences and wrong shapes', () => {
    expect(isValidProjectCode('46010020241300017')).toBe(false)
    expect(isValidProjectCode('46010020240000017')).toBe(false)
    expect(isValidProjectCode('44030020240300017')).toBe(false)
    expect(isValidProjectCode('46010020240300000')).toBe(false)
    expect(isValidProjectCode('46010019890300001')).toBe(false)
    expect(isValidProjectCode('4601002024030017')).toBe(false)
    expect(isValidProjectCode('460100202403000170')).toBe(false)
    expect(isValidProjectCode('4601002024030001A')).toBe(false)
    expect(messageOf(projectCodeSchema, '46010020241300017')).toBe('项目编码中的年月无效')
    expect(messageOf(projectCodeSchema, '44030020240300017')).toBe('项目编码前6位不是海南省已知的行政区划码')
    expect(messageOf(projectCodeSchema, '4601002024030017')).toBe('项目编码应为17位数字')
    expect(messageOf(projectCodeSchema, '46010020240300000')).toBe('项目编码中的流水号不能为00000')
  })

  it('refuses bad parts', () => {
    expect(() => makeProjectCode('440300', 2024, 3, 1)).toThrow(RangeError)
    expect(() => makeProjectCode('460100', 2024, 13, 1)).toThrow(RangeError)
    expect(() => makeProjectCode('460100', 2024, 3, 0)).toThrow(RangeError)
    expect(() => makeProjectCode('460100', 2024, 3, 100_000)).toThrow(RangeError)
    expect(() => makeProjectCode('460100', 1989, 3, 1)).toThrow(RangeError)
  })
})

describe('permit number', () => {
  it('makes and parses the 18-digit national layout', () => {
    const n = makePermitNumber('460100', '2024-03-15', 3, 'BUILDING')
    expect(n).toBe('460100202403150301')
    expect(parsePermitNumber(n)).toEqual({ regionCode: '460100', date: '2024-03-15', sequence: 3, category: 'BUILDING' })
    expect(makePermitNumber('469002', '20240229', 12, 'MUNICIPAL')).toBe('469002202402291202')
    // a Date is read in China time: 16:30Z on the 15th is the 16th in Haikou
    expect(makePermitNumber('460200', new Date('2024-03-15T16:30:00Z'), 1, 'BUILDING')).toBe('460200202403160101')
    expect(permitNumberSchema.parse(n)).toBe(n)
  })

  it('rejects impossible dates, unknown categories and regions, zero sequences', () => {
    expect(isValidPermitNumber('460100202302290301')).toBe(false)
    expect(isValidPermitNumber('460100202404310301')).toBe(false)
    expect(isValidPermitNumber('460100202403150303')).toBe(false)
    expect(isValidPermitNumber('460100202403150300')).toBe(false)
    expect(isValidPermitNumber('460100202403150001')).toBe(false)
    expect(isValidPermitNumber('440300202403150301')).toBe(false)
    expect(isValidPermitNumber('46010020240315030')).toBe(false)
    expect(isValidPermitNumber('JB460100202403150301')).toBe(false)
    expect(messageOf(permitNumberSchema, '460100202302290301')).toBe('施工许可证编号中的日期无效')
    expect(messageOf(permitNumberSchema, '460100202403150303')).toBe(
      '施工许可证编号末两位工程类别应为01（房屋建筑）或02（市政基础设施）',
    )
    expect(messageOf(permitNumberSchema, '46010020240315030')).toBe('施工许可证编号应为18位数字')
    expect(messageOf(permitNumberSchema, '440300202403150301')).toBe('施工许可证编号中的行政区划码不是海南省已知地区')
  })

  it('refuses bad parts', () => {
    expect(() => makePermitNumber('460100', '2023-02-29', 1, 'BUILDING')).toThrow(RangeError)
    expect(() => makePermitNumber('460100', '2024-03-15', 100, 'BUILDING')).toThrow(RangeError)
    expect(() => makePermitNumber('460100', '2024-03-15', 0, 'BUILDING')).toThrow(RangeError)
    expect(() => makePermitNumber('110000', '2024-03-15', 1, 'BUILDING')).toThrow(RangeError)
    // @ts-expect-error an unknown category must not slip through at run time either
    expect(() => makePermitNumber('460100', '2024-03-15', 1, 'ROAD')).toThrow(RangeError)
  })
})

describe('completion filing number', () => {
  it('is JB + the permit layout with the filing date', () => {
    const n = makeCompletionFilingNumber('460100', '2026-12-01', 2, 'BUILDING')
    expect(n).toBe('JB460100202612010201')
    expect(n).toHaveLength(20)
    expect(parseCompletionFilingNumber(n)).toEqual({
      regionCode: '460100',
      date: '2026-12-01',
      sequence: 2,
      category: 'BUILDING',
    })
    expect(parseCompletionFilingNumber('jb469901202612010102')?.regionCode).toBe('469901')
    expect(completionFilingNumberSchema.parse(' jb460100202612010201')).toBe(n)
  })

  it('rejects a missing or wrong marker and bad bodies', () => {
    expect(isValidCompletionFilingNumber('460100202612010201')).toBe(false)
    expect(isValidCompletionFilingNumber('JA460100202612010201')).toBe(false)
    expect(isValidCompletionFilingNumber('JB460100202613010201')).toBe(false)
    expect(isValidCompletionFilingNumber('JB460100202612010203')).toBe(false)
    expect(isValidCompletionFilingNumber('JB46010020261201020')).toBe(false)
    expect(messageOf(completionFilingNumberSchema, '460100202612010201')).toBe('竣工验收备案编号应为JB加18位数字')
    expect(messageOf(completionFilingNumberSchema, 'JB460100202613010201')).toBe('竣工验收备案编号中的日期无效')
  })
})

describe('certificate serial', () => {
  it('makes and parses {P|C}{year}{region}{seq}{MOD 11,10}', () => {
    const p = makeCertificateSerial('CONSTRUCTION_PERMIT', 2024, '460100', 123)
    expect(p).toHaveLength(18)
    expect(p.slice(0, 17)).toBe('P2024460100000123')
    expect(p[17]).toBe(mod11_10CheckDigit('2024460100000123'))
    expect(parseCertificateSerial(p)).toEqual({
      type: 'CONSTRUCTION_PERMIT',
      year: 2024,
      regionCode: '460100',
      sequence: 123,
    })
    const c = makeCertificateSerial('COMPLETION_FILING', 2026, '469901', 45)
    expect(parseCertificateSerial(c)?.type).toBe('COMPLETION_FILING')
    expect(certificateSerialSchema.parse(c.toLowerCase())).toBe(c)
  })

  it('rejects every single-digit change and swapped type letter', () => {
    const s = makeCertificateSerial('CONSTRUCTION_PERMIT', 2025, '460200', 98_765)
    expect(isValidCertificateSerial(s)).toBe(true)
    for (let i = 1; i < s.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === s[i]) continue
        const changed = s.slice(0, i) + d + s.slice(i + 1)
        expect(isValidCertificateSerial(changed), changed).toBe(false)
      }
    }
    // the letter is not covered by the check digit but must be P or C
    expect(isValidCertificateSerial('X' + s.slice(1))).toBe(false)
  })

  it('reports its problems in Chinese', () => {
    const s = makeCertificateSerial('CONSTRUCTION_PERMIT', 2025, '460200', 1)
    const wrong = s.slice(0, 17) + ((Number(s[17]) + 1) % 10)
    expect(messageOf(certificateSerialSchema, wrong)).toBe('证书流水号校验位错误')
    expect(messageOf(certificateSerialSchema, s.slice(0, 17))).toBe('证书流水号应为P或C加17位数字')
    const foreign = 'P2025440300000001'
    expect(messageOf(certificateSerialSchema, foreign + mod11_10CheckDigit(foreign.slice(1)))).toBe(
      '证书流水号中的行政区划码不是海南省已知地区',
    )
  })

  it('refuses bad parts', () => {
    expect(() => makeCertificateSerial('CONSTRUCTION_PERMIT', 2024, '460100', 0)).toThrow(RangeError)
    expect(() => makeCertificateSerial('CONSTRUCTION_PERMIT', 2024, '460100', 1_000_000)).toThrow(RangeError)
    expect(() => makeCertificateSerial('CONSTRUCTION_PERMIT', 2100, '460100', 1)).toThrow(RangeError)
    expect(() => makeCertificateSerial('CONSTRUCTION_PERMIT', 2024, '469003', 1)).toThrow(RangeError)
  })
})

describe('practice registration number', () => {
  it('accepts a province abbreviation or letters followed by 6-12 digits', () => {
    for (const n of ['琼146202400123', '粤244123456', 'A46001234', 'ABC123456', '京1110000001']) {
      expect(isValidPracticeRegistrationNumber(n), n).toBe(true)
    }
    expect(parsePracticeRegistrationNumber(' 琼146202400123 ')).toEqual({ prefix: '琼', digits: '146202400123' })
    expect(practiceRegistrationNumberSchema.parse('a46001234')).toBe('A46001234')
    expect(makePracticeRegistrationNumber('琼', '246202500017')).toBe('琼246202500017')
  })

  it('rejects missing prefixes, long prefixes, non-province characters and bad digit counts', () => {
    for (const n of ['46001234', 'ABCD123456', '海146202400123', '琼12345', '琼1234567890123', '琼-146202400', 'A12345X']) {
      expect(isValidPracticeRegistrationNumber(n), n).toBe(false)
    }
    expect(messageOf(practiceRegistrationNumberSchema, '46001234')).toBe(
      '执业注册编号应为1至3位字母或省份简称加6至12位数字',
    )
    expect(() => makePracticeRegistrationNumber('', '123456')).toThrow(RangeError)
    expect(() => makePracticeRegistrationNumber('琼', '12345')).toThrow(RangeError)
  })
})
