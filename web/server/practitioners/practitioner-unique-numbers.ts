// The ID number and the registration number are unique (unique indexes): checked before a write
// so that the staff form can say which field is taken.
import { InputError } from '@web/server/lib/errors'
import type { StaffPractitionersRepository } from './staff-practitioners-repository'

export async function assertIdNumberFree(people: StaffPractitionersRepository, idNumber: string): Promise<void> {
  if (await people.idNumberHolder(idNumber)) throw new InputError({ idNumber: '该身份证号已登记' })
}

export async function assertRegistrationNumberFree(people: StaffPractitionersRepository, number: string, exceptId?: string): Promise<void> {
  const holder = await people.registrationNumberHolder(number)
  if (holder && holder !== exceptId) throw new InputError({ number: '该执业注册编号已登记' })
}
