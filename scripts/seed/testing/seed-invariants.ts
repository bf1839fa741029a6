// The consistency rules every seeded database keeps, as checks for the seed's db tests: the
// demo's (seed.db.test.ts) and the national data's (national/national-seed.db.test.ts).
//
// Codes: the portal's validators accept only Hainan's regions (shared/validators/codes.ts), so a
// code of another province's region (national data) is checked by layout instead: the region
// part is the row's region, and the rest parses as it would for a Hainan region.
import { expect } from 'vitest'
import type { Db } from '../../../prisma/client.ts'
import { registrationQualifies, type KeyPersonKind } from '../../../shared/domain/key-people.ts'
import { checkStageSequence, type StageEvent } from '../../../shared/domain/stages.ts'
import { isKnownRegionCode } from '../../../shared/regions/hainan.ts'
import { isValidIdNumber } from '../../../shared/validators/id-number.ts'
import { isValidUscc } from '../../../shared/validators/uscc.ts'
import {
  isValidCertificateSerial, isValidCompletionFilingNumber, isValidPermitNumber, isValidPracticeRegistrationNumber,
  isValidProjectCode, parseCertificateSerial, parseCompletionFilingNumber, parsePermitNumber, parseProjectCode,
} from '../../../shared/validators/codes.ts'
import { openPersonRow } from '../../../web/server/personal-data/personal-data.ts'
import { RECORD_CATEGORIES } from '../records.ts'

export const iso = (d: Date) => d.toISOString().slice(0, 10)

/**
 * A code whose region part (at `at`, 6 digits) is the given region: as the portal's validator
 * reads it for a Hainan region; for another region, the same code with a Hainan region in its
 * place (460100) must read so, its check digit aside.
 */
function asHainan(code: string, at: number, regionCode: string): string {
  expect(code.slice(at, at + 6), code).toBe(regionCode)
  return isKnownRegionCode(regionCode) ? code : code.slice(0, at) + '460100' + code.slice(at + 6)
}

/**
 * The permit numbers whose 项目经理 or 总监理工程师 the staff form would refuse: the form's rule
 * (shared/domain/key-people.ts, checked by web/server/projects/permit-content.ts) is a registration
 * of the right type with the permit's contractor or supervisor, valid on the permit's issue day.
 * The export round trip and every correction of a seeded permit go through that check.
 */
export async function permitsTheFormRefuses(db: Db): Promise<string[]> {
  const permits = await db.constructionPermit.findMany({
    select: {
      permitNumber: true,
      issuedOn: true,
      contractorId: true,
      supervisorId: true,
      projectManager: { select: { registrations: true } },
      chiefSupervisor: { select: { registrations: true } },
    },
  })
  expect(permits.length).toBeGreaterThan(0)
  type Registration = (typeof permits)[number]['projectManager']['registrations'][number]
  const qualified = (registrations: Registration[], kind: KeyPersonKind, employerId: string | null, on: Date) =>
    employerId !== null &&
    registrations.some((r) => registrationQualifies({ type: r.type, employerId: r.employerId, issuedOn: iso(r.issuedOn), validUntil: iso(r.validUntil) }, kind, employerId, iso(on)))
  return permits
    .filter(
      (p) =>
        !qualified(p.projectManager.registrations, 'manager', p.contractorId, p.issuedOn) ||
        (p.chiefSupervisor !== null && !qualified(p.chiefSupervisor.registrations, 'chief', p.supervisorId, p.issuedOn)),
    )
    .map((p) => p.permitNumber)
}

/** Valid USCCs whose region part is the enterprise's region, established by as-of, unique names. */
export async function expectEnterprisesConsistent(db: Db, asOf: string): Promise<void> {
  const enterprises = await db.enterprise.findMany()
  for (const e of enterprises) {
    expect(isValidUscc(e.uscc), e.uscc).toBe(true)
    expect(e.uscc.slice(2, 8)).toBe(e.regionCode)
    if (e.name.endsWith('公司')) expect(e.uscc.slice(0, 2)).toBe('91')
    expect(iso(e.establishedOn) <= asOf).toBe(true)
  }
  expect(new Set(enterprises.map((e) => e.name)).size).toBe(enterprises.length)
}

/** Valid ID numbers and registration numbers; registrations sit with the employer. */
export async function expectPeopleConsistent(db: Db, asOf: string): Promise<void> {
  const people = (await db.person.findMany({ include: { registrations: true, employer: true } })).map(openPersonRow)
  for (const p of people) {
    expect(isValidIdNumber(p.idNumber, asOf), p.idNumber).toBe(true)
    const birthYear = Number(p.idNumber.slice(6, 10))
    expect(birthYear).toBeGreaterThanOrEqual(1960)
    expect(birthYear).toBeLessThanOrEqual(1998)
    expect(p.gender).toBe(Number(p.idNumber[16]) % 2 === 1 ? '男' : '女')
    expect(p.employer).not.toBeNull()
    for (const r of p.registrations) {
      expect(isValidPracticeRegistrationNumber(r.number), r.number).toBe(true)
      expect(r.employerId).toBe(p.employerId)
      expect(r.validUntil.getTime()).toBeGreaterThan(r.issuedOn.getTime())
    }
  }
}

/** The five stages of every project in order, under one project code, each with its certificate. */
export async function expectStagesInOrder(db: Db): Promise<void> {
  const projects = await db.project.findMany({
    include: {
      owner: true, contractFilings: true, drawingReviews: true, supervisionFilings: true,
      permits: { include: { certificate: true } }, completionFilings: { include: { certificate: true } },
    },
  })
  let permits = 0
  let completions = 0
  for (const p of projects) {
    const projectCode = asHainan(p.projectCode, 0, p.regionCode)
    expect(isValidProjectCode(projectCode), p.projectCode).toBe(true)
    expect(parseProjectCode(projectCode)).not.toBeNull()
    const events: StageEvent[] = [
      ...p.contractFilings.map((s) => ({ stage: 'CONTRACT_FILING' as const, date: iso(s.filedOn) })),
      ...p.drawingReviews.map((s) => ({ stage: 'DRAWING_REVIEW' as const, date: iso(s.passedOn) })),
      ...p.supervisionFilings.map((s) => ({ stage: 'SUPERVISION_FILING' as const, date: iso(s.filedOn) })),
      ...p.permits.map((s) => ({ stage: 'CONSTRUCTION_PERMIT' as const, date: iso(s.issuedOn) })),
      ...p.completionFilings.map((s) => ({ stage: 'COMPLETION_FILING' as const, date: iso(s.filedOn) })),
    ]
    expect(checkStageSequence(events), p.projectCode).toEqual([])
    for (const e of events) expect(e.date >= iso(p.registeredOn)).toBe(true)
    for (const c of p.contractFilings) expect(c.signedOn.getTime()).toBeLessThanOrEqual(c.filedOn.getTime())
    for (const permit of p.permits) {
      permits++
      const permitNumber = asHainan(permit.permitNumber, 0, p.regionCode)
      expect(isValidPermitNumber(permitNumber)).toBe(true)
      expect(parsePermitNumber(permitNumber)).toMatchObject({ date: iso(permit.issuedOn), category: p.category })
      expect(permit.regionCode).toBe(p.regionCode)
      expect(permit.plannedEndOn.getTime()).toBeGreaterThan(permit.plannedStartOn.getTime())
      const cert = permit.certificate
      expect(cert?.type).toBe('CONSTRUCTION_PERMIT')
      expect(cert?.projectCode).toBe(p.projectCode)
      expect(cert?.holderUscc).toBe(p.owner.uscc)
      expect(cert && iso(cert.issuedOn)).toBe(iso(permit.issuedOn))
      expect(cert?.status).toBe(permit.status === 'REVOKED' ? 'REVOKED' : 'VALID')
      if (permit.status === 'REVOKED') {
        expect(permit.revokedOn && permit.revocationReason).toBeTruthy()
        expect(cert?.statusChangedAt?.getTime()).toBe(permit.revokedOn?.getTime())
        expect(p.completionFilings).toEqual([])
      }
    }
    for (const filing of p.completionFilings) {
      completions++
      const filingNumber = asHainan(filing.filingNumber, 2, p.regionCode)
      expect(isValidCompletionFilingNumber(filingNumber)).toBe(true)
      expect(parseCompletionFilingNumber(filingNumber)).toMatchObject({ date: iso(filing.filedOn) })
      expect(filing.acceptedOn.getTime()).toBeLessThanOrEqual(filing.filedOn.getTime())
      expect(filing.acceptedOn.getTime()).toBeGreaterThan(p.permits[0].issuedOn.getTime())
      expect(filing.certificate?.type).toBe('COMPLETION_FILING')
      expect(filing.certificate?.projectCode).toBe(p.projectCode)
      expect(filing.certificate?.holderUscc).toBe(p.owner.uscc)
    }
  }
  // not every project gets that far, but most do
  expect(permits / projects.length).toBeGreaterThan(0.6)
  expect(permits / projects.length).toBeLessThan(0.97)
  expect(completions).toBeGreaterThan(0)
  expect(completions).toBeLessThan(permits)
}

/** The permit holders are participants, with registered key people of those firms. */
export async function expectPermitHoldersConsistent(db: Db): Promise<void> {
  const permits = await db.constructionPermit.findMany({
    include: {
      project: { include: { participants: true, keyPeople: true } },
      projectManager: { include: { registrations: true } },
      chiefSupervisor: { include: { registrations: true } },
    },
  })
  for (const permit of permits) {
    const roles = (role: string) => permit.project.participants.filter((x) => x.role === role).map((x) => x.enterpriseId)
    expect(roles('CONTRACTOR')).toEqual([permit.contractorId])
    expect(roles('OWNER')).toEqual([permit.project.ownerId])
    if (permit.supervisorId) expect(roles('SUPERVISOR')).toEqual([permit.supervisorId])
    expect(permit.projectManager.employerId).toBe(permit.contractorId)
    expect(permit.projectManager.registrations.some((r) => r.type === 'CONSTRUCTOR_1' || r.type === 'CONSTRUCTOR_2')).toBe(true)
    expect(permit.project.keyPeople).toContainEqual(expect.objectContaining({ role: 'PROJECT_MANAGER', personId: permit.projectManagerId }))
    if (permit.chiefSupervisor) {
      expect(permit.chiefSupervisor.employerId).toBe(permit.supervisorId)
      expect(permit.chiefSupervisor.registrations.some((r) => r.type === 'SUPERVISION_ENGINEER')).toBe(true)
      expect(permit.project.keyPeople).toContainEqual(expect.objectContaining({ role: 'CHIEF_SUPERVISOR', personId: permit.chiefSupervisorId }))
    }
  }
}

/**
 * Unique, valid serials for every permit and completion filing, whose region part is the
 * project's; signed when `signed(regionCode)` says the portal signs it (the demo: all; the
 * national data: Hainan's).
 */
export async function expectCertificatesConsistent(db: Db, signed: (regionCode: string) => boolean): Promise<void> {
  const certificates = await db.certificate.findMany()
  expect(new Set(certificates.map((c) => c.serial)).size).toBe(certificates.length)
  expect(certificates.length).toBe((await db.constructionPermit.count()) + (await db.completionFiling.count()))
  for (const c of certificates) {
    expect(c.serial, c.serial).toMatch(/^[PC]\d{17}$/)
    expect(c.serial[0]).toBe(c.type === 'CONSTRUCTION_PERMIT' ? 'P' : 'C')
    expect(Number(c.serial.slice(1, 5))).toBe(c.issuedOn.getUTCFullYear())
    const regionCode = c.serial.slice(5, 11)
    expect(c.projectCode.slice(0, 6)).toBe(regionCode)
    if (isKnownRegionCode(regionCode)) {
      expect(isValidCertificateSerial(c.serial), c.serial).toBe(true)
      expect(parseCertificateSerial(c.serial)).toMatchObject({ type: c.type, year: c.issuedOn.getUTCFullYear() })
    }
    if (signed(regionCode)) {
      // signed when issued (web/lib/certificates/seeded-certificates.db.test.ts verifies them)
      expect(c.keyId).toBe('1')
      expect(c.signature).toMatch(/^[A-Za-z0-9_-]{86}$/)
    } else {
      expect(c.keyId).toBeNull()
      expect(c.signature).toBeNull()
    }
  }
}

/** Every integrity record has a known category, a decision number and a publication period. */
export async function expectRecordsConsistent(db: Db): Promise<void> {
  const records = await db.integrityRecord.findMany()
  expect(records.some((r) => r.kind === 'GOOD')).toBe(true)
  expect(records.some((r) => r.kind === 'BAD')).toBe(true)
  for (const r of records) {
    const category = RECORD_CATEGORIES[r.categoryCode as keyof typeof RECORD_CATEGORIES]
    expect(category, r.categoryCode).toBeDefined()
    expect(r.kind).toBe(category.kind)
    expect(r.points).toBe(category.points)
    expect(Math.sign(r.points)).toBe(r.kind === 'GOOD' ? 1 : -1)
    expect(r.decisionNumber).toMatch(/〔\d{4}〕.*号$/)
    expect(r.decisionNumber).toContain(`〔${r.decidedOn.getUTCFullYear()}〕`)
    expect(r.issuedBy.length).toBeGreaterThan(0)
    expect(r.publishFrom.getTime()).toBe(r.decidedOn.getTime())
    expect(r.publishUntil.getTime()).toBeGreaterThan(r.publishFrom.getTime())
    expect((r.enterpriseId === null) !== (r.personId === null)).toBe(true)
    expect(r.subjectType).toBe(r.enterpriseId ? 'ENTERPRISE' : 'PERSON')
  }
}

/** Nothing is dated after the as-of day (removableOn may lie ahead: it is when a listing will end). */
export async function expectNothingAfter(db: Db, asOf: string): Promise<void> {
  const end = new Date(`${asOf}T00:00:00.000Z`).getTime()
  const latest = async (rows: Promise<Record<string, unknown>[]>, columns: string[]) => {
    let max = 0
    for (const row of await rows) for (const c of columns) if (row[c] instanceof Date) max = Math.max(max, (row[c] as Date).getTime())
    return max
  }
  const checks: [Promise<Record<string, unknown>[]>, string[]][] = [
    [db.enterprise.findMany(), ['establishedOn', 'createdAt', 'updatedAt']],
    [db.qualification.findMany(), ['issuedOn']],
    [db.person.findMany(), ['createdAt', 'updatedAt']],
    [db.registration.findMany(), ['issuedOn']],
    [db.project.findMany(), ['registeredOn', 'createdAt', 'updatedAt']],
    [db.contractFiling.findMany(), ['signedOn', 'filedOn']],
    [db.drawingReview.findMany(), ['passedOn']],
    [db.supervisionFiling.findMany(), ['filedOn']],
    [db.constructionPermit.findMany(), ['issuedOn', 'revokedOn']],
    [db.completionFiling.findMany(), ['acceptedOn', 'filedOn']],
    [db.certificate.findMany(), ['issuedOn', 'statusChangedAt', 'createdAt']],
    [db.integrityRecord.findMany(), ['decidedOn', 'publishFrom', 'createdAt']],
    [db.user.findMany(), ['createdAt']],
    [db.creditGrade.findMany(), ['asOf', 'listedOn', 'computedAt']],
    [db.scoringStandard.findMany(), ['createdAt']],
    [db.objection.findMany(), ['submittedAt', 'statusChangedAt', 'updatedAt']],
    [db.auditLog.findMany(), ['at']],
  ]
  for (const [rows, columns] of checks) expect(await latest(rows, columns)).toBeLessThanOrEqual(end)
}
