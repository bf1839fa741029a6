// 人员库: practitioners with valid ID numbers, each employed by an enterprise, with the
// practice registrations (执业注册) that fit the employer's type. The people a project
// needs in a key role (项目经理, 总监理工程师, design and survey leads) are noted in the
// employer's directory entry; nothing else is kept.
import type { EnterpriseType, RegistrationType } from '../../shared/domain/enums.ts'
import { makeIdNumber } from '../../shared/validators/id-number.ts'
import { sealIdNumber, sealPersonPhone } from '../../web/server/personal-data/personal-data.ts'
import { makePracticeRegistrationNumber } from '../../shared/validators/codes.ts'
import type { BatchWriter } from './batch-writer.ts'
import { addYears, compactOf, dateOf, type Day, yearOf, ymdToDay } from './days.ts'
import { PLATFORM_START, type EnterpriseDirectory, type EnterpriseRef } from './enterprises.ts'
import { ID_TAGS, type IdFactory } from './ids.ts'
import { mobilePhone, personName } from './names.ts'
import { Rng } from './random.ts'
import type { Geography } from './regions-and-authorities.ts'

export const PEOPLE_PER_SCALE = 8000

/** Share of the practitioners employed by each type of enterprise. */
const PEOPLE_SHARES: Record<EnterpriseType, number> = {
  CONTRACTOR: 0.58,
  SUPERVISOR: 0.14,
  DESIGN: 0.1,
  SURVEY: 0.04,
  COST_CONSULTANT: 0.06,
  TENDER_AGENT: 0.02,
  LANDSCAPING: 0.02,
  QUALITY_TESTING: 0.02,
  OWNER: 0.02,
}

/** Registrations held by people of each employer type (null: none, e.g. site staff). */
const REGISTRATION_MIX: Record<EnterpriseType, [RegistrationType | null, number][]> = {
  CONTRACTOR: [['CONSTRUCTOR_1', 0.33], ['CONSTRUCTOR_2', 0.47], ['SAFETY_ENGINEER', 0.1], ['COST_ENGINEER_1', 0.04], [null, 0.06]],
  SUPERVISOR: [['SUPERVISION_ENGINEER', 0.85], ['COST_ENGINEER_1', 0.05], ['SAFETY_ENGINEER', 0.05], [null, 0.05]],
  DESIGN: [['ARCHITECT_1', 0.48], ['STRUCTURAL_ENGINEER_1', 0.42], [null, 0.1]],
  SURVEY: [['SURVEY_ENGINEER', 0.75], ['STRUCTURAL_ENGINEER_1', 0.1], [null, 0.15]],
  COST_CONSULTANT: [['COST_ENGINEER_1', 0.85], [null, 0.15]],
  TENDER_AGENT: [['COST_ENGINEER_1', 0.5], [null, 0.5]],
  LANDSCAPING: [['CONSTRUCTOR_2', 0.6], ['CONSTRUCTOR_1', 0.1], [null, 0.3]],
  QUALITY_TESTING: [['STRUCTURAL_ENGINEER_1', 0.3], [null, 0.7]],
  OWNER: [['CONSTRUCTOR_1', 0.1], ['SAFETY_ENGINEER', 0.1], [null, 0.8]],
}

/** The registration that makes someone a key person of a project, per employer type. */
const KEY_REGISTRATIONS: Partial<Record<EnterpriseType, RegistrationType[]>> = {
  CONTRACTOR: ['CONSTRUCTOR_1', 'CONSTRUCTOR_2'],
  SUPERVISOR: ['SUPERVISION_ENGINEER'],
  DESIGN: ['ARCHITECT_1', 'STRUCTURAL_ENGINEER_1'],
  SURVEY: ['SURVEY_ENGINEER'],
}

/**
 * The digit after the province abbreviation in our registration numbers, per type:
 * {abbreviation}{type digit}{province 2}{year 4}{seq 5}, e.g. 琼146202400123 (一级建造师,
 * Hainan, first registered 2024). Fits shared's practiceRegistrationNumber format.
 */
const REGISTRATION_DIGITS: Record<RegistrationType, string> = {
  CONSTRUCTOR_1: '1',
  CONSTRUCTOR_2: '2',
  SUPERVISION_ENGINEER: '3',
  ARCHITECT_1: '4',
  STRUCTURAL_ENGINEER_1: '5',
  COST_ENGINEER_1: '6',
  SURVEY_ENGINEER: '7',
  SAFETY_ENGINEER: '8',
}

/** Years between renewals of a registration certificate. */
const RENEWAL_YEARS: Record<RegistrationType, number> = {
  CONSTRUCTOR_1: 3,
  CONSTRUCTOR_2: 3,
  SUPERVISION_ENGINEER: 3,
  ARCHITECT_1: 2,
  STRUCTURAL_ENGINEER_1: 2,
  COST_ENGINEER_1: 4,
  SURVEY_ENGINEER: 3,
  SAFETY_ENGINEER: 5,
}

/** National registration systems were in place for all of these by 2005. */
const REGISTRATION_START = ymdToDay(2005, 1, 1)

const MALE_SHARE: Partial<Record<EnterpriseType, number>> = {
  CONTRACTOR: 0.88, SUPERVISOR: 0.85, SURVEY: 0.85, DESIGN: 0.7, COST_CONSULTANT: 0.5, TENDER_AGENT: 0.45,
}

/** County-level code for the address part of an ID number: mostly the province's own (current, or pre-2002 for the older), else another province's. */
function idRegion(rng: Rng, geo: Geography, employer: EnterpriseRef, birthYear: number): string {
  const { current, old, others } = geo.profile.idRegions
  const localShare = employer.inProvince ? 0.62 : 0.12
  // a national partition draws only its own codes, so that ID numbers of two partitions never clash
  if (rng.chance(localShare) || others.length === 0) {
    return birthYear < 1985 && old.length && rng.chance(0.5) ? rng.pick(old) : rng.pick(current)
  }
  if (!employer.inProvince && rng.chance(0.5)) {
    const same = others.filter((c) => c.startsWith(employer.regionCode.slice(0, 2)))
    if (same.length) return rng.pick(same)
  }
  return rng.pick(others)
}

function specialtyFor(rng: Rng, type: RegistrationType, employer: EnterpriseRef): string {
  switch (type) {
    case 'CONSTRUCTOR_1':
    case 'CONSTRUCTOR_2':
      if (employer.type === 'LANDSCAPING' || (employer.type === 'CONTRACTOR' && !employer.building)) return '市政公用工程'
      return rng.weighted([['建筑工程', 0.72], ['市政公用工程', 0.22], ['机电工程', 0.06]])
    case 'SUPERVISION_ENGINEER':
      return rng.chance(0.75) ? '房屋建筑工程' : '市政公用工程'
    case 'ARCHITECT_1':
      return '建筑'
    case 'STRUCTURAL_ENGINEER_1':
      return '结构'
    case 'COST_ENGINEER_1':
      return rng.chance(0.75) ? '土木建筑工程' : '安装工程'
    case 'SURVEY_ENGINEER':
      return '岩土工程'
    case 'SAFETY_ENGINEER':
      return '建筑施工安全'
  }
}

/** Headcount per enterprise: proportional to weight (systematic sampling), at least `core`. */
function headcounts(rng: Rng, employers: EnterpriseRef[], total: number, core: number): number[] {
  const weightSum = employers.reduce((s, e) => s + e.weight, 0)
  let cumulative = rng.next()
  let previous = Math.floor(cumulative)
  return employers.map((e) => {
    cumulative += (total * e.weight) / weightSum
    const n = Math.floor(cumulative) - previous
    previous = Math.floor(cumulative)
    return Math.max(core, n)
  })
}

export async function writePeople(
  rng: Rng,
  writer: BatchWriter,
  ids: IdFactory,
  geo: Geography,
  directory: EnterpriseDirectory,
  scale: number,
  asOf: Day,
): Promise<void> {
  const usedIds = new Set<string>()
  const registrationSeq = new Map<string, number>()
  const total = PEOPLE_PER_SCALE * scale

  for (const [type, share] of Object.entries(PEOPLE_SHARES) as [EnterpriseType, number][]) {
    const typeRng = rng.fork(type)
    const employers = directory.byType.get(type) ?? []
    if (employers.length === 0) continue
    const key = KEY_REGISTRATIONS[type]
    const core = key || type === 'COST_CONSULTANT' ? 1 : 0
    const counts = headcounts(typeRng, employers, Math.round(total * share), core)
    for (let i = 0; i < employers.length; i++) {
      const employer = employers[i]
      for (let j = 0; j < counts[i]; j++) {
        // the first person of a firm that needs one holds the key registration from the start
        const isCore = j === 0 && core > 0
        writePerson(typeRng, writer, ids, geo, employer, isCore, asOf, usedIds, registrationSeq)
      }
      await writer.maybeFlush()
    }
  }
  directory.finalize()
}

function writePerson(
  rng: Rng,
  writer: BatchWriter,
  ids: IdFactory,
  geo: Geography,
  employer: EnterpriseRef,
  isCore: boolean,
  asOf: Day,
  usedIds: Set<string>,
  registrationSeq: Map<string, number>,
): void {
  const male = rng.chance(MALE_SHARE[employer.type] ?? 0.7)
  const estYear = yearOf(employer.estDay)
  // a founding key person is old enough to have been registered when the firm started
  const birthYear = isCore ? rng.int(1960, Math.min(1990, Math.max(1960, estYear - 26))) : Math.round(rng.float(1960, 1998.99) * 0.5 + rng.float(1968, 1992.99) * 0.5)
  const birthDay = ymdToDay(birthYear, 1, 1) + rng.int(0, 364)
  const region = idRegion(rng, geo, employer, birthYear)
  let idNumber: string
  do {
    const sequence = rng.int(0, 499) * 2 + (male ? 1 : 0)
    idNumber = makeIdNumber(region, compactOf(birthDay), sequence)
  } while (usedIds.has(idNumber))
  usedIds.add(idNumber)

  let registrationType: RegistrationType | null
  if (isCore) {
    registrationType =
      employer.type === 'CONTRACTOR' ? (employer.tier <= 1 ? 'CONSTRUCTOR_1' : 'CONSTRUCTOR_2')
      : employer.type === 'SUPERVISOR' ? 'SUPERVISION_ENGINEER'
      : employer.type === 'DESIGN' ? 'ARCHITECT_1'
      : employer.type === 'SURVEY' ? 'SURVEY_ENGINEER'
      : 'COST_ENGINEER_1'
  } else {
    registrationType = rng.weighted(REGISTRATION_MIX[employer.type])
  }

  const personId = ids.next(ID_TAGS.Person)
  const latest = asOf - 30
  const earliest = Math.min(latest, Math.max(employer.estDay + 30, addYears(birthDay, 25), REGISTRATION_START))
  const issuedDay = isCore
    ? Math.min(latest, earliest + rng.int(0, 120))
    : Math.round(earliest + (latest - earliest) * Math.pow(rng.next(), 1.3))
  const created = Math.min(asOf, Math.max(PLATFORM_START, registrationType ? issuedDay : employer.estDay + 30))
  // written as the repositories write them: encrypted, with the ID number's keyed hash
  writer.add('Person', {
    id: personId,
    name: personName(rng, male),
    ...sealIdNumber(idNumber),
    gender: male ? '男' : '女',
    phone: sealPersonPhone(rng.chance(0.95) ? mobilePhone(rng) : null),
    employerId: employer.id,
    createdAt: dateOf(created),
    updatedAt: dateOf(created),
  })
  if (!registrationType) return

  const types: RegistrationType[] = [registrationType]
  // some constructors and supervisors also hold a safety-engineer registration
  if ((registrationType === 'CONSTRUCTOR_1' || registrationType === 'CONSTRUCTOR_2') && rng.chance(0.08)) types.push('SAFETY_ENGINEER')
  for (const type of types) {
    const region = geo.region(employer.regionCode)
    const issued = type === registrationType ? issuedDay : Math.min(latest, issuedDay + rng.int(30, 900))
    const year = yearOf(issued)
    const key = `${region.abbreviation}${REGISTRATION_DIGITS[type]}${region.provinceCode}${year}`
    const seq = (registrationSeq.get(key) ?? 0) + 1
    registrationSeq.set(key, seq)
    // validity: renewed every few years; some have lapsed
    const period = RENEWAL_YEARS[type]
    let validUntil = addYears(issued, period)
    while (validUntil <= asOf) validUntil = addYears(validUntil, period)
    if (rng.chance(0.07) && addYears(validUntil, -period) > issued) validUntil = addYears(validUntil, -period)
    writer.add('Registration', {
      id: ids.next(ID_TAGS.Registration),
      personId,
      type,
      number: makePracticeRegistrationNumber(region.abbreviation, `${REGISTRATION_DIGITS[type]}${region.provinceCode}${year}${String(seq).padStart(5, '0')}`),
      specialty: specialtyFor(rng, type, employer),
      employerId: employer.id,
      issuedOn: dateOf(issued),
      validUntil: dateOf(validUntil),
    })
    if (KEY_REGISTRATIONS[employer.type]?.includes(type)) {
      employer.keyPeople.push({ id: personId, registrationType: type, issuedDay: issued, validUntilDay: validUntil, senior: type !== 'CONSTRUCTOR_2' })
    }
  }
}
