// Bulk import of 执业注册 (issue 13), keyed by registration number; a row names the person by ID
// number, who must be one of the actor's people. A number found on that person goes through the
// update body unless every field is already so; any other goes through the add body, whose number
// check refuses a number another person holds, as the form does.
//
// Per batch, what the bodies would read per row (the people, the registrations with the batch's
// numbers, which numbers are taken anywhere) is read in three queries and handed to the bodies.
import { REGISTRATIONS } from '@shared/import/subject-kinds'
import type { RegistrationForm } from '@shared/staff-forms/subjects'
import type { ImportHandler } from '@web/server/import/import-handler'
import { judgeRows, parsedValues, parseRows } from '@web/server/import/judge-row'
import { InputError } from '@web/server/lib/errors'
import { addRegistrationIn } from './add-registration'
import type { PractitionerLookups } from './practitioner-write-lookups'
import { registrationFormChanges } from './registration-fields'
import { createStaffPractitionersRepository, type RegistrationAuditRow } from './staff-practitioners-repository'
import { updateRegistrationIn } from './update-registration'

type Extra = { idNumber: string }

export const importRegistrations: ImportHandler = {
  permission: 'subjects.write',
  async writeBatch({ tx, actor, now, audit }, rows) {
    const parsed = parseRows<RegistrationForm, Extra>(REGISTRATIONS, rows)
    const valid = parsedValues(parsed)
    const numbers = [...new Set(valid.map((p) => p.form.number))]
    const people = createStaffPractitionersRepository(tx)
    // a registrations file registers no person, so the batch's people are all there is to find
    const persons = new Map(
      (await people.findManyAuditFieldsInRegionByIdNumber(actor, [...new Set(valid.map((p) => p.extra.idNumber))])).map((person) => [person.idNumber, person]),
    )
    const existing = new Map<string, RegistrationAuditRow & { id: string; personId: string }>(
      (await people.findRegistrationsInRegionByNumber(actor, numbers)).map((r) => [r.number, r]),
    )
    const lookups: PractitionerLookups = { registrationNumberHolders: await people.registrationNumberHolders(numbers) }

    return judgeRows(REGISTRATIONS, parsed, async (form, extra) => {
      const person = persons.get(extra.idNumber)
      // one message whether the person is unknown or another region's
      if (!person) throw new InputError({ idNumber: '未找到本地区登记的该人员，请先登记人员' })
      const current = existing.get(form.number)
      if (!current || current.personId !== person.id) {
        const created = await addRegistrationIn(tx, actor, person.id, form, now, audit, { ...lookups, person })
        existing.set(created.number, { ...created, personId: person.id })
        return { outcome: 'create', id: created.id }
      }
      if (!registrationFormChanges(current, form)) return { outcome: 'unchanged', id: current.id }
      const updated = await updateRegistrationIn(tx, actor, current.id, form, now, audit, { ...lookups, current })
      existing.set(updated.number, { ...current, ...updated })
      return { outcome: 'change', id: current.id }
    })
  },
}
