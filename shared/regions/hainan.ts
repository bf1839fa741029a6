// Hainan Province's regions as data: the province, its prefecture-level cities, the
// county-level cities and counties directly under the province, and the development zones
// whose own planning-and-construction bureaus handle permits.
//
// Codes are GB/T 2260 except for the zones. A zone is not an administrative division and
// has no code of its own, yet the regulator counts its permits separately, so we give zones
// codes in the range 4699NN (469901, 469902 …). GB/T 2260 numbers Hainan's province-
// administered county-level units 469001-469030 and has never assigned 4699xx, so these
// codes cannot clash with a real one; they are 6 digits, so they fit every code that embeds
// a region code. A zone's parentCode is the region that hosts it (洋浦 → 儋州市).
//
// HAINAN_REGIONS is in the regulator's order (province, the four prefecture-level cities,
// county-level units in code order, then zones); sortOrder is the index in that list.

import type { RegionLevel } from '../domain/enums'

export interface Region {
  code: string
  name: string
  shortName: string
  level: RegionLevel
  /** null for the province; for a zone, its host region */
  parentCode: string | null
  /** the housing authority (主管部门) that handles this region's projects */
  authorityName: string
  /** position in the regulator's list, 0 = the province */
  sortOrder: number
}

export const HAINAN_PROVINCE_CODE = '460000'

type RegionRow = [code: string, name: string, shortName: string, level: RegionLevel, parentCode: string | null, authorityName: string]

const P = HAINAN_PROVINCE_CODE
const housing = (name: string) => `${name}住房和城乡建设局`

const ROWS: RegionRow[] = [
  [P, '海南省', '海南', 'PROVINCE', null, '海南省住房和城乡建设厅'],
  // prefecture-level cities (districts of 海口/三亚 are not separate authorities here)
  ['460100', '海口市', '海口', 'CITY', P, housing('海口市')],
  ['460200', '三亚市', '三亚', 'CITY', P, housing('三亚市')],
  ['460300', '三沙市', '三沙', 'CITY', P, housing('三沙市')],
  ['460400', '儋州市', '儋州', 'CITY', P, housing('儋州市')],
  // county-level cities and counties directly under the province
  ['469001', '五指山市', '五指山', 'COUNTY', P, housing('五指山市')],
  ['469002', '琼海市', '琼海', 'COUNTY', P, housing('琼海市')],
  ['469005', '文昌市', '文昌', 'COUNTY', P, housing('文昌市')],
  ['469006', '万宁市', '万宁', 'COUNTY', P, housing('万宁市')],
  ['469007', '东方市', '东方', 'COUNTY', P, housing('东方市')],
  ['469021', '定安县', '定安', 'COUNTY', P, housing('定安县')],
  ['469022', '屯昌县', '屯昌', 'COUNTY', P, housing('屯昌县')],
  ['469023', '澄迈县', '澄迈', 'COUNTY', P, housing('澄迈县')],
  ['469024', '临高县', '临高', 'COUNTY', P, housing('临高县')],
  ['469025', '白沙黎族自治县', '白沙', 'COUNTY', P, housing('白沙黎族自治县')],
  ['469026', '昌江黎族自治县', '昌江', 'COUNTY', P, housing('昌江黎族自治县')],
  ['469027', '乐东黎族自治县', '乐东', 'COUNTY', P, housing('乐东黎族自治县')],
  ['469028', '陵水黎族自治县', '陵水', 'COUNTY', P, housing('陵水黎族自治县')],
  ['469029', '保亭黎族苗族自治县', '保亭', 'COUNTY', P, housing('保亭黎族苗族自治县')],
  ['469030', '琼中黎族苗族自治县', '琼中', 'COUNTY', P, housing('琼中黎族苗族自治县')],
  // development zones: our 4699NN codes, parent = host region
  ['469901', '洋浦经济开发区', '洋浦', 'ZONE', '460400', '洋浦经济开发区规划建设局'],
  ['469902', '海口江东新区', '江东新区', 'ZONE', '460100', '海口江东新区管理局规划建设处'],
  ['469903', '博鳌乐城国际医疗旅游先行区', '博鳌乐城', 'ZONE', '469002', '博鳌乐城国际医疗旅游先行区管理局规划建设处'],
  ['469904', '三亚崖州湾科技城', '崖州湾科技城', 'ZONE', '460200', '三亚崖州湾科技城管理局规划建设处'],
  ['469905', '文昌国际航天城', '文昌航天城', 'ZONE', '469005', '文昌国际航天城管理局规划建设处'],
  ['469906', '海口国家高新技术产业开发区', '海口高新区', 'ZONE', '460100', '海口国家高新技术产业开发区管理委员会规划建设局'],
]

export const HAINAN_REGIONS: readonly Readonly<Region>[] = Object.freeze(
  ROWS.map(([code, name, shortName, level, parentCode, authorityName], sortOrder) =>
    Object.freeze({ code, name, shortName, level, parentCode, authorityName, sortOrder }),
  ),
)

const BY_CODE: ReadonlyMap<string, Readonly<Region>> = new Map(HAINAN_REGIONS.map((r) => [r.code, r]))

export function regionByCode(code: string): Readonly<Region> | undefined {
  return BY_CODE.get(code)
}

export function isKnownRegionCode(code: string): boolean {
  return BY_CODE.has(code)
}

/** Every region except the province itself, in the regulator's order: cities, counties, zones. */
export function cityCountyRegions(): readonly Readonly<Region>[] {
  return HAINAN_REGIONS.filter((r) => r.level !== 'PROVINCE')
}

/** Regions whose parentCode is the given code (zones hosted by a city are its children). */
export function childRegions(parentCode: string): readonly Readonly<Region>[] {
  return HAINAN_REGIONS.filter((r) => r.parentCode === parentCode)
}

export interface OutOfProvinceRegion {
  code: string
  name: string
}

/**
 * Real GB/T 2260 codes of prefecture-level (or provincial) cities outside Hainan, for the
 * registration-region part of out-of-province enterprises' USCCs. They are NOT regions of
 * this portal: no authority, not accepted by regionCodeSchema.
 */
export const OUT_OF_PROVINCE_REGION_CODES: readonly Readonly<OutOfProvinceRegion>[] = Object.freeze([
  { code: '110000', name: '北京市' },
  { code: '310000', name: '上海市' },
  { code: '440100', name: '广州市' },
  { code: '440300', name: '深圳市' },
  { code: '430100', name: '长沙市' },
  { code: '350200', name: '厦门市' },
  { code: '510100', name: '成都市' },
  { code: '320100', name: '南京市' },
  { code: '330100', name: '杭州市' },
  { code: '420100', name: '武汉市' },
  { code: '450100', name: '南宁市' },
  { code: '360100', name: '南昌市' },
].map((r) => Object.freeze(r)))
