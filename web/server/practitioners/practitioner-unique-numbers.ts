// The ID number and the registration number are unique (unique indexes): checked before a write
// so that the staff form can say which field is taken.
import { lookedUp } from '@web/server/enterprises/enterprise-write-lookups'
import { InputError } from '@web/server/lib/errors'
import type { PractitionerLookups } from './practitioner-write-lookups'
import type { StaffPractitionersRepository } from './staff-practitioners-repository'

export async function assertIdNumberFree(people: StaffPractitionersRepository, idNumber: string, lookups: PractitionerLookups = {}): Promise<void> {
  if (await lookedUp(lookups.idNumberHolders, idNumber, () => people.idNumberHolder(idNumber))) throw new InputError({ idNumber: '该身份证号已登记' })
}

export async function assertRegistrationNumberFree(people: StaffPractitionersRepository, number: string, exceptId?: string, lookups: PractitionerLookups = {}): Promise<void> {
  const holder = await lookedUp(lookups.registrationNumberHolders, number, () => people.registrationNumberHolder(number))
  if (holder && holder !== exceptId) throw new InputError({ number: '该执业注册编号已登记' })
}
