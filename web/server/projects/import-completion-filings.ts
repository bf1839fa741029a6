// Bulk import of 竣工验收备案 (issue 13), keyed by the filing's own number. A number not on record
// goes through the completion form's body with the number and filing day the filing has (the
// national layout, the project's region and category, not in the future, free; the acceptance not
// after it; the stage order on that day), and its certificate is issued and signed today. A filing
// on record among the actor's is 'unchanged' when every fact agrees, else corrected through the
// correction form's body — the certificate superseded and re-signed, the reason naming the file; a
// revoked filing is refused there, as the form refuses it. Another region's filing answers as the
// correction form does: not found.
//
// Per batch, the projects (with their stage records) and the filings with the batch's numbers are
// read in a few queries and handed to the bodies as lookups.
import { COMPLETION_FILINGS } from '@shared/import/project-kinds'
import type { FileCompletionValues } from '@shared/staff-forms/projects'
import type { ReissueInput } from '@web/server/certificates/certificate-changes-repository'
import { replacementSigner } from '@web/server/certificates/change-certificate-status'
import type { ImportHandler } from '@web/server/import/import-handler'
import { InputError } from '@web/server/lib/errors'
import { assertRegion, authorize } from '@web/server/staff/authorize'
import { createCertifiedStagesRepository } from './certified-stages-repository'
import type { CompletionContent } from './completion-content'
import { correctCompletionFilingIn } from './correct-completion-filing'
import { fileCompletionIn } from './file-completion'
import { judgeRows, parsedValues, parseRows } from '@web/server/import/judge-row'
import { day, differingFields, importCorrectionReason, keyRingOf, money, type KeyRingSource } from './import-rows'
import { createProjectStagesRepository } from './project-stages-repository'
import { readBatchLookups } from './project-write-lookups'

type Extra = { filingNumber: string; filedOn: string; acceptedOn: string }

type CompletionFacts = Record<keyof CompletionContent, string | number | null>

const factsOf = (v: { acceptedOn: string; actualCost: string; actualArea: number | null }): CompletionFacts => ({
  acceptedOn: v.acceptedOn,
  actualCost: v.actualCost,
  actualArea: v.actualArea,
})

interface HeldFiling {
  id: string
  regionCode: string
  projectCode: string
  facts: CompletionFacts
}

export function createCompletionFilingsImport(keyRing: KeyRingSource): ImportHandler {
  return {
    permission: 'projects.write',
    async writeBatch({ tx, actor, now, audit, source }, rows) {
      const parsed = parseRows<FileCompletionValues, Extra>(COMPLETION_FILINGS, rows)
      const valid = parsedValues(parsed)
      const stages = createProjectStagesRepository(tx)
      const certified = createCertifiedStagesRepository(tx)
      const lookups = await readBatchLookups(stages, valid.map((v) => v.form.projectCode), [])
      const numbers = [...new Set(valid.map((v) => v.extra.filingNumber))]
      const filings = new Map<string, HeldFiling>()
      for (const f of await certified.findCompletionsByNumber(numbers)) {
        filings.set(f.filingNumber, {
          id: f.id,
          regionCode: f.regionCode,
          projectCode: f.project.projectCode,
          facts: factsOf({ acceptedOn: day(f.acceptedOn), actualCost: money(f.actualCost), actualArea: f.actualArea }),
        })
      }
      lookups.datedNumbers = new Map(numbers.map((n) => [n, filings.has(n)]))
      const ring = keyRingOf(keyRing)
      let sign: ReissueInput['sign'] | undefined

      return judgeRows(COMPLETION_FILINGS, parsed, async (form, extra) => {
        authorize(actor, 'certificates.write')
        const { projectCode, ...content } = form
        const wanted = factsOf({ acceptedOn: content.acceptedOn, actualCost: money(content.actualCost), actualArea: content.actualArea ?? null })
        const current = filings.get(extra.filingNumber)
        if (!current) {
          const filed = await fileCompletionIn(tx, actor, ring, form, { filingNumber: extra.filingNumber, filedOn: extra.filedOn }, now, audit, lookups)
          // the body took the number only for a project of the actor's region, the number's own
          filings.set(filed.filingNumber, { id: filed.id, regionCode: filed.filingNumber.slice(2, 8), projectCode, facts: wanted })
          return { outcome: 'create', id: filed.id }
        }
        assertRegion(actor, current.regionCode, '竣工验收备案')
        if (current.projectCode !== projectCode) {
          throw new InputError({ projectCode: `竣工验收备案 ${extra.filingNumber} 是项目 ${current.projectCode} 的备案，不能登记到其他项目` })
        }
        if (differingFields(current.facts, wanted).length === 0) return { outcome: 'unchanged', id: current.id }
        // throws NoSigningKeyError, failing the import, when this server cannot sign today
        sign ??= replacementSigner(ring, now)
        await correctCompletionFilingIn(tx, actor, sign, { completionFilingId: current.id, reason: importCorrectionReason(source.fileName), ...content }, now, audit, lookups)
        filings.set(extra.filingNumber, { ...current, facts: wanted })
        return { outcome: 'change', id: current.id }
      })
    },
  }
}
