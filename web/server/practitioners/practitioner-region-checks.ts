// The region checks practitioner writes start with, as the errors staff see: a person outside the
// actor's regions is not found, an employer outside them is not accepted. The rule itself (a
// practitioner's region is its employer's) is personRegionWhere in staff-practitioners-repository.ts.
import type { Actor } from '@shared/staff/actor'
import { InputError, NotFoundError } from '@web/server/lib/errors'
import type { PractitionerLookups } from './practitioner-write-lookups'
import type { StaffPractitionersRepository } from './staff-practitioners-repository'

/** The person with the audited fields, or NotFoundError when absent or outside the actor's regions. */
export async function personInRegion(people: StaffPractitionersRepository, actor: Actor, personId: string) {
  const person = await people.findAuditFieldsInRegion(actor, personId)
  if (!person) throw new NotFoundError('从业人员')
  return person
}

/** The id of the employer named by USCC, which must be of the actor's regions (InputError on employerUscc). */
export async function employerIdFor(people: StaffPractitionersRepository, actor: Actor, uscc: string, lookups: PractitionerLookups = {}): Promise<string> {
  // the map holds only employers found in the actor's regions: any other USCC is asked of the database
  const employerId = lookups.employersInRegion?.get(uscc) ?? (await people.employerIdInRegion(actor, uscc))
  // one message for both: an officer must not learn which USCCs another region holds
  if (!employerId) throw new InputError({ employerUscc: '未找到本地区登记的该企业，请先登记企业' })
  return employerId
}
