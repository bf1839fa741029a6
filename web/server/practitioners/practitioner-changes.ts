// What the practitioner write use cases share. A practitioner's region is its employer's: an
// officer acts only for people employed by enterprises of its regions; a person with no employer
// on record belongs to no city or county, so only the province's officers may act for them.
import type { Db } from '@db/client'
import { maskIdNumber, maskPhone } from '@shared/privacy/masking'
import type { Actor } from '@shared/staff/actor'
import type { RegistrationForm } from '@shared/staff-forms/subjects'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { InputError, NotFoundError } from '@web/server/lib/errors'
import { assertRegion } from '@web/server/staff/authorize'
import { isoDate } from '@web/server/lib/values'
import { dayDate } from '@web/server/records/staff-input'

/** Throws NotFoundError unless the actor acts for a person whose employer is in `employerRegion`. */
export function assertPersonRegion(actor: Actor, employerRegion: string | null | undefined, what = '从业人员'): void {
  if ((employerRegion === null || employerRegion === undefined) && actor.regions === 'ALL') return
  assertRegion(actor, employerRegion, what)
}

/** The employer named by USCC, which must be of the actor's regions (InputError on employerUscc). */
export async function employerFor(tx: Tx | Pick<Db, 'enterprise'>, actor: Actor, uscc: string): Promise<{ id: string; uscc: string; regionCode: string }> {
  const employer = await tx.enterprise.findUnique({ where: { uscc }, select: { id: true, uscc: true, regionCode: true } })
  // one message for both: an officer must not learn which USCCs another region holds
  if (!employer || (actor.regions !== 'ALL' && !actor.regions.includes(employer.regionCode))) {
    throw new InputError({ employerUscc: '未找到本地区登记的该企业，请先登记企业' })
  }
  return employer
}

/** The person's fields as the audit log keeps them: the ID number and phone masked. */
export function personAuditFields(row: { name: string; idNumber: string; gender: string; phone: string | null; employer: { uscc: string } | null }) {
  return { name: row.name, idNumber: maskIdNumber(row.idNumber), gender: row.gender, phone: row.phone ? maskPhone(row.phone) : null, employer: row.employer?.uscc ?? null }
}

export const personAuditSelect = { name: true, idNumber: true, gender: true, phone: true, employer: { select: { uscc: true, regionCode: true } } } as const

export function registrationData(form: RegistrationForm) {
  return { type: form.type, number: form.number, specialty: form.specialty, issuedOn: dayDate(form.issuedOn), validUntil: dayDate(form.validUntil) }
}

export function registrationAuditFields(row: { type: string; number: string; specialty: string; issuedOn: Date; validUntil: Date }) {
  return { type: row.type, number: row.number, specialty: row.specialty, issuedOn: isoDate(row.issuedOn), validUntil: isoDate(row.validUntil) }
}

export async function assertIdNumberFree(tx: Tx, idNumber: string): Promise<void> {
  if (await tx.person.findUnique({ where: { idNumber }, select: { id: true } })) throw new InputError({ idNumber: '该身份证号已登记' })
}

export async function assertRegistrationNumberFree(tx: Tx, number: string, exceptId?: string): Promise<void> {
  const holder = await tx.registration.findUnique({ where: { number }, select: { id: true } })
  if (holder && holder.id !== exceptId) throw new InputError({ number: '该执业注册编号已登记' })
}

/** The person with its employer's region, or NotFoundError when absent or outside the actor's regions. */
export async function personInRegion(tx: Tx, actor: Actor, personId: string) {
  const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, ...personAuditSelect, employerId: true } })
  if (!person) throw new NotFoundError('从业人员')
  assertPersonRegion(actor, person.employer?.regionCode)
  return person
}
