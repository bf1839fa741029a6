import { describe, expect, it } from 'vitest'
import { CHINA_PROVINCES, CHINA_REGIONS, leafRegions, shortNameOf } from './china'
import { HAINAN_REGIONS } from './hainan'

const byCode = new Map(CHINA_REGIONS.map((r) => [r.code, r]))

describe('GB/T 2260 divisions of the mainland', () => {
  it('has the 31 provinces and about 3,000 county-level divisions, codes unique', () => {
    expect(CHINA_PROVINCES).toHaveLength(31)
    expect(new Set(CHINA_REGIONS.map((r) => r.code)).size).toBe(CHINA_REGIONS.length)
    const leaves = leafRegions(CHINA_REGIONS)
    expect(leaves.length).toBeGreaterThan(2800)
    expect(leaves.length).toBeLessThan(3200)
    for (const r of CHINA_REGIONS) expect(r.code).toMatch(/^\d{6}$/)
  })

  it('gives each row the level its code says and a parent of the same province one level up', () => {
    for (const r of CHINA_REGIONS) {
      if (r.level === 'PROVINCE') {
        expect(r.code.endsWith('0000')).toBe(true)
        expect(r.parentCode).toBeNull()
        continue
      }
      const parent = byCode.get(r.parentCode as string)
      expect(parent, r.code).toBeDefined()
      expect(parent?.provinceCode).toBe(r.provinceCode)
      if (r.level === 'CITY') expect(parent?.level).toBe('PROVINCE')
      else expect(parent?.level).not.toBe('COUNTY')
    }
  })

  it('hangs municipal districts and province-administered units on the province', () => {
    expect(byCode.get('110105')).toMatchObject({ name: '朝阳区', level: 'COUNTY', parentCode: '110000' })
    expect(byCode.get('469001')).toMatchObject({ name: '五指山市', level: 'COUNTY', parentCode: '460000' })
    expect(byCode.get('440113')).toMatchObject({ name: '番禺区', parentCode: '440100' })
    // a prefecture without counties is a leaf, listed once
    expect(byCode.get('441900')).toMatchObject({ name: '东莞市', level: 'CITY' })
    expect(leafRegions(CHINA_REGIONS).map((r) => r.code)).toContain('441900')
  })

  it('agrees with Hainan\'s own table on the codes both have', () => {
    for (const h of HAINAN_REGIONS.filter((r) => r.level !== 'ZONE')) expect(byCode.get(h.code)?.name, h.code).toBe(h.name)
  })

  it('names each region\'s housing authority unambiguously', () => {
    expect(byCode.get('110000')?.authorityName).toBe('北京市住房和城乡建设委员会')
    expect(byCode.get('440000')?.authorityName).toBe('广东省住房和城乡建设厅')
    expect(byCode.get('110105')?.authorityName).toBe('朝阳区住房和城乡建设局')
    expect(byCode.get('220104')?.authorityName).toBe('长春市朝阳区住房和城乡建设局')
    const names = CHINA_REGIONS.map((r) => r.authorityName)
    expect(new Set(names).size).toBe(names.length)
  })

  it('shortens names as the regulator does', () => {
    expect(shortNameOf('广西壮族自治区')).toBe('广西')
    expect(shortNameOf('内蒙古自治区')).toBe('内蒙古')
    expect(shortNameOf('黔西南布依族苗族自治州')).toBe('黔西南')
    expect(shortNameOf('白沙黎族自治县')).toBe('白沙')
    expect(shortNameOf('海口市')).toBe('海口')
    expect(shortNameOf('城区')).toBe('城区')
    expect(CHINA_PROVINCES.map((p) => p.abbreviation).join('')).toBe('京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新')
  })
})
