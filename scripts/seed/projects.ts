// 项目库 and the five stages: projects registered month by month from 2014 to the as-of date,
// each carried through 合同备案 → 施工图审查 → 质量安全报监 → 施工许可 → 竣工验收备案 as far
// as its timeline reaches by as-of, with participants, key people, certificates and the
// integrity records that arise on site. Each project is written as soon as it is made;
// only counters for code sequences survive it.
//
// Our own number formats (the national ones come from shared/validators/codes.ts):
//   ContractFiling.filingNumber        HT{region 6}{year 4}{seq 6}   合同备案编号
//   DrawingReview.certificateNumber    SC{region 6}{year 4}{seq 6}   施工图审查合格书编号
//   SupervisionFiling.filingNumber     JD{region 6}{year 4}{seq 6}   质量安全监督登记编号
// (year = year of the filing, seq per prefix, region and year).
import type { ParticipantRole, ProjectCategory } from '../../shared/domain/enums.ts'
import { registrationQualifies, type KeyPersonKind } from '../../shared/domain/key-people.ts'
import { certificateFactsDigest, type CertificateFacts } from '../../shared/certificates/index.ts'
import type { CertificateSigner } from './certificate-signer.ts'
import { makeCertificateSerial, makeCompletionFilingNumber, makePermitNumber, makeProjectCode } from '../../shared/validators/codes.ts'
import type { BatchWriter } from './batch-writer.ts'
import { addMonths, dateOf, type Day, daysInMonth, isoOf, isWeekend, nextWorkingDay, yearOf, ymdToDay } from './days.ts'
import type { EnterpriseDirectory, EnterpriseRef, KeyPersonRef, OwnerRole } from './enterprises.ts'
import { ID_TAGS, type IdFactory } from './ids.ts'
import {
  CIVIC_BUILDINGS, COMMERCIAL_KINDS, ESTATE_SUFFIXES, ESTATE_WORDS, HOSPITAL_BUILDINGS, INDUSTRIAL_KINDS, MUNICIPAL_KINDS,
  type MunicipalKind, numeral, PHASES, PUBLIC_HOUSING_KINDS, SCHOOL_BUILDINGS, SCHOOL_KINDS,
} from './names.ts'
import { apportion, Rng } from './random.ts'
import type { Geography } from './regions-and-authorities.ts'
import { type RecordWriter, writeProjectRecords } from './records.ts'

export const PROJECTS_PER_SCALE_PER_YEAR = 1700
export const FIRST_YEAR = 2014

/** Mild year-to-year swings around the average (2018: purchase restrictions; 2021: free-trade-port boom). */
const YEAR_FACTORS: Record<number, number> = {
  2014: 0.9, 2015: 0.92, 2016: 0.95, 2017: 1.02, 2018: 0.96, 2019: 0.94, 2020: 1.0, 2021: 1.1, 2022: 1.04, 2023: 1.06, 2024: 1.0, 2025: 1.02,
}
/** Fewer registrations around the Spring Festival, a rush before the year ends. */
const MONTH_WEIGHTS = [8, 5, 8, 8.5, 8.5, 9, 8.5, 8.5, 8.5, 8, 9, 10.5]

type BuildingKind = 'RESIDENTIAL' | 'COMMERCIAL' | 'INDUSTRIAL' | 'SCHOOL' | 'HOSPITAL' | 'PUBLIC_HOUSING' | 'CIVIC'
const BUILDING_KINDS: [BuildingKind, number][] = [
  ['RESIDENTIAL', 0.48], ['COMMERCIAL', 0.12], ['INDUSTRIAL', 0.06], ['SCHOOL', 0.1], ['HOSPITAL', 0.04], ['PUBLIC_HOUSING', 0.12], ['CIVIC', 0.08],
]
/** Who commissions a project: a developer, or a state-owned / public owner in one of these roles. */
type OwnerNeed = 'DEVELOPER' | readonly OwnerRole[]
/** median floor area (m²), cost per m² (万元) and owner of each kind of building */
const BUILDING_FACTS: Record<BuildingKind, { area: number; cost: [number, number]; owner: [OwnerNeed, number][] }> = {
  RESIDENTIAL: { area: 45000, cost: [0.35, 0.6], owner: [['DEVELOPER', 1]] },
  COMMERCIAL: { area: 30000, cost: [0.5, 0.9], owner: [['DEVELOPER', 0.9], [['TOURISM'], 0.1]] },
  INDUSTRIAL: { area: 15000, cost: [0.25, 0.4], owner: [['DEVELOPER', 0.7], [['URBAN'], 0.3]] },
  SCHOOL: { area: 9000, cost: [0.35, 0.5], owner: [[['EDUCATION'], 1]] },
  HOSPITAL: { area: 25000, cost: [0.6, 1.0], owner: [[['HEALTH'], 1]] },
  PUBLIC_HOUSING: { area: 60000, cost: [0.3, 0.45], owner: [[['HOUSING', 'URBAN', 'AGENT'], 1]] },
  CIVIC: { area: 8000, cost: [0.4, 0.6], owner: [[['AGENT', 'URBAN', 'SPORTS'], 1]] },
}
const MUNICIPAL_OWNERS: Record<MunicipalKind, OwnerNeed> = {
  ROAD: ['URBAN', 'TRANSPORT', 'AGENT'],
  ROAD_SECTION: ['URBAN', 'TRANSPORT', 'AGENT'],
  BRIDGE: ['URBAN', 'TRANSPORT', 'AGENT'],
  LIGHTING: ['URBAN', 'AGENT'],
  SEWAGE: ['WATER'],
  DRAINAGE: ['WATER', 'URBAN'],
  PIPE: ['WATER', 'URBAN'],
  RIVER: ['WATER', 'AGENT'],
  WATER: ['WATER'],
  OLD_COMMUNITY: ['URBAN', 'AGENT', 'HOUSING'],
}

/** Where a project is: a district or town of its region and a road there (name and address agree). */
interface Site {
  place: string
  road: string
}

const REVOCATION_REASONS = [
  '建设单位申请撤回施工许可',
  '以欺骗手段取得施工许可证，依法予以撤销',
  '项目规划设计条件调整，原施工许可证予以撤销',
  '项目因故终止建设，建设单位申请注销施工许可证',
]
const FRAUD_REASON = REVOCATION_REASONS[1]

// ---------------------------------------------------------------- sequence counters

/** Sequences per key (prefix, region, year …); keys are few. */
class Sequences {
  private readonly map = new Map<string, number>()

  next(key: string): number {
    const n = (this.map.get(key) ?? 0) + 1
    this.map.set(key, n)
    return n
  }
}

/**
 * Two-digit daily sequences of permit and completion-filing numbers (01-99 per region and
 * day): a full day moves the next one to the following working day. Days before the month
 * being generated can no longer be touched and are dropped.
 */
class DailySlots {
  private readonly days = new Map<Day, Map<string, number>>()

  /** The day allocate(regionCode, day) would give, without taking its slot. */
  peek(regionCode: string, day: Day): Day {
    let d = day
    while ((this.days.get(d)?.get(regionCode) ?? 0) >= 99) d = nextWorkingDay(d + 1)
    return d
  }

  allocate(regionCode: string, day: Day): { day: Day; seq: number } {
    for (let d = day; ; d = nextWorkingDay(d + 1)) {
      let regions = this.days.get(d)
      if (!regions) this.days.set(d, (regions = new Map()))
      const used = regions.get(regionCode) ?? 0
      if (used < 99) {
        regions.set(regionCode, used + 1)
        return { day: d, seq: used + 1 }
      }
    }
  }

  pruneBefore(day: Day): void {
    for (const d of this.days.keys()) if (d < day) this.days.delete(d)
  }
}

// ---------------------------------------------------------------- names and sizes

function buildingName(rng: Rng, geo: Geography, kind: BuildingKind, regionCode: string, area: number, site: Site, owner: EnterpriseRef): string {
  const place = geo.placeName(regionCode)
  const town = site.place.replace(/(区|镇|片区|开发区|华侨农场)$/, '')
  switch (kind) {
    case 'RESIDENTIAL': {
      const estate = `${rng.pick(ESTATE_WORDS)}${rng.pick(ESTATE_SUFFIXES)}`
      const phase = rng.chance(0.5) ? rng.pick(PHASES) : ''
      const blocks = Math.max(1, Math.min(20, Math.round(area / rng.float(8000, 16000))))
      const first = rng.chance(0.7) ? 1 : rng.int(2, 12)
      const buildings = blocks > 1 ? `${first}#-${first + blocks - 1}#楼及地下室` : `${first}#楼`
      return rng.chance(0.8) ? `${place}${estate}${phase}${buildings}` : `${place}${estate}项目${phase ? `（${phase}）` : ''}`
    }
    case 'COMMERCIAL':
      return `${place}${rng.pick(ESTATE_WORDS)}${rng.pick(COMMERCIAL_KINDS)}${rng.chance(0.3) ? rng.pick(PHASES) : ''}`
    case 'INDUSTRIAL':
      return `${place}${rng.pick(ESTATE_WORDS)}${rng.pick(INDUSTRIAL_KINDS)}${rng.int(1, 6)}#厂房`
    case 'SCHOOL': {
      // a school that commissions its own building gives it its name
      if (owner.label) return `${geo.placeName(owner.regionCode)}${owner.label}${rng.pick(SCHOOL_BUILDINGS)}`
      const school = rng.chance(0.4) ? `第${numeral(rng.int(3, 12))}${rng.pick(['中学', '小学'])}` : `${town}${rng.pick(SCHOOL_KINDS)}`
      return `${place}${school}${rng.pick(SCHOOL_BUILDINGS)}`
    }
    case 'HOSPITAL': {
      const hospital = owner.label ?? rng.pick(['人民医院', '中医院', '妇幼保健院', '第二人民医院'])
      return `${owner.label ? geo.placeName(owner.regionCode) : place}${hospital}${rng.pick(HOSPITAL_BUILDINGS)}`
    }
    case 'PUBLIC_HOUSING':
      return `${place}${site.place}${rng.pick(PUBLIC_HOUSING_KINDS)}${rng.chance(0.4) ? `（${rng.pick(PHASES)}）` : ''}`
    case 'CIVIC':
      return `${place}${site.place}${rng.pick(CIVIC_BUILDINGS)}`
  }
}

function municipalName(rng: Rng, geo: Geography, kind: MunicipalKind, regionCode: string, year: number, site: Site): string {
  const place = geo.placeName(regionCode)
  const { road, place: town } = site
  switch (kind) {
    case 'ROAD':
      return `${place}${road}${rng.pick(['道路改造工程', '市政道路工程', '延长线工程', '道路提升改造工程'])}`
    case 'ROAD_SECTION': {
      let other = geo.road(rng, regionCode)
      if (other === road) other = `${town.replace(/(区|镇|片区)$/, '')}环路`
      return `${place}${road}（${other}至${rng.pick(['滨海大道', '环岛高速连接线', '规划一路', '规划路'])}段）道路工程`
    }
    case 'SEWAGE':
      return `${place}${town}污水处理厂${rng.pick(['提标改造工程', '扩建工程', '及配套管网工程'])}`
    case 'DRAINAGE':
      return `${place}${town}雨污分流改造工程`
    case 'PIPE':
      return `${place}${road}市政配套管网工程`
    case 'BRIDGE':
      return `${place}${rng.chance(0.5) ? geo.river(rng, regionCode) : road}${rng.pick(['大桥', '桥梁', '人行天桥'])}工程`
    case 'RIVER':
      return `${place}${geo.river(rng, regionCode)}水环境综合整治工程`
    case 'OLD_COMMUNITY':
      return `${place}${year}年城镇老旧小区改造工程（第${numeral(rng.int(1, 4))}批）`
    case 'LIGHTING':
      return `${place}${road}路灯及亮化工程`
    case 'WATER':
      return `${place}${town}供水工程`
  }
}

function buildingScale(rng: Rng, kind: BuildingKind, area: number): string {
  const blocks = Math.max(1, Math.round(area / rng.float(9000, 20000)))
  const floors =
    kind === 'RESIDENTIAL' ? rng.int(6, 33)
    : kind === 'COMMERCIAL' ? rng.int(3, 40)
    : kind === 'INDUSTRIAL' ? rng.int(1, 5)
    : kind === 'SCHOOL' ? rng.int(3, 6)
    : kind === 'HOSPITAL' ? rng.int(5, 20)
    : kind === 'CIVIC' ? rng.int(2, 6)
    : rng.int(11, 28)
  const basement = kind === 'INDUSTRIAL' || kind === 'SCHOOL' || kind === 'CIVIC' ? (rng.chance(0.2) ? 1 : 0) : rng.weighted([[0, 0.15], [1, 0.45], [2, 0.32], [3, 0.08]])
  return `${blocks > 1 ? `${blocks}栋 ` : ''}地上${floors}层${basement ? ` 地下${basement}层` : ''}`
}

function municipalScale(rng: Rng, kind: MunicipalKind): string {
  switch (kind) {
    case 'ROAD':
    case 'ROAD_SECTION':
      return `道路全长${(rng.int(3, 120) / 10).toFixed(1)}公里 红线宽度${rng.pick([20, 24, 30, 36, 40, 50, 60])}米`
    case 'SEWAGE':
      return `处理规模${rng.pick([0.5, 1, 2, 3, 5, 8, 10])}万吨/日`
    case 'DRAINAGE':
    case 'PIPE':
      return `管网长度${rng.int(8, 400) * 50}米`
    case 'BRIDGE':
      return `桥梁全长${rng.int(30, 900)}米`
    case 'RIVER':
      return `整治河道长度${(rng.int(10, 150) / 10).toFixed(1)}公里`
    case 'OLD_COMMUNITY':
      return `改造小区${rng.int(3, 40)}个 涉及${rng.int(300, 8000)}户`
    case 'LIGHTING':
      return `安装路灯${rng.int(80, 1500)}盏`
    case 'WATER':
      return `供水规模${rng.pick([0.5, 1, 2, 5, 10])}万吨/日`
  }
}

const money = (x: number) => String(Math.round(x * 100) / 100)
const round2 = (x: number) => Math.round(x * 100) / 100

/** A key person of an enterprise whose registration is current on `day` (seniors for big jobs). */
function keyPerson(rng: Rng, e: EnterpriseRef, day: Day, preferSenior: boolean): KeyPersonRef | null {
  const people = e.keyPeople
  let k = 0
  while (k < people.length && people[k].issuedDay <= day) k++
  if (k === 0) return people[0] ?? null
  let fallback: KeyPersonRef | null = null
  for (let i = 0; i < 8; i++) {
    const p = people[rng.int(0, k - 1)]
    if (day >= p.validUntilDay) continue
    fallback ??= p
    if (!preferSenior || p.senior) return p
  }
  return fallback ?? people[rng.int(0, k - 1)]
}

/** Whether the permit may name this person as its `kind` for `employer` on `day`: the staff form's rule. */
function qualifies(person: KeyPersonRef, kind: KeyPersonKind, employer: EnterpriseRef, day: Day): boolean {
  const terms = { type: person.registrationType, employerId: employer.id, issuedOn: isoOf(person.issuedDay), validUntil: isoOf(person.validUntilDay) }
  return registrationQualifies(terms, kind, employer.id, isoOf(day))
}

// ---------------------------------------------------------------- generation

export interface ProjectContext {
  rng: Rng
  /** signs each certificate as it is issued */
  signer: CertificateSigner
  writer: BatchWriter
  ids: IdFactory
  geo: Geography
  directory: EnterpriseDirectory
  records: RecordWriter
  scale: number
  asOf: Day
  log?: (line: string) => void
}

class ProjectGenerator {
  private readonly yearly = new Sequences()
  private readonly certificateSeq = new Sequences()
  private readonly permitSlots = new DailySlots()
  private readonly completionSlots = new DailySlots()

  constructor(private readonly c: ProjectContext) {}

  pruneBefore(day: Day): void {
    this.permitSlots.pruneBefore(day)
    this.completionSlots.pruneBefore(day)
  }

  private number(prefix: string, regionCode: string, day: Day): string {
    const year = yearOf(day)
    const seq = this.yearly.next(`${prefix}${regionCode}${year}`)
    return `${prefix}${regionCode}${year}${String(seq).padStart(6, '0')}`
  }

  private certificateSerial(type: 'CONSTRUCTION_PERMIT' | 'COMPLETION_FILING', regionCode: string, day: Day): string {
    const year = yearOf(day)
    return makeCertificateSerial(type, year, regionCode, this.certificateSeq.next(`${type}${year}${regionCode}`), this.c.geo.knowsRegion)
  }

  write(rng: Rng, regionCode: string, registered: Day, sequence: number): void {
    const { writer, ids, geo, directory, asOf } = this.c
    const year = yearOf(registered)
    const month = Number(isoOf(registered).slice(5, 7))
    const authorityId = geo.region(regionCode).authorityId as string

    // what is built, for whom, how big
    const category: ProjectCategory = rng.chance(0.75) ? 'BUILDING' : 'MUNICIPAL'
    const inflation = 1 + 0.03 * (year - FIRST_YEAR)
    const site: Site = { place: geo.place(rng, regionCode), road: geo.road(rng, regionCode) }
    let name: string
    let floorArea: number | null
    let investment: number
    let owner: EnterpriseRef
    let scaleText: string
    let months: number
    if (category === 'BUILDING') {
      const kind = rng.weighted(BUILDING_KINDS)
      const facts = BUILDING_FACTS[kind]
      floorArea = round2(Math.min(200_000, Math.max(2000, rng.logNormal(facts.area, 0.8))))
      investment = round2(floorArea * rng.float(facts.cost[0], facts.cost[1]) * inflation)
      owner = this.owner(rng, rng.weighted(facts.owner), regionCode, registered)
      name = buildingName(rng, geo, kind, regionCode, floorArea, site, owner)
      scaleText = buildingScale(rng, kind, floorArea)
      months = Math.round(Math.min(36, Math.max(6, 8 + floorArea / 9000 + rng.normal() * 3)))
    } else {
      const kind = rng.pick(MUNICIPAL_KINDS)
      investment = round2(Math.min(150_000, Math.max(150, rng.logNormal(3000, 1.0))) * inflation)
      floorArea = kind === 'SEWAGE' || kind === 'WATER' ? round2(rng.float(1500, 20000)) : null
      owner = this.owner(rng, MUNICIPAL_OWNERS[kind], regionCode, registered)
      name = municipalName(rng, geo, kind, regionCode, year, site)
      scaleText = municipalScale(rng, kind)
      months = Math.round(Math.min(30, Math.max(6, 5 + investment / 2500 + rng.int(0, 4))))
    }
    const big = investment >= 50_000

    const projectId = ids.next(ID_TAGS.Project)
    const projectCode = makeProjectCode(regionCode, year, month, sequence, geo.knowsRegion)
    const address = geo.siteAddress(rng, regionCode, site)
    writer.add('Project', {
      id: projectId,
      projectCode,
      name,
      address,
      regionCode,
      category,
      floorArea,
      investment: money(investment),
      ownerId: owner.id,
      registeredOn: dateOf(registered),
      createdAt: dateOf(registered),
      updatedAt: dateOf(registered),
    })
    this.participant(projectId, owner, 'OWNER')

    // how far it gets: ~8 % stop before a permit, a few stall after it
    const stopBefore = rng.chance(0.08) ? rng.weighted<'REVIEW' | 'SUPERVISION' | 'PERMIT'>([['REVIEW', 0.35], ['SUPERVISION', 0.35], ['PERMIT', 0.3]]) : null
    const stalls = rng.chance(0.015)

    // stage 1a: survey and design contracts
    const hasSurvey = rng.chance(category === 'BUILDING' ? 0.92 : 0.7)
    let designDone = 0
    if (hasSurvey) {
      const signed = registered + rng.int(5, 45)
      const survey = directory.pick(rng, { type: 'SURVEY', day: signed, regionCode, local: 0.35, out: 0.15 })
      const filed = this.contract(rng, projectId, regionCode, authorityId, 'SURVEY', survey, signed, Math.max(3, investment * rng.float(0.004, 0.012)), 'SURVEY_LEAD')
      if (filed === null) return
      designDone = filed
    }
    const designSigned = registered + rng.int(5, 60)
    const design = directory.pick(rng, { type: 'DESIGN', day: designSigned, regionCode, local: 0.3, out: big ? 0.4 : 0.2 })
    const designFiled = this.contract(rng, projectId, regionCode, authorityId, 'DESIGN', design, designSigned, Math.max(5, investment * rng.float(0.015, 0.04)), 'DESIGN_LEAD')
    if (designFiled === null) return
    designDone = Math.max(designDone, designFiled)
    if (stopBefore === 'REVIEW') return

    // stage 2: drawing review
    const reviewed = nextWorkingDay(designDone + rng.int(20, 120))
    if (reviewed > asOf) return
    writer.add('DrawingReview', {
      id: ids.next(ID_TAGS.DrawingReview),
      projectId,
      certificateNumber: this.number('SC', regionCode, reviewed),
      reviewAgency: geo.reviewAgency(rng, regionCode),
      passedOn: dateOf(reviewed),
      authorityId,
      status: 'ACTIVE',
    })

    // stage 1b: construction and supervision contracts (after the tender on reviewed drawings)
    const tenderDay = reviewed + rng.int(10, 60)
    const contractor = directory.pick(rng, {
      type: 'CONTRACTOR', category, day: tenderDay, regionCode, local: 0.4, out: big ? 0.45 : 0.22,
      maxTier: investment >= 30_000 ? 1 : investment >= 5000 ? 2 : 3,
    })
    const contractPrice = round2(investment * rng.float(0.55, 0.85))
    const manager = keyPerson(rng, contractor, tenderDay, investment >= 3000)
    if (!manager) throw new Error(`contractor ${contractor.id} has no registered constructor`)
    const contractorFiled = this.contract(rng, projectId, regionCode, authorityId, 'CONTRACTOR', contractor, tenderDay, contractPrice, null, manager)
    const needsSupervisor = !(investment < 400 && rng.chance(0.35))
    let supervisor: EnterpriseRef | null = null
    let chief: KeyPersonRef | null = null
    let supervisorFiled: Day | null = null
    if (needsSupervisor) {
      const signed = reviewed + rng.int(5, 60)
      supervisor = directory.pick(rng, { type: 'SUPERVISOR', day: signed, regionCode, local: 0.4, out: 0.12 })
      chief = keyPerson(rng, supervisor, signed, false)
      supervisorFiled = this.contract(rng, projectId, regionCode, authorityId, 'SUPERVISOR', supervisor, signed, Math.max(3, investment * rng.float(0.008, 0.02)), null, chief)
    }
    if (contractorFiled === null || (needsSupervisor && supervisorFiled === null) || stopBefore === 'SUPERVISION') return

    // stage 3: quality and safety supervision
    const supervised = nextWorkingDay(Math.max(contractorFiled, supervisorFiled ?? 0) + rng.int(1, 20))
    if (supervised > asOf) return
    writer.add('SupervisionFiling', {
      id: ids.next(ID_TAGS.SupervisionFiling),
      projectId,
      filingNumber: this.number('JD', regionCode, supervised),
      supervisionStation: geo.supervisionStation(regionCode),
      filedOn: dateOf(supervised),
      authorityId,
      status: 'ACTIVE',
    })
    if (stopBefore === 'PERMIT') return

    // stage 4: construction permit (a few big projects are permitted by the province)
    const wanted = nextWorkingDay(supervised + rng.int(1, 25))
    if (wanted > asOf) return
    const issued = this.permitSlots.peek(regionCode, wanted)
    if (issued > asOf) return
    // The form refuses a permit whose 项目经理 or 总监理工程师 is not validly registered with the
    // enterprise on the issue day (a registration that lapsed since the tender): such a project
    // waits for a new appointment, which the demo leaves out, so it stays before its permit.
    if (!qualifies(manager, 'manager', contractor, issued)) return
    if (chief && supervisor && !qualifies(chief, 'chief', supervisor, issued)) return
    const { seq: permitSeq } = this.permitSlots.allocate(regionCode, issued)
    const byProvince = (investment >= 100_000 && rng.chance(0.35)) || rng.chance(0.003)
    const permitAuthorityId = byProvince ? geo.provinceAuthorityId : authorityId
    const start = issued + rng.int(0, 30)
    const plannedEnd = addMonths(start, months)
    let revokedOn: Day | null = null
    let reason: string | null = null
    if (rng.chance(0.01) && asOf - issued >= 20) {
      revokedOn = nextWorkingDay(issued + rng.int(20, Math.min(365, asOf - issued)))
      if (revokedOn > asOf) revokedOn = null
      else reason = rng.pick(REVOCATION_REASONS)
    }
    const permitId = ids.next(ID_TAGS.ConstructionPermit)
    const permitNumber = makePermitNumber(regionCode, isoOf(issued), permitSeq, category, geo.knowsRegion)
    writer.add('ConstructionPermit', {
      id: permitId,
      projectId,
      permitNumber,
      regionCode,
      authorityId: permitAuthorityId,
      issuedOn: dateOf(issued),
      scale: scaleText,
      floorArea,
      contractPrice: money(contractPrice),
      plannedStartOn: dateOf(start),
      plannedEndOn: dateOf(plannedEnd),
      contractorId: contractor.id,
      supervisorId: supervisor?.id ?? null,
      projectManagerId: manager.id,
      chiefSupervisorId: chief?.id ?? null,
      status: revokedOn === null ? 'ACTIVE' : 'REVOKED',
      revokedOn: revokedOn === null ? null : dateOf(revokedOn),
      revocationReason: reason,
    })
    this.certificate({ permitId }, regionCode, projectCode, owner.uscc, issued, revokedOn, reason, {
      type: 'CONSTRUCTION_PERMIT',
      permitNumber,
      projectName: name,
      projectAddress: address,
      ownerName: owner.name,
      contractorName: contractor.name,
      supervisorName: supervisor?.name ?? null,
      scale: scaleText,
      floorArea,
      contractPrice: money(contractPrice),
      plannedStartOn: isoOf(start),
      plannedEndOn: isoOf(plannedEnd),
    })

    // stage 5: completion acceptance and filing, once the works are done
    let accepted: Day | null = null
    // the day the works are accepted (maybe after as-of); delays are common
    const acceptedDay = Math.max(start + 120, plannedEnd + rng.int(-45, 240))
    if (revokedOn === null && !stalls) {
      const wantedFiling = nextWorkingDay(acceptedDay + rng.int(3, 15))
      if (wantedFiling <= asOf) {
        const { day: filed, seq } = this.completionSlots.allocate(regionCode, wantedFiling)
        if (filed <= asOf) {
          accepted = acceptedDay
          const filingId = ids.next(ID_TAGS.CompletionFiling)
          const filingNumber = makeCompletionFilingNumber(regionCode, isoOf(filed), seq, category, geo.knowsRegion)
          const actualCost = money(contractPrice * rng.float(0.96, 1.12))
          const actualArea = floorArea === null ? null : round2(floorArea * rng.float(0.99, 1.02))
          writer.add('CompletionFiling', {
            id: filingId,
            projectId,
            filingNumber,
            regionCode,
            authorityId: permitAuthorityId,
            acceptedOn: dateOf(acceptedDay),
            filedOn: dateOf(filed),
            actualCost,
            actualArea,
            status: 'ACTIVE',
            revokedOn: null,
            revocationReason: null,
          })
          this.certificate({ completionFilingId: filingId }, regionCode, projectCode, owner.uscc, filed, null, null, {
            type: 'COMPLETION_FILING',
            filingNumber,
            projectName: name,
            projectAddress: address,
            ownerName: owner.name,
            contractorName: contractor.name,
            supervisorName: supervisor?.name ?? null,
            acceptedOn: isoOf(acceptedDay),
            filedOn: isoOf(filed),
            actualCost,
            actualArea,
          })
        }
      }
    }

    // what happened on site, while the works ran (records that fall after as-of are not written,
    // so a project still under way has had only its share of them)
    const workTo = revokedOn ?? (stalls ? start + rng.int(60, 400) : acceptedDay)
    writeProjectRecords(rng, geo, this.c.records, {
      projectId,
      projectName: name,
      regionCode,
      category,
      investment,
      contractPrice,
      owner,
      contractor,
      supervisor,
      projectManagerId: manager.id,
      chiefSupervisorId: chief?.id ?? null,
      tenderDay,
      permitDay: issued,
      workFrom: start,
      workTo,
      acceptedDay: accepted,
      revokedForFraud: reason === FRAUD_REASON ? revokedOn : null,
    })
  }

  /**
   * The owner: a developer (mostly local), or a state-owned or public owner of the project's
   * own city or county in a fitting role — failing that its 城投 or 代建中心, then any of its
   * state-owned owners, then a local developer (never another county's government body).
   */
  private owner(rng: Rng, need: OwnerNeed, regionCode: string, day: Day): EnterpriseRef {
    const { directory } = this.c
    const developer = () => directory.pick(rng, { type: 'OWNER', ownerKind: 'DEVELOPER', day, regionCode, local: 0.7, out: 0.05 })
    if (need === 'DEVELOPER') return developer()
    return (
      directory.pickLocal(rng, { type: 'OWNER', ownerRoles: need, day, regionCode }) ??
      directory.pickLocal(rng, { type: 'OWNER', ownerRoles: ['URBAN', 'AGENT'], day, regionCode }) ??
      directory.pickLocal(rng, { type: 'OWNER', ownerKind: 'STATE', day, regionCode }) ??
      developer()
    )
  }

  private participant(projectId: string, e: EnterpriseRef, role: ParticipantRole): void {
    this.c.writer.add('ProjectParticipant', { id: this.c.ids.next(ID_TAGS.ProjectParticipant), projectId, enterpriseId: e.id, role })
  }

  private keyRole(projectId: string, personId: string, role: 'PROJECT_MANAGER' | 'CHIEF_SUPERVISOR' | 'DESIGN_LEAD' | 'SURVEY_LEAD'): void {
    this.c.writer.add('ProjectKeyPerson', { id: this.c.ids.next(ID_TAGS.ProjectKeyPerson), projectId, personId, role })
  }

  /**
   * Files a contract (stage 1) and records the party and its key person; returns the filing
   * day, or null when that is after as-of (then nothing is written).
   */
  private contract(
    rng: Rng,
    projectId: string,
    regionCode: string,
    authorityId: string,
    role: 'SURVEY' | 'DESIGN' | 'CONTRACTOR' | 'SUPERVISOR',
    party: EnterpriseRef,
    signed: Day,
    price: number,
    leadRole: 'SURVEY_LEAD' | 'DESIGN_LEAD' | null,
    person?: KeyPersonRef | null,
  ): Day | null {
    const filed = nextWorkingDay(signed + rng.int(1, 15))
    const lead = leadRole ? keyPerson(rng, party, signed, false) : person ?? null
    if (filed > this.c.asOf) return null
    this.c.writer.add('ContractFiling', {
      id: this.c.ids.next(ID_TAGS.ContractFiling),
      projectId,
      filingNumber: this.number('HT', regionCode, filed),
      partyRole: role,
      partyId: party.id,
      contractPrice: money(price),
      signedOn: dateOf(signed),
      filedOn: dateOf(filed),
      authorityId,
      status: 'ACTIVE',
    })
    this.participant(projectId, party, role)
    const keyRole = leadRole ?? (role === 'CONTRACTOR' ? 'PROJECT_MANAGER' : 'CHIEF_SUPERVISOR')
    if (lead) this.keyRole(projectId, lead.id, keyRole)
    return filed
  }

  /**
   * Issues and signs the certificate of a permit or filing. The facts are the values just
   * written, in the form the verification reads them back (web/server/certificates/
   * certificates-repository.ts); the seed's tests verify every certificate against the rows.
   */
  private certificate(
    link: { permitId: string } | { completionFilingId: string },
    regionCode: string,
    projectCode: string,
    holderUscc: string,
    issued: Day,
    revokedOn: Day | null,
    reason: string | null,
    facts: CertificateFacts,
  ): void {
    const type = facts.type
    const serial = this.certificateSerial(type, regionCode, issued)
    // another province's certificate (national data) is not this portal's to sign: its signed
    // payload holds only Hainan codes (shared/certificates/payload.ts), so it stays unsigned
    const { keyId, signature } = this.c.geo.profile.signsCertificates === false
      ? { keyId: null, signature: null }
      : this.c.signer.sign({
          type,
          serial,
          projectCode,
          holderUscc,
          issuedOn: isoOf(issued),
          factsDigest: certificateFactsDigest(facts),
        })
    this.c.writer.add('Certificate', {
      id: this.c.ids.next(ID_TAGS.Certificate),
      type,
      serial,
      permitId: 'permitId' in link ? link.permitId : null,
      completionFilingId: 'completionFilingId' in link ? link.completionFilingId : null,
      projectCode,
      holderUscc,
      issuedOn: dateOf(issued),
      validUntil: null,
      status: revokedOn === null ? 'VALID' : 'REVOKED',
      statusChangedAt: revokedOn === null ? null : dateOf(revokedOn),
      statusReason: reason,
      supersededById: null,
      keyId,
      signature,
      createdAt: dateOf(issued),
    })
  }
}

/** Registration days of one month: working days mostly, as many as `count`. */
function registrationDays(rng: Rng, year: number, month: number, lastDay: Day, count: number): Day[] {
  const first = ymdToDay(year, month, 1)
  const last = Math.min(lastDay, ymdToDay(year, month, daysInMonth(year, month)))
  const days: Day[] = []
  for (let i = 0; i < count; i++) {
    let d = rng.int(first, last)
    if (isWeekend(d) && rng.chance(0.85)) d = rng.int(first, last)
    days.push(d)
  }
  return days
}

/** Writes every project with its stages, year by year; returns the number of projects. */
export async function writeProjects(c: ProjectContext): Promise<number> {
  const generator = new ProjectGenerator(c)
  const lastYear = yearOf(c.asOf)
  let written = 0
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    // months up to as-of; the last one pro rata
    const weights = MONTH_WEIGHTS.map((w, i) => {
      const first = ymdToDay(year, i + 1, 1)
      if (first > c.asOf) return 0
      const last = ymdToDay(year, i + 1, daysInMonth(year, i + 1))
      return last <= c.asOf ? w : (w * (c.asOf - first + 1)) / (last - first + 1)
    })
    const fraction = weights.reduce((a, b) => a + b, 0) / MONTH_WEIGHTS.reduce((a, b) => a + b, 0)
    const total = Math.round(PROJECTS_PER_SCALE_PER_YEAR * c.scale * (YEAR_FACTORS[year] ?? 1) * fraction)
    const perMonth = apportion(total, weights)
    for (let month = 1; month <= 12; month++) {
      if (perMonth[month - 1] === 0) continue
      const rng = c.rng.fork(`${year}-${month}`)
      const items = registrationDays(rng, year, month, c.asOf, perMonth[month - 1])
        .map((day, i) => ({ day, i, region: c.geo.pickProjectRegion(rng, year) }))
        .sort((a, b) => a.day - b.day || a.i - b.i)
      const sequences = new Map<string, number>()
      generator.pruneBefore(ymdToDay(year, month, 1))
      for (const item of items) {
        const seq = (sequences.get(item.region) ?? 0) + 1
        sequences.set(item.region, seq)
        generator.write(rng, item.region, item.day, seq)
        written++
        await c.writer.maybeFlush()
      }
    }
    c.log?.(`  ${year}: ${total} projects`)
  }
  return written
}
