// Bulk import of 合同备案 (issue 13), keyed by project, contract type, party and signing day. A row
// whose contract is not on record is filed through the contract form's body (the project among the
// actor's, the stage order, the party's type); one on record is 'unchanged' when its price and
// filing day agree, else changed through the edit form's body (refused, as the form is, once the
// project's permit certificate exists).
//
// Per batch, the projects (with their stage records), the parties and the projects' contracts are
// read once and handed to the bodies as lookups; the bodies keep the held projects true as they
// write, and this handler its contracts, so that a later row of the batch sees an earlier one.
import { CONTRACT_FILINGS } from '@shared/import/project-kinds'
import type { ImportHandler } from '@web/server/import/import-handler'
import { fileContractIn, type FileContractValues } from './file-contract'
import { judgeRows, parsedValues, parseRows } from '@web/server/import/judge-row'
import { day, differingFields, money } from './import-rows'
import { createProjectStagesRepository } from './project-stages-repository'
import { readBatchLookups } from './project-write-lookups'
import { projectInRegion } from './staff-project-access'
import { updateContractIn } from './update-contract'

const keyOf = (projectId: string, v: { partyRole: string; partyUscc: string; signedOn: string }) => `${projectId}|${v.partyRole}|${v.partyUscc}|${v.signedOn}`

/** What a row may change of a contract on record. */
type ContractFacts = { contractPrice: string; filedOn: string }

export const importContractFilings: ImportHandler = {
  permission: 'projects.write',
  async writeBatch({ tx, actor, now, audit }, rows) {
    const parsed = parseRows<FileContractValues>(CONTRACT_FILINGS, rows)
    const valid = parsedValues(parsed)
    const stages = createProjectStagesRepository(tx)
    const lookups = await readBatchLookups(
      stages,
      valid.map((v) => v.form.projectCode),
      valid.map((v) => v.form.partyUscc),
    )
    const projectIds = [...lookups.projects.values()].flatMap((p) => (p ? [p.id] : []))
    const contracts = new Map<string, ContractFacts & { id: string }>()
    for (const c of await stages.findContractFilingsOfProjects(projectIds)) {
      const key = keyOf(c.projectId, { partyRole: c.partyRole, partyUscc: c.party.uscc, signedOn: day(c.signedOn) })
      // the form may file the same contract twice: the row is compared with the one in force
      if (contracts.has(key) && c.status !== 'ACTIVE') continue
      contracts.set(key, { id: c.id, contractPrice: money(c.contractPrice), filedOn: day(c.filedOn) })
    }

    return judgeRows(CONTRACT_FILINGS, parsed, async (form) => {
      const project = await projectInRegion(tx, actor, form.projectCode, lookups)
      const key = keyOf(project.id, form)
      const wanted: ContractFacts = { contractPrice: money(form.contractPrice), filedOn: form.filedOn }
      const current = contracts.get(key)
      if (!current) {
        const { id } = await fileContractIn(tx, actor, form, now, audit, lookups)
        contracts.set(key, { id, ...wanted })
        return { outcome: 'create', id }
      }
      if (differingFields({ contractPrice: current.contractPrice, filedOn: current.filedOn }, wanted).length === 0) return { outcome: 'unchanged', id: current.id }
      const { projectCode: _, ...change } = form
      await updateContractIn(tx, actor, current.id, change, now, audit, lookups)
      contracts.set(key, { id: current.id, ...wanted })
      return { outcome: 'change', id: current.id }
    })
  },
}
