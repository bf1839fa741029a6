// The GB/T 2260 divisions of the whole mainland (china-data.ts) as rows shaped like Hainan's
// (hainan.ts): province, prefecture-level divisions (level CITY) and county-level divisions
// (level COUNTY), each with its parent and the housing authority that would handle it.
//
// Parents: a county's parent is its prefecture when that exists in the data, else its
// province (counties of the four municipalities and the province-administered county-level
// units such as 469001 五指山市). A prefecture-level city without counties (东莞市, 中山市,
// 儋州市, 嘉峪关市) is a leaf: its own projects and enterprises are registered on it.
//
// Hainan's own deployment keeps hainan.ts (with its development zones); this table is for the
// national-scale demo data (scripts/seed/national).

import type { RegionLevel } from '../domain/enums'
import { CHINA_DIVISIONS } from './china-data'

export interface ChinaRegion {
  code: string
  name: string
  shortName: string
  level: Exclude<RegionLevel, 'ZONE'>
  parentCode: string | null
  /** 2-digit province prefix */
  provinceCode: string
  authorityName: string
}

export interface ChinaProvince {
  region: ChinaRegion
  /** the province's rows in code order, the province first */
  regions: readonly ChinaRegion[]
  /** one-character abbreviation (京, 粤 …) */
  abbreviation: string
  /** telephone area code of the capital */
  areaCode: string
  /** the capital's code (a prefecture, or for a municipality the province itself) */
  capitalCode: string
}

/** Abbreviation, telephone area code and capital (prefecture code) of each province. */
const PROVINCE_FACTS: Record<string, [abbreviation: string, areaCode: string, capital: string]> = {
  '11': ['京', '010', '110000'], '12': ['津', '022', '120000'], '13': ['冀', '0311', '130100'], '14': ['晋', '0351', '140100'],
  '15': ['蒙', '0471', '150100'], '21': ['辽', '024', '210100'], '22': ['吉', '0431', '220100'], '23': ['黑', '0451', '230100'],
  '31': ['沪', '021', '310000'], '32': ['苏', '025', '320100'], '33': ['浙', '0571', '330100'], '34': ['皖', '0551', '340100'],
  '35': ['闽', '0591', '350100'], '36': ['赣', '0791', '360100'], '37': ['鲁', '0531', '370100'], '41': ['豫', '0371', '410100'],
  '42': ['鄂', '027', '420100'], '43': ['湘', '0731', '430100'], '44': ['粤', '020', '440100'], '45': ['桂', '0771', '450100'],
  '46': ['琼', '0898', '460100'], '50': ['渝', '023', '500000'], '51': ['川', '028', '510100'], '52': ['黔', '0851', '520100'],
  '53': ['云', '0871', '530100'], '54': ['藏', '0891', '540100'], '61': ['陕', '029', '610100'], '62': ['甘', '0931', '620100'],
  '63': ['青', '0971', '630100'], '64': ['宁', '0951', '640100'], '65': ['新', '0991', '650100'],
}

/** Housing departments whose name is not 住房和城乡建设厅 (the municipalities' commissions). */
const PROVINCE_AUTHORITY: Record<string, string> = {
  '110000': '北京市住房和城乡建设委员会',
  '120000': '天津市住房和城乡建设委员会',
  '310000': '上海市住房和城乡建设管理委员会',
  '500000': '重庆市住房和城乡建设委员会',
}

const ETHNIC_GROUPS = [
  '柯尔克孜', '乌孜别克', '维吾尔', '哈萨克', '塔吉克', '鄂伦春', '鄂温克', '达斡尔', '俄罗斯', '塔塔尔', '土家', '布依', '朝鲜',
  '哈尼', '傈僳', '拉祜', '东乡', '纳西', '景颇', '仫佬', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '保安', '裕固',
  '独龙', '赫哲', '门巴', '珞巴', '基诺', '德昂', '蒙古', '回', '藏', '苗', '彝', '壮', '满', '侗', '瑶', '白', '傣', '黎', '佤',
  '畲', '水', '土', '羌', '怒', '京', '各',
]
const AUTONOMY = new RegExp(`(?:(?:${ETHNIC_GROUPS.join('|')})族)+自治(?:州|县|旗|区)$`)

/** 广西壮族自治区 → 广西, 黔西南布依族苗族自治州 → 黔西南, 朝阳区 → 朝阳, 城区 → 城区. */
export function shortNameOf(name: string): string {
  const autonomous = name.replace(AUTONOMY, '').replace(/自治区$/, '')
  if (autonomous !== name && autonomous.length >= 2) return autonomous
  const plain = name.replace(/(?:林区|特区|地区|新区|省|市|盟|县|区|旗)$/, '')
  return plain.length >= 2 ? plain : name
}

function parse(): ChinaRegion[] {
  const rows: ChinaRegion[] = []
  const codes = new Set<string>()
  for (const line of CHINA_DIVISIONS.split('\n')) {
    if (!line) continue
    const space = line.indexOf(' ')
    const code = line.slice(0, space)
    codes.add(code)
    rows.push({ code, name: line.slice(space + 1), shortName: '', level: 'COUNTY', parentCode: null, provinceCode: code.slice(0, 2), authorityName: '' })
  }
  for (const r of rows) {
    const province = `${r.provinceCode}0000`
    const prefecture = `${r.code.slice(0, 4)}00`
    r.level = r.code === province ? 'PROVINCE' : r.code === prefecture ? 'CITY' : 'COUNTY'
    r.parentCode = r.level === 'PROVINCE' ? null : r.level === 'CITY' || !codes.has(prefecture) ? province : prefecture
    r.shortName = shortNameOf(r.name)
  }
  const byCode = new Map(rows.map((r) => [r.code, r]))
  for (const r of rows) {
    // a district's name alone is ambiguous across the country (朝阳区 of 北京 and of 长春)
    const parent = r.level === 'COUNTY' && r.parentCode ? byCode.get(r.parentCode) : undefined
    const qualified = parent?.level === 'CITY' ? `${parent.name}${r.name}` : r.name
    r.authorityName = r.level === 'PROVINCE' ? (PROVINCE_AUTHORITY[r.code] ?? `${r.name}住房和城乡建设厅`) : `${qualified}住房和城乡建设局`
  }
  return rows
}

export const CHINA_REGIONS: readonly Readonly<ChinaRegion>[] = Object.freeze(parse().map((r) => Object.freeze(r)))

export const CHINA_PROVINCES: readonly ChinaProvince[] = Object.freeze(
  CHINA_REGIONS.filter((r) => r.level === 'PROVINCE').map((region) => {
    const [abbreviation, areaCode, capitalCode] = PROVINCE_FACTS[region.provinceCode]
    return Object.freeze({
      region,
      regions: Object.freeze(CHINA_REGIONS.filter((r) => r.provinceCode === region.provinceCode)),
      abbreviation,
      areaCode,
      capitalCode,
    })
  }),
)

/** Rows without children: where projects are built (counties, and prefectures without counties). */
export function leafRegions(regions: readonly ChinaRegion[]): ChinaRegion[] {
  const parents = new Set(regions.map((r) => r.parentCode))
  return regions.filter((r) => r.level !== 'PROVINCE' && !parents.has(r.code))
}
