// Bulk import of 企业资质 (issue 13), keyed by certificate number; a row names its enterprise by
// USCC, which must be one of the actor's enterprises. A certificate number found on that
// enterprise goes through the update body unless every field is already so; any other goes through
// the add body, whose number check refuses a number another enterprise holds, as the form does.
//
// Per batch, what the bodies would read per row (the owners, the qualifications with the batch's
// numbers, which numbers are taken anywhere) is read in three queries and handed to the bodies.
import { QUALIFICATIONS } from '@shared/import/subject-kinds'
import type { QualificationForm } from '@shared/staff-forms/subjects'
import type { ImportHandler } from '@web/server/import/import-handler'
import { judgeRows, parsedValues, parseRows } from '@web/server/import/judge-row'
import { InputError } from '@web/server/lib/errors'
import { addQualificationIn } from './add-qualification'
import type { EnterpriseLookups } from './enterprise-write-lookups'
import { qualificationFormChanges } from './qualification-fields'
import { createStaffEnterprisesRepository, type QualificationAuditRow } from './staff-enterprises-repository'
import { updateQualificationIn } from './update-qualification'

type Extra = { enterpriseUscc: string }

export const importQualifications: ImportHandler = {
  permission: 'subjects.write',
  async writeBatch({ tx, actor, now, audit }, rows) {
    const parsed = parseRows<QualificationForm, Extra>(QUALIFICATIONS, rows)
    const valid = parsedValues(parsed)
    const numbers = [...new Set(valid.map((p) => p.form.certificateNumber))]
    const enterprises = createStaffEnterprisesRepository(tx)
    // a qualifications file registers no enterprise, so the batch's owners are all there is to find
    const owners = new Map(
      (await enterprises.findManyAuditFieldsInRegionByUscc(actor, [...new Set(valid.map((p) => p.extra.enterpriseUscc))])).map((e) => [e.uscc, e]),
    )
    const existing = new Map<string, QualificationAuditRow & { id: string; enterprise: { uscc: string } }>(
      (await enterprises.findQualificationsInRegionByNumber(actor, numbers)).map((q) => [q.certificateNumber, q]),
    )
    const lookups: EnterpriseLookups = { certificateNumberHolders: await enterprises.certificateNumberHolders(numbers) }

    return judgeRows(QUALIFICATIONS, parsed, async (form, extra) => {
      const owner = owners.get(extra.enterpriseUscc)
      // one message whether the USCC is unknown or another region's, as for a practitioner's employer
      if (!owner) throw new InputError({ enterpriseUscc: '未找到本地区登记的该企业，请先登记企业' })
      const current = existing.get(form.certificateNumber)
      if (!current || current.enterprise.uscc !== owner.uscc) {
        const created = await addQualificationIn(tx, actor, owner.id, form, now, audit, { ...lookups, enterprise: owner })
        existing.set(created.certificateNumber, { ...created, enterprise: { uscc: owner.uscc } })
        return { outcome: 'create', id: created.id }
      }
      if (!qualificationFormChanges(current, form)) return { outcome: 'unchanged', id: current.id }
      const updated = await updateQualificationIn(tx, actor, current.id, form, now, audit, { ...lookups, current })
      existing.set(updated.certificateNumber, { ...current, ...updated })
      return { outcome: 'change', id: current.id }
    })
  },
}
