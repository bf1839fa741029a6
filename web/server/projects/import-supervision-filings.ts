// Bulk import of 质量安全报监 (issue 13), keyed by project and filing day. A filing not on record
// goes through the supervision form's body (the project among the actor's, the stage order); one
// on record is 'unchanged' when its station agrees, else changed through the edit form's body
// (refused, as the form is, once the project's permit certificate exists).
//
// Per batch, the projects (with their stage records) and their supervision filings are read once
// and handed to the bodies as lookups; the bodies keep the held projects true as they write, and
// this handler its filings, so that a later row of the batch sees an earlier one.
import { SUPERVISION_FILINGS } from '@shared/import/project-kinds'
import type { ImportHandler } from '@web/server/import/import-handler'
import { fileSupervisionIn, type FileSupervisionValues } from './file-supervision'
import { judgeRows, parsedValues, parseRows } from '@web/server/import/judge-row'
import { day } from './import-rows'
import { createProjectStagesRepository } from './project-stages-repository'
import { readBatchLookups } from './project-write-lookups'
import { projectInRegion } from './staff-project-access'
import { updateSupervisionIn } from './update-supervision'

const keyOf = (projectId: string, filedOn: string) => `${projectId}|${filedOn}`

export const importSupervisionFilings: ImportHandler = {
  permission: 'projects.write',
  async writeBatch({ tx, actor, now, audit }, rows) {
    const parsed = parseRows<FileSupervisionValues>(SUPERVISION_FILINGS, rows)
    const valid = parsedValues(parsed)
    const stages = createProjectStagesRepository(tx)
    const lookups = await readBatchLookups(stages, valid.map((v) => v.form.projectCode), [])
    const projectIds = [...lookups.projects.values()].flatMap((p) => (p ? [p.id] : []))
    const filings = new Map<string, { id: string; supervisionStation: string }>()
    for (const f of await stages.findSupervisionFilingsOfProjects(projectIds)) {
      const key = keyOf(f.projectId, day(f.filedOn))
      if (filings.has(key) && f.status !== 'ACTIVE') continue
      filings.set(key, { id: f.id, supervisionStation: f.supervisionStation })
    }

    return judgeRows(SUPERVISION_FILINGS, parsed, async (form) => {
      const project = await projectInRegion(tx, actor, form.projectCode, lookups)
      const key = keyOf(project.id, form.filedOn)
      const current = filings.get(key)
      if (!current) {
        const { id } = await fileSupervisionIn(tx, actor, form, now, audit, lookups)
        filings.set(key, { id, supervisionStation: form.supervisionStation })
        return { outcome: 'create', id }
      }
      if (current.supervisionStation === form.supervisionStation) return { outcome: 'unchanged', id: current.id }
      const { projectCode: _, ...change } = form
      await updateSupervisionIn(tx, actor, current.id, change, now, audit, lookups)
      filings.set(key, { id: current.id, supervisionStation: form.supervisionStation })
      return { outcome: 'change', id: current.id }
    })
  },
}
