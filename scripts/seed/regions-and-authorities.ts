// Regions, their housing authorities, and the geography the other generators draw on:
// where enterprises are registered, where projects are built, street names for addresses.
//
// Region rows come from shared/regions/hainan.ts. Out-of-province enterprises need a Region
// row too (Enterprise.regionCode is a foreign key), so the prefecture-level cities of
// OUT_OF_PROVINCE_REGION_CODES are written as well: level CITY, no parent, no authority,
// sortOrder from 100. Pages that list the portal's own regions should filter on the
// authority (or on codes starting with 46).
import { HAINAN_PROVINCE_CODE, HAINAN_REGIONS, OUT_OF_PROVINCE_REGION_CODES, type OutOfProvinceRegion, type Region } from '../../shared/regions/hainan.ts'
import type { BatchWriter } from './batch-writer.ts'
import { ID_TAGS, type IdFactory } from './ids.ts'
import { Rng, WeightedTable } from './random.ts'

export const OUT_OF_PROVINCE_SORT_BASE = 100

/** Province-level facts for the out-of-province cities (the province's housing department issues qualifications). */
const OUT_OF_PROVINCE_FACTS: Record<string, { shortName: string; province: string; abbreviation: string; districts: string[] }> = {
  '110000': { shortName: '北京', province: '北京市', abbreviation: '京', districts: ['朝阳区', '海淀区', '丰台区', '西城区'] },
  '310000': { shortName: '上海', province: '上海市', abbreviation: '沪', districts: ['浦东新区', '徐汇区', '静安区', '杨浦区'] },
  '440100': { shortName: '广州', province: '广东省', abbreviation: '粤', districts: ['天河区', '越秀区', '海珠区', '番禺区'] },
  '440300': { shortName: '深圳', province: '广东省', abbreviation: '粤', districts: ['福田区', '南山区', '罗湖区', '龙岗区'] },
  '430100': { shortName: '长沙', province: '湖南省', abbreviation: '湘', districts: ['岳麓区', '天心区', '开福区', '雨花区'] },
  '350200': { shortName: '厦门', province: '福建省', abbreviation: '闽', districts: ['思明区', '湖里区', '集美区', '海沧区'] },
  '510100': { shortName: '成都', province: '四川省', abbreviation: '川', districts: ['武侯区', '锦江区', '青羊区', '成华区'] },
  '320100': { shortName: '南京', province: '江苏省', abbreviation: '苏', districts: ['建邺区', '鼓楼区', '玄武区', '江宁区'] },
  '330100': { shortName: '杭州', province: '浙江省', abbreviation: '浙', districts: ['西湖区', '上城区', '拱墅区', '滨江区'] },
  '420100': { shortName: '武汉', province: '湖北省', abbreviation: '鄂', districts: ['江汉区', '武昌区', '洪山区', '江岸区'] },
  '450100': { shortName: '南宁', province: '广西壮族自治区', abbreviation: '桂', districts: ['青秀区', '西乡塘区', '良庆区', '江南区'] },
  '360100': { shortName: '南昌', province: '江西省', abbreviation: '赣', districts: ['红谷滩区', '东湖区', '西湖区', '青山湖区'] },
}

const GENERIC_ROADS = [
  '人民路', '解放路', '文明路', '兴业路', '环城路', '建设路', '滨河路', '新华路', '育才路', '中兴路', '东风路', '振兴路',
  '府城路', '椰林路', '迎宾大道', '滨海路', '健康路', '和平路', '发展大道', '工业大道',
]

/** Rivers and canals of the regions that have well-known ones (others get generic names). */
const RIVERS: Record<string, string[]> = {
  '460100': ['美舍河', '五源河', '龙昆沟', '海甸溪', '鸭尾溪'],
  '460200': ['三亚河', '临春河', '宁远河'],
  '460400': ['北门江', '春江'],
  '469002': ['万泉河', '九曲江'],
  '469005': ['文教河', '文昌河'],
  '469006': ['太阳河', '龙首河'],
  '469007': ['罗带河', '感恩河'],
  '469023': ['南渡江支流', '金江河'],
  '469026': ['石碌河', '昌化江支流'],
  '469027': ['望楼河', '佛罗河'],
  '469028': ['陵水河'],
  '469030': ['营根河'],
}
const GENERIC_RIVERS = ['城区内河', '城东排洪沟', '城西排洪沟', '城南河', '城北河']

/** Districts or towns, and roads, of each Hainan region (for addresses). */
const HAINAN_PLACES: Record<string, { prefix: string; places: string[]; roads: string[] }> = {
  '460000': { prefix: '海南省海口市', places: ['龙华区', '美兰区', '秀英区', '琼山区'], roads: ['国兴大道', '滨海大道', '海府路', '龙昆北路', '国贸路', '海秀中路'] },
  '460100': {
    prefix: '海口市',
    places: ['龙华区', '美兰区', '秀英区', '琼山区'],
    roads: [
      '国贸路', '滨海大道', '龙昆南路', '龙昆北路', '海秀中路', '海府路', '国兴大道', '南海大道', '椰海大道', '金盘路',
      '大英山西四路', '南沙路', '白龙南路', '海甸五西路', '和平大道', '丘海大道', '长滨路', '凤翔路', '琼州大道', '红城湖路',
    ],
  },
  '460200': {
    prefix: '三亚市',
    places: ['吉阳区', '天涯区', '海棠区', '崖州区'],
    roads: ['迎宾路', '解放路', '新风街', '三亚湾路', '凤凰路', '榆亚路', '河东路', '河西路', '金鸡岭路', '落笔洞路', '海棠北路', '学院路'],
  },
  '460300': { prefix: '三沙市', places: ['西沙区'], roads: ['北京路', '宣德路', '永兴路'] },
  '460400': { prefix: '儋州市', places: ['那大镇', '白马井镇', '木棠镇', '新州镇', '海头镇'], roads: ['中兴大街', '人民中路', '文化中路', '军屯路', '伏波大道', '胜利路', '兰洋路'] },
  '469001': { prefix: '五指山市', places: ['通什镇', '南圣镇', '毛阳镇'], roads: [] },
  '469002': { prefix: '琼海市', places: ['嘉积镇', '博鳌镇', '长坡镇', '塔洋镇'], roads: ['银海路', '金海路', '爱华路', '嘉博路'] },
  '469005': { prefix: '文昌市', places: ['文城镇', '龙楼镇', '清澜开发区', '东郊镇'], roads: ['文建路', '白金路', '清澜大道', '文蔚路'] },
  '469006': { prefix: '万宁市', places: ['万城镇', '兴隆华侨农场', '和乐镇', '礼纪镇'], roads: ['红专路', '万州大道', '望海路'] },
  '469007': { prefix: '东方市', places: ['八所镇', '东河镇', '感城镇'], roads: ['解放西路', '琼西路', '二环路'] },
  '469021': { prefix: '定安县', places: ['定城镇', '塔岭新区', '龙门镇'], roads: ['见龙大道', '城南路'] },
  '469022': { prefix: '屯昌县', places: ['屯城镇', '新兴镇'], roads: ['昌盛路', '海榆中线'] },
  '469023': { prefix: '澄迈县', places: ['金江镇', '老城镇', '福山镇', '永发镇'], roads: ['文化北路', '南一环路', '老城大道', '盈滨大道'] },
  '469024': { prefix: '临高县', places: ['临城镇', '博厚镇', '新盈镇'], roads: ['解放路', '金牌路', '东门路'] },
  '469025': { prefix: '白沙黎族自治县', places: ['牙叉镇', '七坊镇'], roads: ['白沙大道', '牙叉东路'] },
  '469026': { prefix: '昌江黎族自治县', places: ['石碌镇', '叉河镇', '海尾镇'], roads: ['人民北路', '矿山路'] },
  '469027': { prefix: '乐东黎族自治县', places: ['抱由镇', '黄流镇', '九所镇', '利国镇'], roads: ['乐祥大道', '尖峰路'] },
  '469028': { prefix: '陵水黎族自治县', places: ['椰林镇', '英州镇', '新村镇', '黎安镇'], roads: ['椰林北路', '陵城路', '清水湾大道'] },
  '469029': { prefix: '保亭黎族苗族自治县', places: ['保城镇', '什玲镇', '三道镇'], roads: ['新兴路', '七仙大道'] },
  '469030': { prefix: '琼中黎族苗族自治县', places: ['营根镇', '湾岭镇', '黎母山镇'], roads: ['海榆中线', '琼中大道'] },
  '469901': { prefix: '儋州市洋浦经济开发区', places: ['新英湾区', '洋浦港区', '干冲区'], roads: ['洋浦大道', '港前路', '浦兴路', '新英湾大道'] },
  '469902': { prefix: '海口市美兰区江东新区', places: ['桂林洋片区', '灵山镇', '演丰镇'], roads: ['江东大道', '琼山大道', '美兰机场路', '江东三路'] },
  '469903': { prefix: '琼海市博鳌乐城国际医疗旅游先行区', places: ['乐城岛', '博鳌镇'], roads: ['乐城一路', '乐城二路', '博乐路'] },
  '469904': { prefix: '三亚市崖州区崖州湾科技城', places: ['南繁科技城片区', '深海科技城片区', '崖州湾片区'], roads: ['崖州湾大道', '南山路', '科教城路', '创新路'] },
  '469905': { prefix: '文昌市文昌国际航天城', places: ['龙楼镇', '东郊镇'], roads: ['航天大道', '龙楼大道', '发射场路'] },
  '469906': { prefix: '海口国家高新技术产业开发区', places: ['药谷片区', '美安生态科技新城', '狮子岭工业园'], roads: ['药谷一横路', '南海大道', '美安大道', '狮子岭路'] },
}

/**
 * Relative number of new projects per region, and the year a zone started handling permits
 * (海口江东新区 2019, 三亚崖州湾科技城 2019, 文昌国际航天城 2020).
 */
const PROJECT_WEIGHTS: Record<string, { weight: number; since?: number }> = {
  '460100': { weight: 26 },
  '460200': { weight: 15 },
  '460300': { weight: 0.2 },
  '460400': { weight: 8 },
  '469001': { weight: 1.2 },
  '469002': { weight: 4.5 },
  '469005': { weight: 4.5 },
  '469006': { weight: 4 },
  '469007': { weight: 3 },
  '469021': { weight: 2.2 },
  '469022': { weight: 1.3 },
  '469023': { weight: 5 },
  '469024': { weight: 2 },
  '469025': { weight: 1 },
  '469026': { weight: 1.5 },
  '469027': { weight: 2.5 },
  '469028': { weight: 4 },
  '469029': { weight: 1.3 },
  '469030': { weight: 1.1 },
  '469901': { weight: 2.5 },
  '469902': { weight: 2.5, since: 2019 },
  '469903': { weight: 0.8 },
  '469904': { weight: 2, since: 2019 },
  '469905': { weight: 0.8, since: 2020 },
  '469906': { weight: 1.5 },
}

/** Where in-province enterprises are registered (460000 = the province's own market regulator). */
const ENTERPRISE_REGION_WEIGHTS: Record<string, number> = {
  '460100': 40, '460000': 10, '460200': 15, '460400': 5, '469002': 3, '469005': 3, '469006': 2, '469007': 2,
  '469023': 3, '469028': 2, '469027': 1, '469001': 1, '469021': 1, '469022': 0.8, '469024': 1, '469025': 0.5,
  '469026': 1, '469029': 0.5, '469030': 0.5, '460300': 0.2, '469901': 1.5, '469902': 0.6, '469903': 0.3,
  '469904': 0.8, '469905': 0.3, '469906': 1,
}

/** Founding years of the zones (an enterprise registered in a zone is not older than it). */
export const ZONE_SINCE: Record<string, number> = { '469902': 2018, '469904': 2019, '469905': 2020, '469903': 2013 }

export interface Places {
  prefix: string
  places: string[]
  roads: string[]
}

/**
 * What the generators need to know about the province they fill: its regions and the local
 * colour of names and addresses. HAINAN_PROFILE is the demo's; scripts/seed/national makes one
 * per province from shared/regions/china.ts.
 */
export interface ProvinceProfile {
  provinceCode: string
  /** 海南省 */
  provinceName: string
  /** 海南 */
  provinceShort: string
  /** 琼 */
  abbreviation: string
  /** telephone area code (0898) */
  areaCode: string
  /** where the first enterprise of each type is registered */
  capitalCode: string
  /** the province's Region rows, sortOrder included */
  regions: readonly Readonly<Region>[]
  /** cities elsewhere that out-of-province enterprises come from; none in a national partition */
  outOfProvince: readonly Readonly<OutOfProvinceRegion>[]
  places: Record<string, Places>
  rivers: Record<string, string[]>
  projectWeights: Record<string, { weight: number; since?: number }>
  enterpriseRegionWeights: Record<string, number>
  /** pick a 施工图审查机构 for a project in a region */
  reviewAgency: (rng: Rng, regionCode: string) => string
  /** false: the province's certificates are written unsigned (another province's, in the national data) */
  signsCertificates?: boolean
  /** county codes for the address part of ID numbers: current, pre-2002 ones, other provinces' */
  idRegions: { current: readonly string[]; old: readonly string[]; others: readonly string[] }
}

export interface RegionInfo {
  code: string
  name: string
  shortName: string
  inProvince: boolean
  /** Hainan regions only */
  authorityId: string | null
  authorityName: string | null
  /** for out-of-province codes: the province (e.g. 广东省); for Hainan: 海南省 */
  province: string
  /** one-character province abbreviation (琼, 粤 …) */
  abbreviation: string
  /** 2-digit province prefix of the code */
  provinceCode: string
}

export class Geography {
  readonly regions = new Map<string, RegionInfo>()
  readonly hainan: readonly Readonly<Region>[]
  readonly outOfProvince: string[]
  private readonly enterpriseRegions: WeightedTable<string>
  private readonly projectTables = new Map<number, WeightedTable<string>>()
  private readonly rows: ReadonlyMap<string, Readonly<Region>>
  /** the province's cities and counties (not the province, not zones): each has its own government bodies */
  readonly cityCountyCodes: string[]

  constructor(
    readonly provinceAuthorityId: string,
    authorityIds: Map<string, string>,
    readonly profile: ProvinceProfile = HAINAN_PROFILE,
  ) {
    this.hainan = profile.regions
    this.outOfProvince = profile.outOfProvince.map((r) => r.code)
    this.enterpriseRegions = new WeightedTable(Object.entries(profile.enterpriseRegionWeights))
    this.rows = new Map(profile.regions.map((r) => [r.code, r]))
    this.cityCountyCodes = profile.regions.filter((r) => r.level === 'CITY' || r.level === 'COUNTY').map((r) => r.code)
    for (const r of profile.regions) {
      this.regions.set(r.code, {
        code: r.code,
        name: r.name,
        shortName: r.shortName,
        inProvince: true,
        authorityId: authorityIds.get(r.code) ?? null,
        authorityName: r.authorityName,
        province: profile.provinceName,
        abbreviation: profile.abbreviation,
        provinceCode: profile.provinceCode.slice(0, 2),
      })
    }
    for (const r of profile.outOfProvince) {
      const facts = OUT_OF_PROVINCE_FACTS[r.code]
      this.regions.set(r.code, {
        code: r.code,
        name: r.name,
        shortName: facts?.shortName ?? r.name.replace(/[市省]$/, ''),
        inProvince: false,
        authorityId: null,
        authorityName: null,
        province: facts?.province ?? r.name,
        abbreviation: facts?.abbreviation ?? '京',
        provinceCode: r.code.slice(0, 2),
      })
    }
  }

  get provinceCode(): string {
    return this.profile.provinceCode
  }

  /** Whether a code is one of the province's own regions (the code builders of shared/validators/codes.ts ask). */
  readonly knowsRegion = (code: string): boolean => this.rows.has(code)

  /** The province's own Region row of a code (undefined for other provinces' cities). */
  regionRow(code: string): Readonly<Region> | undefined {
    return this.rows.get(code)
  }

  region(code: string): RegionInfo {
    const r = this.regions.get(code)
    if (!r) throw new RangeError(`unknown region ${code}`)
    return r
  }

  get provinceAuthorityName(): string {
    return this.region(this.profile.provinceCode).authorityName as string
  }

  /** The housing department of a province, as printed on qualification certificates. */
  provincialDepartment(code: string): string {
    const r = this.region(code)
    if (r.inProvince) return this.provinceAuthorityName
    if (r.province === '北京市') return '北京市住房和城乡建设委员会'
    if (r.province === '上海市') return '上海市住房和城乡建设管理委员会'
    return `${r.province}住房和城乡建设厅`
  }

  pickEnterpriseRegion(rng: Rng): string {
    return this.enterpriseRegions.pick(rng)
  }

  pickProjectRegion(rng: Rng, year: number): string {
    let table = this.projectTables.get(year)
    if (!table) {
      table = new WeightedTable(
        Object.entries(this.profile.projectWeights).map(([code, w]) => [code, w.since && year < w.since ? 0 : w.weight] as const),
      )
      this.projectTables.set(year, table)
    }
    return table.pick(rng)
  }

  /** Short place name for names of things in a region: 海口市, 陵水县, 洋浦经济开发区 … */
  placeName(code: string): string {
    const r = this.region(code)
    if (!r.inProvince) return r.name
    if (/自治县$/.test(r.name)) return `${r.shortName}县`
    return r.name
  }

  /** A street address in a region (Hainan or out of province). */
  address(rng: Rng, code: string): string {
    const r = this.region(code)
    const number = `${rng.int(1, 299)}号`
    if (!r.inProvince) {
      const facts = OUT_OF_PROVINCE_FACTS[code]
      const district = facts ? rng.pick(facts.districts) : ''
      const prefix = r.province === r.name ? r.name : `${r.province}${r.name}`
      return `${prefix}${district}${rng.pick(GENERIC_ROADS)}${number}${this.building(rng)}`
    }
    const p = this.profile.places[code]
    const road = p.roads.length && rng.chance(0.8) ? rng.pick(p.roads) : rng.pick(GENERIC_ROADS)
    const prefix = code === this.profile.provinceCode || p.prefix.startsWith(this.profile.provinceShort) ? p.prefix : `${this.profile.provinceName}${p.prefix}`
    return `${prefix}${rng.pick(p.places)}${road}${number}${this.building(rng)}`
  }

  /** A project site description on a given place and road: 海口市美兰区海府路与国兴大道交叉口东北侧. */
  siteAddress(rng: Rng, code: string, site: { place: string; road: string }): string {
    const p = this.profile.places[code]
    const roads = p.roads.length >= 2 ? p.roads : [...p.roads, ...GENERIC_ROADS]
    const a = site.road
    let b = rng.pick(roads)
    if (b === a) b = rng.pick(GENERIC_ROADS)
    const place = site.place
    const side = rng.pick(['东北侧', '西北侧', '东南侧', '西南侧', '北侧', '南侧'])
    if (rng.chance(0.55)) return `${p.prefix}${place}${a}与${b}交叉口${side}`
    return `${p.prefix}${place}${a}${rng.int(1, 399)}号`
  }

  /** A road of a region, for names of municipal works. */
  road(rng: Rng, code: string): string {
    const p = this.profile.places[code]
    return p.roads.length && rng.chance(0.85) ? rng.pick(p.roads) : rng.pick(GENERIC_ROADS)
  }

  /** A river or canal of a region (a zone shares its host's). */
  river(rng: Rng, code: string): string {
    const host = this.regionRow(code)?.level === 'ZONE' ? this.regionRow(code)?.parentCode : code
    const rivers = this.profile.rivers[host ?? code]
    return rivers && rng.chance(0.8) ? rng.pick(rivers) : rng.pick(GENERIC_RIVERS)
  }

  /** 施工图审查机构 for a project in a region. */
  reviewAgency(rng: Rng, regionCode: string): string {
    return this.profile.reviewAgency(rng, regionCode)
  }

  /** A district or town of a region. */
  place(rng: Rng, code: string): string {
    return rng.pick(this.profile.places[code].places)
  }

  private building(rng: Rng): string {
    if (rng.chance(0.55)) return ''
    return rng.pick([`${rng.int(1, 30)}楼`, `${rng.int(1, 9)}栋${rng.int(1, 28)}01室`, `写字楼${rng.int(2, 25)}层`, `综合楼${rng.int(1, 6)}层`])
  }

  /** 质量安全监督机构 of a region. */
  supervisionStation(code: string): string {
    const r = this.region(code)
    if (code === this.profile.provinceCode) return `${this.profile.provinceName}建设工程质量安全监督管理局`
    return `${r.name}建设工程质量安全监督站`
  }
}

/**
 * 施工图审查机构. Hainan has a handful of licensed review agencies serving several regions;
 * the names are made up for the demo.
 */
export const REVIEW_AGENCIES: Record<'NORTH' | 'SOUTH' | 'WEST' | 'ANY', string[]> = {
  NORTH: ['海南华建施工图审查有限公司', '海南正信施工图审查咨询有限公司', '海口市建设工程施工图审查中心'],
  SOUTH: ['三亚市施工图设计文件审查中心', '海南南方施工图审查有限公司'],
  WEST: ['海南宏达施工图设计审查有限公司', '儋州市建筑工程施工图审查中心'],
  ANY: ['海南省建筑设计院施工图审查中心', '海南中审施工图审查有限公司'],
}

const SOUTH = new Set(['460200', '460300', '469027', '469028', '469029', '469001', '469904'])
const WEST = new Set(['460400', '469007', '469024', '469025', '469026', '469901', '469022'])

function hainanReviewAgency(rng: Rng, regionCode: string): string {
  const local = SOUTH.has(regionCode) ? REVIEW_AGENCIES.SOUTH : WEST.has(regionCode) ? REVIEW_AGENCIES.WEST : REVIEW_AGENCIES.NORTH
  return rng.chance(0.7) ? rng.pick(local) : rng.pick(REVIEW_AGENCIES.ANY)
}

export const HAINAN_PROFILE: ProvinceProfile = {
  provinceCode: HAINAN_PROVINCE_CODE,
  provinceName: '海南省',
  provinceShort: '海南',
  abbreviation: '琼',
  areaCode: '0898',
  capitalCode: '460100',
  regions: HAINAN_REGIONS,
  outOfProvince: OUT_OF_PROVINCE_REGION_CODES,
  places: HAINAN_PLACES,
  rivers: RIVERS,
  projectWeights: PROJECT_WEIGHTS,
  enterpriseRegionWeights: ENTERPRISE_REGION_WEIGHTS,
  reviewAgency: hainanReviewAgency,
  idRegions: {
    current: [
      '460105', '460106', '460107', '460108', '460202', '460203', '460204', '460205', '460400', '469001', '469002',
      '469005', '469006', '469007', '469021', '469022', '469023', '469024', '469025', '469026', '469027', '469028',
      '469029', '469030',
    ],
    old: ['460003', '460025', '460026', '460027', '460028', '460030', '460031', '460033', '460034', '460035', '460036', '460100', '460200'],
    others: [
      '430102', '430521', '431021', '440103', '440882', '441581', '445221', '450103', '450881', '452501', '360102',
      '362201', '420106', '421181', '510107', '511321', '350203', '350583', '410105', '411521', '320106', '321283',
      '330106', '330382', '340104', '370102', '500112', '110105', '310115',
    ],
  },
}

/** Writes every Region and Authority row; returns the geography the other generators use. */
export function writeRegionsAndAuthorities(writer: BatchWriter, ids: IdFactory, rng: Rng, profile: ProvinceProfile = HAINAN_PROFILE): Geography {
  const authorityIds = new Map<string, string>()
  for (const r of profile.regions) {
    writer.add('Region', {
      code: r.code,
      name: r.name,
      shortName: r.shortName,
      level: r.level,
      parentCode: r.parentCode,
      sortOrder: r.sortOrder,
    })
  }
  profile.outOfProvince.forEach((r, i) => {
    writer.add('Region', {
      code: r.code,
      name: r.name,
      shortName: OUT_OF_PROVINCE_FACTS[r.code]?.shortName ?? r.name.replace(/[市省]$/, ''),
      level: 'CITY',
      parentCode: null,
      sortOrder: OUT_OF_PROVINCE_SORT_BASE + i,
    })
  })
  for (const r of profile.regions) authorityIds.set(r.code, ids.next(ID_TAGS.Authority))
  const geo = new Geography(authorityIds.get(profile.provinceCode) as string, authorityIds, profile)
  for (const r of profile.regions) {
    const p = profile.places[r.code]
    const office = rng.pick(['政务服务中心', '行政办公区', '综合办公大楼', ''])
    const address =
      r.code === HAINAN_PROVINCE_CODE
        ? `海南省海口市美兰区${rng.pick(['海府路', '国兴大道'])}${rng.int(5, 99)}号`
        : r.code === profile.provinceCode
          ? `${p.prefix}${p.places[0]}${rng.pick(p.roads.length ? p.roads : GENERIC_ROADS)}${rng.int(5, 99)}号`
          : `${p.prefix.startsWith(profile.provinceShort) ? '' : profile.provinceName}${p.prefix}${p.places[0]}${p.roads.length ? rng.pick(p.roads) : rng.pick(GENERIC_ROADS)}${rng.int(1, 199)}号${office}`
    writer.add('Authority', {
      id: authorityIds.get(r.code) as string,
      regionCode: r.code,
      name: r.authorityName,
      address,
      phone: `${profile.areaCode}-6${rng.digits(7)}`,
    })
  }
  return geo
}
