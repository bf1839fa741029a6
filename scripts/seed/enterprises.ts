// 企业库: enterprises of every type with valid USCCs, plausible names, addresses and capital,
// and the qualifications their type calls for. What later generators need is kept in a small
// directory (id, USCC, type, region, dates, size), not the rows themselves.
import { makeUscc, USCC_ALPHABET } from '../../shared/validators/uscc.ts'
import { ENTERPRISE_TYPES, type EnterpriseType, type RegistrationType } from '../../shared/domain/enums.ts'
import { HAINAN_PROVINCE_CODE, regionByCode } from '../../shared/regions/hainan.ts'
import type { BatchWriter } from './batch-writer.ts'
import { addYears, dateOf, type Day, ymdToDay } from './days.ts'
import { ID_TAGS, type IdFactory } from './ids.ts'
import { brand, ENTERPRISE_SUFFIXES, numeral, personName } from './names.ts'
import { countAtMost, lowerBound, Rng } from './random.ts'
import { type Geography, ZONE_SINCE } from './regions-and-authorities.ts'

/** Enterprises at scale 1, and the share of each type (reality: many contractors and owners). */
export const ENTERPRISES_PER_SCALE = 2000
const TYPE_SHARES: Record<EnterpriseType, number> = {
  OWNER: 0.25,
  SURVEY: 0.04,
  DESIGN: 0.06,
  CONTRACTOR: 0.4,
  SUPERVISOR: 0.06,
  TENDER_AGENT: 0.06,
  LANDSCAPING: 0.05,
  COST_CONSULTANT: 0.05,
  QUALITY_TESTING: 0.03,
}
const MIN_PER_TYPE: Partial<Record<EnterpriseType, number>> = { OWNER: 8, CONTRACTOR: 10, SUPERVISOR: 4, DESIGN: 4, SURVEY: 3 }
/** Share registered outside Hainan, per type (≈ 20 % overall). */
const OUT_OF_PROVINCE_SHARES: Record<EnterpriseType, number> = {
  OWNER: 0.08,
  SURVEY: 0.2,
  DESIGN: 0.3,
  CONTRACTOR: 0.3,
  SUPERVISOR: 0.15,
  TENDER_AGENT: 0.1,
  LANDSCAPING: 0.1,
  COST_CONSULTANT: 0.15,
  QUALITY_TESTING: 0.05,
}

/** The day the platform started recording (createdAt of older enterprises and people). */
export const PLATFORM_START = ymdToDay(2014, 1, 1)
/** USCCs were issued from October 2015; codes of newer enterprises start with MA. */
const USCC_INTRODUCED = ymdToDay(2015, 10, 1)

export type OwnerKind = 'DEVELOPER' | 'STATE' | 'PUBLIC'
/**
 * What a state-owned or public owner builds: URBAN 城投 (roads, housing, civic works),
 * TRANSPORT 交通投资, TOURISM 旅游投资, WATER 水务 (bureau or group), HOUSING 安居房,
 * EDUCATION 教育局 and schools, HEALTH 卫健委 and hospitals, AGENT 代建中心, SPORTS 体育中心.
 */
export type OwnerRole = 'URBAN' | 'TRANSPORT' | 'TOURISM' | 'WATER' | 'HOUSING' | 'EDUCATION' | 'HEALTH' | 'AGENT' | 'SPORTS'

export interface KeyPersonRef {
  id: string
  /** the registration that makes them a key person here (CONSTRUCTOR_1 …) */
  registrationType: RegistrationType
  /** registration date with this employer */
  issuedDay: Day
  /** end of the current registration period (a lapsed registration cannot take a new role) */
  validUntilDay: Day
  /** 一级 (CONSTRUCTOR_1) rather than 二级: may manage large projects */
  senior: boolean
}

export interface EnterpriseRef {
  id: string
  uscc: string
  /** the registered name, printed on certificates (and bound into their QR codes) */
  name: string
  type: EnterpriseType
  regionCode: string
  inProvince: boolean
  estDay: Day
  /** relative size: how likely it is to win work and how many people it employs */
  weight: number
  /** contractors 0 特级 … 3 三级; others 0 甲级/综合 … 2 */
  tier: number
  building: boolean
  municipal: boolean
  ownerKind: OwnerKind | null
  ownerRole: OwnerRole | null
  /** for schools and hospitals that own projects: 第一中学, 人民医院 … (the project is named after them) */
  label: string | null
  /**
   * Names that follow an institutional pattern (海口市教育局, 三亚市城市建设投资有限公司,
   * 儋州市第二建筑工程有限公司 …) may exist for real, so the seed never gives them a bad record.
   */
  institutional: boolean
  /** people registered in the role a project needs (PM, chief supervisor, design/survey lead), by issuedDay */
  keyPeople: KeyPersonRef[]
  /** first day it can take a role on a project (established, and has its key person) */
  readyDay: Day
}

// ---------------------------------------------------------------- directory and pools

type Scope = 'ALL' | 'IN' | 'OUT' | string

/** Enterprises of one kind ordered by readyDay, with cumulative weights for weighted picks among those ready. */
class Pool {
  private readonly ready: number[]
  private readonly cumulative: number[]

  constructor(readonly entries: EnterpriseRef[]) {
    entries.sort((a, b) => a.readyDay - b.readyDay)
    this.ready = entries.map((e) => e.readyDay)
    let total = 0
    this.cumulative = entries.map((e) => (total += e.weight))
  }

  pick(rng: Rng, day: Day): EnterpriseRef | null {
    const k = countAtMost(this.ready, day)
    if (k === 0) return null
    return this.entries[lowerBound(this.cumulative, rng.next() * this.cumulative[k - 1], k)]
  }

  earliest(): EnterpriseRef | null {
    return this.entries[0] ?? null
  }
}

export interface PickSpec {
  type: EnterpriseType
  day: Day
  /** the project's region */
  regionCode: string
  /** probability of a firm from the project's own region, and of an out-of-province one */
  local: number
  out: number
  category?: 'BUILDING' | 'MUNICIPAL'
  ownerKind?: OwnerKind
  ownerRoles?: readonly OwnerRole[]
  /** contractors: highest acceptable tier number (1 = 一级 or better) */
  maxTier?: number
}

export class EnterpriseDirectory {
  readonly all: EnterpriseRef[] = []
  readonly byType = new Map<EnterpriseType, EnterpriseRef[]>(ENTERPRISE_TYPES.map((t) => [t, []]))
  private readonly pools = new Map<string, Pool>()

  add(e: EnterpriseRef): void {
    this.all.push(e)
    ;(this.byType.get(e.type) as EnterpriseRef[]).push(e)
  }

  /** Call once every enterprise has its key people: fixes readyDay and drops cached pools. */
  finalize(): void {
    for (const e of this.all) {
      e.keyPeople.sort((a, b) => a.issuedDay - b.issuedDay)
      const needsKeyPerson = e.type === 'CONTRACTOR' || e.type === 'SUPERVISOR' || e.type === 'DESIGN' || e.type === 'SURVEY'
      const first = e.keyPeople[0]?.issuedDay ?? Number.POSITIVE_INFINITY
      e.readyDay = needsKeyPerson ? Math.max(e.estDay + 90, first) : e.estDay + 60
    }
    this.pools.clear()
  }

  private pool(spec: PickSpec, scope: Scope): Pool {
    const key = `${spec.type}|${spec.category ?? ''}|${spec.ownerKind ?? ''}|${spec.ownerRoles?.join(',') ?? ''}|${scope}`
    let pool = this.pools.get(key)
    if (!pool) {
      const entries = (this.byType.get(spec.type) as EnterpriseRef[]).filter(
        (e) =>
          (spec.category === undefined || (spec.category === 'BUILDING' ? e.building : e.municipal)) &&
          (spec.ownerKind === undefined || e.ownerKind === spec.ownerKind) &&
          (spec.ownerRoles === undefined || (e.ownerRole !== null && spec.ownerRoles.includes(e.ownerRole))) &&
          (scope === 'ALL' || (scope === 'IN' ? e.inProvince : scope === 'OUT' ? !e.inProvince : e.regionCode === scope)),
      )
      pool = new Pool(entries)
      this.pools.set(key, pool)
    }
    return pool
  }

  /**
   * A weighted pick among enterprises ready on `day`: from the project's region (or its
   * host region, for a zone), from elsewhere in Hainan, or from out of province; each scope
   * falls back to the wider ones when it has no one ready.
   */
  pick(rng: Rng, spec: PickSpec): EnterpriseRef {
    const r = rng.next()
    const local = localScopes(spec.regionCode)
    const scopes: Scope[] = r < spec.local ? [...local, 'IN', 'ALL'] : r < spec.local + spec.out ? ['OUT', 'IN', 'ALL'] : ['IN', 'ALL']
    for (const scope of scopes) {
      const pool = this.pool(spec, scope)
      let found = pool.pick(rng, spec.day)
      // bigger projects need a higher grade: a few more draws from the same scope
      for (let i = 0; found && spec.maxTier !== undefined && found.tier > spec.maxTier && i < 8; i++) {
        found = pool.pick(rng, spec.day) ?? found
      }
      if (found) return found
    }
    const any = this.pool({ ...spec, category: undefined, ownerKind: undefined, ownerRoles: undefined }, 'ALL')
    const fallback = any.pick(rng, spec.day) ?? any.earliest()
    if (!fallback) throw new Error(`no enterprise of type ${spec.type}`)
    return fallback
  }

  /** A weighted pick from the region itself (or a zone's host region) only; null if no one there is ready. */
  pickLocal(rng: Rng, spec: Omit<PickSpec, 'local' | 'out'>): EnterpriseRef | null {
    for (const scope of localScopes(spec.regionCode)) {
      const found = this.pool({ ...spec, local: 1, out: 0 }, scope).pick(rng, spec.day)
      if (found) return found
    }
    return null
  }

  /** A uniformly chosen enterprise established before `day` (for records not tied to a project). */
  pickEstablished(rng: Rng, day: Day, filter: (e: EnterpriseRef) => boolean): EnterpriseRef | null {
    for (let i = 0; i < 20; i++) {
      const e = rng.pick(this.all)
      if (e.estDay + 180 <= day && filter(e)) return e
    }
    return null
  }
}

/** A region and, for a zone, the region that hosts it. */
function localScopes(regionCode: string): string[] {
  const host = regionByCode(regionCode)?.parentCode
  return host && host !== HAINAN_PROVINCE_CODE ? [regionCode, host] : [regionCode]
}

// ---------------------------------------------------------------- generation

interface Counters {
  names: Set<string>
  usccs: Set<string>
  institutional: Set<string>
  qualificationSeq: Map<string, number>
}

const USCC_BODY_ALPHABET = USCC_ALPHABET // digits and capitals without I, O, Z, S, V

function usccFor(rng: Rng, prefix: string, regionCode: string, estDay: Day, used: Set<string>): string {
  for (;;) {
    const body =
      prefix === '91' && estDay >= USCC_INTRODUCED
        ? `MA${rng.pick([...'5678ABCDEFGHJKLMNPQRTUWXY'])}${rng.chars(USCC_BODY_ALPHABET, 5)}`
        : rng.pick(['2', '3', '5', '6', '7', '0']) + rng.digits(7)
    const uscc = makeUscc(prefix, regionCode, body)
    if (!used.has(uscc)) {
      used.add(uscc)
      return uscc
    }
  }
}

function placePrefix(rng: Rng, geo: Geography, regionCode: string): string {
  const r = geo.region(regionCode)
  if (!r.inProvince) {
    const provinceShort = r.province.replace(/(壮族自治区|省|市)$/, '')
    return rng.chance(0.6) || provinceShort === r.shortName ? r.shortName : provinceShort
  }
  const { provinceCode, provinceShort, provinceName } = geo.profile
  if (regionCode === provinceCode) return rng.chance(0.75) ? provinceShort : provinceName
  const region = geo.regionRow(regionCode)
  if (region?.level === 'ZONE') return regionCode === '469901' && rng.chance(0.6) ? '洋浦' : provinceShort
  return rng.chance(0.5) ? provinceShort : r.shortName
}

interface NamedEnterprise {
  name: string
  prefix: '91' | '11' | '12'
  institutional: boolean
  ownerKind: OwnerKind | null
  ownerRole: OwnerRole | null
  label: string | null
}

/** State-owned owners (企业, prefix 91) and public bodies (机关 11, 事业单位 12), one of each per city or county. */
const STATE_OWNERS: [string, OwnerRole][] = [
  ['城市建设投资有限公司', 'URBAN'], ['城市投资建设集团有限公司', 'URBAN'], ['交通投资建设有限公司', 'TRANSPORT'],
  ['旅游投资发展有限公司', 'TOURISM'], ['水务集团有限公司', 'WATER'], ['安居房建设投资有限公司', 'HOUSING'],
]
const PUBLIC_OWNERS: [string, '11' | '12', OwnerRole][] = [
  ['教育局', '11', 'EDUCATION'], ['第一中学', '12', 'EDUCATION'], ['第二中学', '12', 'EDUCATION'], ['实验小学', '12', 'EDUCATION'],
  ['卫生健康委员会', '11', 'HEALTH'], ['人民医院', '12', 'HEALTH'], ['中医院', '12', 'HEALTH'], ['妇幼保健院', '12', 'HEALTH'],
  ['水务局', '11', 'WATER'], ['政府投资项目代建中心', '12', 'AGENT'], ['体育中心', '12', 'SPORTS'],
]

function nameFor(rng: Rng, geo: Geography, type: EnterpriseType, regionCode: string, counters: Counters, ownerKind: OwnerKind | null): NamedEnterprise {
  const r = geo.region(regionCode)
  const fresh = (name: string) => !counters.names.has(name)
  const institutionalName = (name: string) => !counters.institutional.has(name) && fresh(name)
  const place = r.inProvince && regionCode !== geo.provinceCode ? geo.placeName(regionCode) : geo.profile.provinceName
  const cityLike = r.inProvince && geo.regionRow(regionCode)?.level !== 'ZONE'
  const inst = { prefix: '91' as const, institutional: true, ownerRole: null, label: null }

  // institutional patterns, while the region still has unused ones
  if (ownerKind === 'STATE') {
    const [suffix, role] = rng.pick(STATE_OWNERS)
    const name = `${place}${suffix}`
    if (institutionalName(name)) return { ...inst, name, ownerKind: 'STATE', ownerRole: role }
  }
  if (ownerKind === 'PUBLIC') {
    const [suffix, prefix, role] = rng.pick(PUBLIC_OWNERS)
    const name = `${r.name}${suffix}`
    const label = role === 'EDUCATION' || role === 'HEALTH' ? (/局|委员会/.test(suffix) ? null : suffix) : null
    if (institutionalName(name)) return { ...inst, name, prefix, ownerKind: 'PUBLIC', ownerRole: role, label }
  }
  if (type === 'CONTRACTOR' && cityLike && rng.chance(0.05)) {
    const name = rng.chance(0.5) ? `${place}第${numeral(rng.int(1, 9))}建筑工程有限公司` : `${r.shortName}城建集团有限公司`
    if (institutionalName(name)) return { ...inst, name, ownerKind: null }
  }
  if (type === 'QUALITY_TESTING' && cityLike && rng.chance(0.3)) {
    const name = `${place}建设工程质量检测中心有限公司`
    if (institutionalName(name)) return { ...inst, name, ownerKind: null }
  }

  const suffixes = type === 'OWNER' ? ENTERPRISE_SUFFIXES.DEVELOPER : ENTERPRISE_SUFFIXES[type]
  for (let attempt = 0; ; attempt++) {
    const name = `${placePrefix(rng, geo, regionCode)}${brand(rng, attempt)}${rng.pick(suffixes)}`
    if (fresh(name)) {
      return { name, prefix: '91', institutional: false, ownerKind: type === 'OWNER' ? 'DEVELOPER' : null, ownerRole: null, label: null }
    }
  }
}

function establishedDay(rng: Rng, inProvince: boolean, regionCode: string, asOf: Day, early: boolean, publicBody: boolean): Day {
  const latest = asOf - 365
  let from = inProvince ? ymdToDay(1988, 4, 26) : ymdToDay(1980, 1, 1) // Hainan became a province on 1988-04-26
  let to = latest
  if (early || publicBody) to = Math.min(to, ymdToDay(2008, 12, 31))
  if (publicBody) from = ymdToDay(1988, 4, 26)
  const since = ZONE_SINCE[regionCode]
  if (since) from = Math.max(from, ymdToDay(since, 1, 1))
  if (to <= from) return from
  // more enterprises are young than old: skew towards the end
  return Math.round(to - (to - from) * Math.pow(rng.next(), 1.6))
}

function contractorTier(rng: Rng, inProvince: boolean): number {
  return inProvince
    ? rng.weighted([[0, 0.01], [1, 0.12], [2, 0.37], [3, 0.5]])
    : rng.weighted([[0, 0.12], [1, 0.5], [2, 0.3], [3, 0.08]])
}

function capitalFor(rng: Rng, type: EnterpriseType, tier: number, ownerKind: OwnerKind | null): string {
  let range: [number, number]
  if (type === 'CONTRACTOR') range = ([[30000, 200000], [5000, 60000], [2000, 10000], [300, 3000]] as const)[tier] as [number, number]
  else if (ownerKind === 'STATE') range = [10000, 500000]
  else if (ownerKind === 'PUBLIC') range = [100, 5000]
  else if (type === 'OWNER') range = [1000, 50000]
  else range = tier === 0 ? [600, 5000] : [100, 1000]
  const value = Math.exp(rng.float(Math.log(range[0]), Math.log(range[1])))
  const rounded = rng.chance(0.8) ? Math.round(value / 100) * 100 || 100 : Math.round(value * 100) / 100
  return String(rounded)
}

// ---------------------------------------------------------------- qualifications

const MINISTRY = '中华人民共和国住房和城乡建设部'

interface QualificationSpec {
  category: string
  grade: string
  /** certificate-number letter */
  letter: string
}

const CONTRACTOR_GRADES = ['特级', '一级', '二级', '三级']

function qualificationSpecs(rng: Rng, e: EnterpriseRef): QualificationSpec[] {
  const ab = (p: number) => (rng.chance(p) ? '甲级' : '乙级')
  switch (e.type) {
    case 'CONTRACTOR': {
      const specs: QualificationSpec[] = []
      const main = e.building ? '建筑工程施工总承包' : '市政公用工程施工总承包'
      specs.push({ category: main, grade: CONTRACTOR_GRADES[e.tier], letter: 'D' })
      if (e.building && e.municipal) {
        specs.push({ category: '市政公用工程施工总承包', grade: CONTRACTOR_GRADES[Math.min(3, Math.max(1, e.tier + rng.int(0, 1)))], letter: 'D' })
      }
      if (rng.chance(0.4)) {
        const special = rng.pick(['地基基础工程专业承包', '建筑装修装饰工程专业承包', '钢结构工程专业承包', '消防设施工程专业承包', '建筑机电安装工程专业承包', '环保工程专业承包'])
        specs.push({ category: special, grade: e.tier <= 1 ? '一级' : '二级', letter: 'D' })
      }
      return specs
    }
    case 'SUPERVISOR':
      if (e.tier === 0 && rng.chance(0.4)) return [{ category: '工程监理综合资质', grade: '综合资质', letter: 'E' }]
      return [
        { category: '房屋建筑工程监理', grade: e.tier === 0 ? '甲级' : '乙级', letter: 'E' },
        ...(rng.chance(0.5) ? [{ category: '市政公用工程监理', grade: ab(0.4), letter: 'E' }] : []),
      ]
    case 'SURVEY':
      if (e.tier === 0 && rng.chance(0.3)) return [{ category: '工程勘察综合资质', grade: '甲级', letter: 'B' }]
      return [
        { category: '工程勘察专业类（岩土工程）', grade: e.tier === 0 ? '甲级' : '乙级', letter: 'B' },
        ...(rng.chance(0.4) ? [{ category: '工程勘察专业类（工程测量）', grade: ab(0.5), letter: 'B' }] : []),
      ]
    case 'DESIGN':
      return [
        { category: '工程设计建筑行业（建筑工程）', grade: e.tier === 0 ? '甲级' : '乙级', letter: 'A' },
        ...(rng.chance(0.4) ? [{ category: '工程设计市政行业', grade: ab(0.4), letter: 'A' }] : []),
      ]
    case 'COST_CONSULTANT':
      return [{ category: '工程造价咨询企业', grade: e.tier === 0 ? '甲级' : '乙级', letter: 'Z' }]
    case 'TENDER_AGENT':
      return [{ category: '工程招标代理机构', grade: rng.weighted([['甲级', 0.3], ['乙级', 0.5], ['暂定级', 0.2]]), letter: 'T' }]
    case 'LANDSCAPING':
      return [
        { category: '城市园林绿化', grade: rng.weighted([['一级', 0.2], ['二级', 0.45], ['三级', 0.35]]), letter: 'Y' },
        ...(rng.chance(0.3) ? [{ category: '市政公用工程施工总承包', grade: '三级', letter: 'D' }] : []),
      ]
    case 'QUALITY_TESTING':
      if (e.tier === 0) return [{ category: '建设工程质量检测机构综合资质', grade: '综合资质', letter: 'J' }]
      return [
        {
          category: rng.pick(['建设工程质量检测专项资质（主体结构及装饰装修）', '建设工程质量检测专项资质（地基基础）', '建设工程质量检测专项资质（建筑材料及构配件）', '建设工程质量检测专项资质（钢结构）']),
          grade: '专项资质',
          letter: 'J',
        },
      ]
    case 'OWNER':
      if (e.ownerKind !== 'DEVELOPER') return []
      return [{ category: '房地产开发企业', grade: rng.chance(0.08) ? '一级' : '二级', letter: 'F' }]
  }
}

function writeQualifications(rng: Rng, writer: BatchWriter, ids: IdFactory, geo: Geography, e: EnterpriseRef, asOf: Day, counters: Counters): void {
  const r = geo.region(e.regionCode)
  for (const spec of qualificationSpecs(rng, e)) {
    const national = ['特级', '一级', '甲级', '综合资质'].includes(spec.grade) && spec.letter !== 'Y'
    const local = ['三级', '暂定级'].includes(spec.grade) && r.inProvince && e.regionCode !== geo.provinceCode && r.authorityName
    const level = national ? 1 : local ? 3 : 2
    const issuedBy = national ? MINISTRY : local ? (r.authorityName as string) : geo.provincialDepartment(e.regionCode)
    const key = `${spec.letter}${level}${r.provinceCode}`
    const seq = (counters.qualificationSeq.get(key) ?? 0) + 1
    counters.qualificationSeq.set(key, seq)
    // certificates run five years; the one on file is the latest renewal, a few have lapsed
    const earliest = e.estDay + 60
    let issued = asOf - rng.int(15, 5 * 365 - 30)
    if (rng.chance(0.06)) issued = asOf - rng.int(5 * 365 + 1, 7 * 365)
    if (issued < earliest) issued = Math.min(asOf - 15, earliest + rng.int(0, 60))
    writer.add('Qualification', {
      id: ids.next(ID_TAGS.Qualification),
      enterpriseId: e.id,
      category: spec.category,
      grade: spec.grade,
      certificateNumber: `${spec.letter}${level}${r.provinceCode}${String(seq).padStart(6, '0')}`,
      issuedBy,
      issuedOn: dateOf(issued),
      validUntil: dateOf(addYears(issued, 5)),
    })
  }
}

/** Writes the enterprises and their qualifications; returns the directory (key people are added by people.ts). */
export async function writeEnterprises(
  rng: Rng,
  writer: BatchWriter,
  ids: IdFactory,
  geo: Geography,
  scale: number,
  asOf: Day,
): Promise<EnterpriseDirectory> {
  const directory = new EnterpriseDirectory()
  const counters: Counters = { names: new Set(), usccs: new Set(), institutional: new Set(), qualificationSeq: new Map() }
  const total = ENTERPRISES_PER_SCALE * scale
  for (const type of ENTERPRISE_TYPES) {
    const typeRng = rng.fork(type)
    const count = Math.max(MIN_PER_TYPE[type] ?? 3, Math.round(total * TYPE_SHARES[type]))
    for (let i = 0; i < count; i++) {
      // the first of each type is an established Hainan firm, so every year has someone to pick
      const early = i === 0
      // a national partition has no out-of-province enterprises: other provinces have their own
      const inProvince = early || !typeRng.chance(OUT_OF_PROVINCE_SHARES[type]) || geo.outOfProvince.length === 0
      // owners in Hainan: developers, and the state-owned and public owners every city and county has
      const ownerKind: OwnerKind | null =
        type !== 'OWNER' ? null : inProvince ? typeRng.weighted<OwnerKind>([['DEVELOPER', 0.74], ['STATE', 0.13], ['PUBLIC', 0.13]]) : 'DEVELOPER'
      const regionCode = !inProvince
        ? typeRng.pick(geo.outOfProvince)
        : early ? geo.profile.capitalCode
        : ownerKind === 'STATE' || ownerKind === 'PUBLIC' ? typeRng.pick(geo.cityCountyCodes)
        : geo.pickEnterpriseRegion(typeRng)
      const named = nameFor(typeRng, geo, type, regionCode, counters, ownerKind)
      counters.names.add(named.name)
      if (named.institutional) counters.institutional.add(named.name)
      const estDay = establishedDay(typeRng, inProvince, regionCode, asOf, early, named.ownerKind === 'PUBLIC')
      const tier =
        type === 'CONTRACTOR' ? contractorTier(typeRng, inProvince) : typeRng.chance(inProvince ? 0.3 : 0.55) ? 0 : 1
      const building = type === 'CONTRACTOR' ? typeRng.chance(0.82) : false
      const municipal = type === 'CONTRACTOR' ? !building || typeRng.chance(0.45) : false
      const tierFactor = type === 'CONTRACTOR' ? [6, 2.5, 1, 0.45][tier] : tier === 0 ? 2 : 1
      const e: EnterpriseRef = {
        id: ids.next(ID_TAGS.Enterprise),
        uscc: usccFor(typeRng, named.prefix, regionCode, estDay, counters.usccs),
        name: named.name,
        type,
        regionCode,
        inProvince,
        estDay,
        weight: typeRng.logNormal(1, 0.8) * tierFactor,
        tier,
        building,
        municipal,
        ownerKind: named.ownerKind,
        ownerRole: named.ownerRole,
        label: named.label,
        institutional: named.institutional,
        keyPeople: [],
        readyDay: estDay,
      }
      directory.add(e)
      const created = Math.min(asOf, Math.max(estDay, PLATFORM_START))
      writer.add('Enterprise', {
        id: e.id,
        uscc: e.uscc,
        name: e.name,
        type,
        regionCode,
        inProvince,
        legalRepresentative: personName(typeRng, typeRng.chance(0.85)),
        registeredAddress: geo.address(typeRng, regionCode),
        registeredCapital: capitalFor(typeRng, type, tier, named.ownerKind),
        establishedOn: dateOf(estDay),
        createdAt: dateOf(created),
        updatedAt: dateOf(created),
      })
      writeQualifications(typeRng, writer, ids, geo, e, asOf, counters)
      await writer.maybeFlush()
    }
  }
  return directory
}

