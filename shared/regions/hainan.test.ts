import { describe, it, expect } from 'vitest'
import {
  HAINAN_PROVINCE_CODE,
  HAINAN_REGIONS,
  OUT_OF_PROVINCE_REGION_CODES,
  childRegions,
  cityCountyRegions,
  isKnownRegionCode,
  regionByCode,
} from './hainan'

describe('Hainan regions', () => {
  it('has the province, 4 prefecture-level cities, 15 county-level units and 6 zones', () => {
    const count = (level: string) => HAINAN_REGIONS.filter((r) => r.level === level).length
    expect(count('PROVINCE')).toBe(1)
    expect(count('CITY')).toBe(4)
    expect(count('COUNTY')).toBe(15)
    expect(count('ZONE')).toBe(6)
  })

  it('is in the regulator order with sortOrder = index', () => {
    const codes = HAINAN_REGIONS.map((r) => r.code)
    expect(codes.slice(0, 5)).toEqual(['460000', '460100', '460200', '460300', '460400'])
    const counties = HAINAN_REGIONS.filter((r) => r.level === 'COUNTY').map((r) => r.code)
    expect(counties).toEqual([...counties].sort())
    expect(counties[0]).toBe('469001')
    expect(counties.at(-1)).toBe('469030')
    const levels = HAINAN_REGIONS.map((r) => r.level)
    expect(levels.lastIndexOf('COUNTY')).toBeLessThan(levels.indexOf('ZONE'))
    HAINAN_REGIONS.forEach((r, i) => expect(r.sortOrder).toBe(i))
  })

  it('has unique 6-digit codes and names', () => {
    const codes = HAINAN_REGIONS.map((r) => r.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(new Set(HAINAN_REGIONS.map((r) => r.name)).size).toBe(codes.length)
    for (const code of codes) expect(code).toMatch(/^46\d{4}$/)
  })

  it('gives zones 4699NN codes that GB/T 2260 never uses, hosted by a city or county', () => {
    for (const zone of HAINAN_REGIONS.filter((r) => r.level === 'ZONE')) {
      expect(zone.code).toMatch(/^4699\d\d$/)
      const host = regionByCode(zone.parentCode ?? '')
      expect(host, zone.name).toBeDefined()
      expect(['CITY', 'COUNTY']).toContain(host?.level)
    }
    expect(regionByCode('469901')?.parentCode).toBe('460400')
    expect(regionByCode('469903')?.parentCode).toBe('469002')
  })

  it('hangs every city and county directly under the province', () => {
    expect(regionByCode(HAINAN_PROVINCE_CODE)?.parentCode).toBeNull()
    for (const r of HAINAN_REGIONS.filter((x) => x.level === 'CITY' || x.level === 'COUNTY')) {
      expect(r.parentCode).toBe(HAINAN_PROVINCE_CODE)
    }
  })

  it('names an authority, and a short name contained in the name, for each region', () => {
    expect(regionByCode('460000')?.authorityName).toBe('海南省住房和城乡建设厅')
    expect(regionByCode('460100')?.authorityName).toBe('海口市住房和城乡建设局')
    for (const r of HAINAN_REGIONS) {
      expect(r.authorityName.length).toBeGreaterThan(r.shortName.length)
      expect(r.shortName.length).toBeGreaterThan(0)
    }
    for (const r of HAINAN_REGIONS.filter((x) => x.level !== 'ZONE')) {
      expect(r.name.startsWith(r.shortName), r.name).toBe(true)
      expect(r.authorityName.startsWith(r.name)).toBe(true)
    }
  })

  it('looks regions up by code', () => {
    expect(regionByCode('469025')?.name).toBe('白沙黎族自治县')
    expect(regionByCode('469025')?.shortName).toBe('白沙')
    expect(isKnownRegionCode('460300')).toBe(true)
    expect(isKnownRegionCode('469003')).toBe(false) // 儋州 was 469003 until it became a prefecture-level city
    expect(isKnownRegionCode('440300')).toBe(false)
    expect(regionByCode('000000')).toBeUndefined()
  })

  it('lists cities, counties and zones without the province', () => {
    const rest = cityCountyRegions()
    expect(rest).toHaveLength(HAINAN_REGIONS.length - 1)
    expect(rest.some((r) => r.code === HAINAN_PROVINCE_CODE)).toBe(false)
    expect(rest[0].code).toBe('460100')
    expect(childRegions('460100').map((r) => r.code)).toEqual(['469902', '469906'])
  })

  it('is frozen so no caller can corrupt the shared data', () => {
    expect(Object.isFrozen(HAINAN_REGIONS)).toBe(true)
    expect(Object.isFrozen(HAINAN_REGIONS[0])).toBe(true)
  })
})

describe('out-of-province region codes', () => {
  it('has a dozen real, distinct codes outside Hainan', () => {
    expect(OUT_OF_PROVINCE_REGION_CODES).toHaveLength(12)
    const codes = OUT_OF_PROVINCE_REGION_CODES.map((r) => r.code)
    expect(new Set(codes).size).toBe(12)
    for (const { code, name } of OUT_OF_PROVINCE_REGION_CODES) {
      expect(code).toMatch(/^[1-8]\d0[0-9]00$/)
      expect(code.startsWith('46')).toBe(false)
      expect(isKnownRegionCode(code)).toBe(false)
      expect(name).toMatch(/市$/)
    }
    expect(OUT_OF_PROVINCE_REGION_CODES.find((r) => r.code === '440300')?.name).toBe('深圳市')
  })
})
