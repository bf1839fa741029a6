// A ProvinceProfile (regions-and-authorities.ts) for each province of shared/regions/china.ts,
// so that the demo's generators fill any province as they fill Hainan: its own regions, every
// enterprise and person of its own, projects on its counties (and prefectures without counties).
//
// The demo's profile has hand-written places, roads and weights for Hainan; these are derived:
// a region's places are its counties' names (a county's: generic town names), roads are the
// generic ones, and the weights favour the capital and the prefectures' own districts.
// Hainan itself keeps the demo's profile (its zones included), without out-of-province cities,
// because in the national data every province is there in its own right.
import { CHINA_PROVINCES, type ChinaProvince, leafRegions } from '../../../shared/regions/china.ts'
import type { Region } from '../../../shared/regions/hainan.ts'
import { HAINAN_PROFILE, type Places, type ProvinceProfile } from '../regions-and-authorities.ts'
import type { Rng } from '../random.ts'

export const HAINAN_CODE = '460000'
/** Other provinces' regions sort after Hainan's own (0–25), as the demo's out-of-province cities do (≥ 100). */
const SORT_BASE = 100
const COUNTY_PLACES = ['城关镇', '城区街道', '经济开发区', '工业园区', '新城区']

/** Provinces in load order: Hainan (the default deployment) first, then by code. */
export function nationalProvinces(): ChinaProvince[] {
  return [...CHINA_PROVINCES].sort((a, b) => (a.region.code === HAINAN_CODE ? -1 : b.region.code === HAINAN_CODE ? 1 : a.region.code < b.region.code ? -1 : 1))
}

/** A province's share of the nation's activity: its share of the county-level regions where projects are built. */
export function provinceShares(): Map<string, number> {
  const leaves = CHINA_PROVINCES.map((p) => [p.region.code, leafRegions(p.regions).length] as const)
  const total = leaves.reduce((sum, [, n]) => sum + n, 0)
  return new Map(leaves.map(([code, n]) => [code, n / total]))
}

export function provinceProfile(province: ChinaProvince): ProvinceProfile {
  if (province.region.code === HAINAN_CODE) {
    // no other province's cities or ID codes: those provinces are in the data themselves
    return { ...HAINAN_PROFILE, outOfProvince: [], idRegions: { ...HAINAN_PROFILE.idRegions, others: [] } }
  }
  const base = SORT_BASE + CHINA_PROVINCES.slice(0, CHINA_PROVINCES.indexOf(province)).reduce((n, p) => n + p.regions.length, 0)
  const regions: Region[] = province.regions.map((r, i) => ({
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    level: r.level,
    parentCode: r.parentCode,
    authorityName: r.authorityName,
    sortOrder: base + i,
  }))
  const byCode = new Map(regions.map((r) => [r.code, r]))
  const children = new Map<string, string[]>()
  for (const r of regions) if (r.parentCode) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r.name])
  const leaves = new Set(leafRegions(province.regions).map((r) => r.code))
  const capital = byCode.get(province.capitalCode) ?? regions[0]
  const provinceName = province.region.name

  const places: Record<string, Places> = {}
  for (const r of regions) {
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined
    if (r.level === 'PROVINCE') {
      // the provincial department sits in the capital
      const prefix = capital.code === r.code ? r.name : `${r.name}${capital.name}`
      places[r.code] = { prefix, places: (children.get(capital.code) ?? [capital.name]).slice(0, 6), roads: [] }
    } else if (!leaves.has(r.code)) {
      places[r.code] = { prefix: r.name, places: (children.get(r.code) ?? []).slice(0, 6), roads: [] }
    } else {
      const prefix = parent && parent.level === 'CITY' ? `${parent.name}${r.name}` : r.name
      places[r.code] = { prefix, places: COUNTY_PLACES, roads: [] }
    }
  }

  // projects on the leaves; a capital's districts and a prefecture's own districts (区) weigh more
  const projectWeights: Record<string, { weight: number }> = {}
  const enterpriseRegionWeights: Record<string, number> = { [province.region.code]: 6 }
  for (const r of regions) {
    if (r.level === 'PROVINCE') continue
    const inCapital = r.code === capital.code || r.parentCode === capital.code
    if (leaves.has(r.code)) {
      const urban = /区$/.test(r.name)
      projectWeights[r.code] = { weight: (urban ? 2 : 1) * (inCapital ? 2.5 : 1) }
      enterpriseRegionWeights[r.code] = (urban ? 1.5 : 0.6) * (inCapital ? 3 : 1)
    } else {
      enterpriseRegionWeights[r.code] = inCapital ? 12 : 3
    }
  }

  const short = province.region.shortName
  const agencies = [
    `${provinceName}建筑设计院施工图审查中心`,
    `${short}华建施工图审查有限公司`,
    `${capital.name}建设工程施工图审查中心`,
    `${short}正信施工图审查咨询有限公司`,
  ]
  const leafCodes = regions.filter((r) => leaves.has(r.code)).map((r) => r.code)
  return {
    provinceCode: province.region.code,
    provinceName,
    provinceShort: short,
    abbreviation: province.abbreviation,
    areaCode: province.areaCode,
    capitalCode: capital.code,
    regions,
    outOfProvince: [],
    places,
    rivers: {},
    projectWeights,
    enterpriseRegionWeights,
    reviewAgency: (rng: Rng, regionCode: string) => {
      const local = byCode.get(regionCode)
      const city = local?.level === 'COUNTY' && local.parentCode ? byCode.get(local.parentCode) : local
      return rng.chance(0.4) && city && city.level === 'CITY' ? `${city.name}建设工程施工图审查中心` : rng.pick(agencies)
    },
    // only the province's own codes: ID numbers of two provinces never clash (people.ts)
    idRegions: { current: leafCodes, old: [], others: [] },
    signsCertificates: false,
  }
}

/** Rewrites the record texts the generators write in Hainan's words for another province. */
export function localizer(profile: ProvinceProfile): (text: string) => string {
  if (profile.provinceCode === HAINAN_CODE) return (text) => text
  return (text) =>
    text
      .replaceAll('海南省优质工程“绿岛杯”奖', `${profile.provinceName}建设工程优质工程奖`)
      .replaceAll('海南省', profile.provinceName)
      .replaceAll('琼建', `${profile.abbreviation}建`)
}
