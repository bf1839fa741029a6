// Bulk import of 从业人员 (issue 13), keyed by ID number; a row names the employer by USCC. An ID
// number not found among the actor's people goes through the create body (so another region's
// person is refused by the create form's checks, with its messages and nothing more); one found
// goes through the update body with the row read as the edit form reads it — the ID number is the
// key and is not written, an empty phone keeps the stored one — unless nothing would change.
//
// Per batch, what the bodies would read per row (the actor's people with the batch's ID numbers,
// the employers, which ID numbers are taken anywhere) is read in three queries and handed to them.
import { PRACTITIONERS } from '@shared/import/subject-kinds'
import type { ImportKindSpec } from '@shared/import/column-spec'
import { practitionerEditSchema, type PractitionerEdit, type PractitionerForm } from '@shared/staff-forms/subjects'
import type { ImportHandler, RowResult } from '@web/server/import/import-handler'
import { judgeRow, parseRow } from '@web/server/import/judge-row'
import { createPractitionerIn } from './create-practitioner'
import { practitionerEditChanges } from './person-fields'
import type { PractitionerLookups } from './practitioner-write-lookups'
import { createStaffPractitionersRepository, type PersonAuditRow } from './staff-practitioners-repository'
import { updatePractitionerIn } from './update-practitioner'

/** The kind as the edit form reads a row: its schema instead of the registration form's. */
const PRACTITIONER_EDITS: ImportKindSpec = { ...PRACTITIONERS, formSchema: practitionerEditSchema }

export const importPractitioners: ImportHandler = {
  permission: 'subjects.write',
  async writeBatch({ tx, actor, now, audit }, rows) {
    const parsed = rows.map((row) => ({ row, parsed: parseRow<PractitionerForm>(PRACTITIONERS, row) }))
    const forms = parsed.flatMap(({ parsed: p }) => (p.ok ? [p.form] : []))
    const idNumbers = [...new Set(forms.map((f) => f.idNumber))]
    const people = createStaffPractitionersRepository(tx)
    const own = new Map<string, PersonAuditRow & { id: string; employerId: string | null }>(
      (await people.findManyAuditFieldsInRegionByIdNumber(actor, idNumbers)).map((p) => [p.idNumber, p]),
    )
    const lookups: PractitionerLookups = {
      employersInRegion: await people.employerIdsInRegion(actor, [...new Set(forms.map((f) => f.employerUscc))]),
      idNumberHolders: await people.idNumberHolders(idNumbers),
    }

    const results: RowResult[] = []
    for (const { row, parsed: p } of parsed) {
      if (!p.ok) {
        results.push({ row: row.rowNumber, problems: p.problems })
        continue
      }
      const form = p.form
      const current = own.get(form.idNumber)
      if (!current) {
        results.push(
          await judgeRow(PRACTITIONERS, row, async () => {
            const created = await createPractitionerIn(tx, actor, form, now, audit, lookups)
            own.set(created.idNumber, created)
            return { outcome: 'create', id: created.id }
          }),
        )
        continue
      }
      const edit = parseRow<PractitionerEdit>(PRACTITIONER_EDITS, row)
      if (!edit.ok) {
        results.push({ row: row.rowNumber, problems: edit.problems })
        continue
      }
      results.push(
        await judgeRow(PRACTITIONERS, row, async () => {
          // an unchanged row would pass the update's checks (its employer is the person's own, in the
          // actor's regions): leaving it alone writes nothing and audits nothing
          if (!practitionerEditChanges(current, edit.form)) return { outcome: 'unchanged', id: current.id }
          const updated = await updatePractitionerIn(tx, actor, current.id, edit.form, now, audit, { ...lookups, current })
          own.set(current.idNumber, { id: current.id, ...updated })
          return { outcome: 'change', id: current.id }
        }),
      )
    }
    return results
  },
}
