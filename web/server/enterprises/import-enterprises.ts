// Bulk import of 企业基本信息 (issue 13), keyed by USCC. A row is judged by the staff forms' own
// code: a USCC not found among the actor's enterprises goes through the create body (so another
// region's enterprise is refused by the create form's region and USCC checks, with its messages and
// nothing more), one found goes through the update body unless every field is already so.
//
// Per batch, what the bodies would read per row — the actor's enterprises with the batch's USCCs,
// which USCCs are taken anywhere, which regions exist — is read in three queries and handed to the
// bodies as lookups; the bodies keep them true as they write, so a later row of the file sees an
// enterprise an earlier row created. The batch's new enterprises are written together at its end.
import { ENTERPRISES } from '@shared/import/subject-kinds'
import type { EnterpriseForm } from '@shared/staff-forms/subjects'
import type { ImportHandler } from '@web/server/import/import-handler'
import { judgeRows, parsedValues, parseRows } from '@web/server/import/judge-row'
import { createEnterpriseIn } from './create-enterprise'
import { enterpriseFormChanges } from './enterprise-fields'
import type { EnterpriseLookups } from './enterprise-write-lookups'
import { createStaffEnterprisesRepository, type EnterpriseAuditRow } from './staff-enterprises-repository'
import { updateEnterpriseIn } from './update-enterprise'

export const importEnterprises: ImportHandler = {
  permission: 'subjects.write',
  async writeBatch({ tx, actor, now, audit }, rows) {
    const parsed = parseRows<EnterpriseForm>(ENTERPRISES, rows)
    const forms = parsedValues(parsed).map((p) => p.form)
    const usccs = [...new Set(forms.map((f) => f.uscc))]
    // new enterprises are written together at the end of the batch, one INSERT for all
    const enterprises = createStaffEnterprisesRepository(tx, { deferCreates: true })
    const ownRows = await enterprises.findManyAuditFieldsInRegionByUscc(actor, usccs)
    const lookups: EnterpriseLookups = {
      usccHolders: await enterprises.usccHolders(usccs),
      registeredRegions: new Set(await enterprises.registeredRegionCodes([...new Set(forms.map((f) => f.regionCode))])),
    }
    // the actor's enterprises by USCC, as the bodies leave them
    const own = new Map<string, EnterpriseAuditRow & { id: string }>(ownRows.map((e) => [e.uscc, e]))

    const unwritten = new Set<string>()
    const results = await judgeRows(ENTERPRISES, parsed, async (form) => {
      const current = own.get(form.uscc)
      if (!current) {
        const created = await createEnterpriseIn(tx, actor, form, now, audit, lookups, enterprises)
        own.set(created.uscc, created)
        unwritten.add(created.id)
        return { outcome: 'create', id: created.id }
      }
      // an unchanged row would pass the update's checks (its region and USCC are the enterprise's
      // own, found in the actor's regions): leaving it alone writes nothing and audits nothing
      if (!enterpriseFormChanges(current, form)) return { outcome: 'unchanged', id: current.id }
      // the update reads the row back: one this batch created must be written first
      if (unwritten.has(current.id)) {
        await enterprises.flushCreates()
        unwritten.clear()
      }
      const updated = await updateEnterpriseIn(tx, actor, current.id, form, now, audit, { ...lookups, current })
      own.set(updated.uscc, { id: current.id, ...updated })
      return { outcome: 'change', id: current.id }
    })
    await enterprises.flushCreates()
    return results
  },
}
