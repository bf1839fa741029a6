// Bulk import of 项目 (issue 13), keyed by the project code a historical project already has. A code
// not on the platform is registered through the project form's body with that code (checked against
// the national layout, the row's region and this month); a code found among the actor's projects
// is 'unchanged' when every field agrees. The back office has no form that edits a registered
// project — its name, address and owner are printed in the facts its certificates are signed over —
// so a row that disagrees is refused, naming each differing column and what is on record. Another
// region's project answers as the forms do: not found.
//
// Per batch, the projects with the batch's codes and the owners are read in two queries and handed
// to the body as lookups.
import { PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { PROJECTS } from '@shared/import/project-kinds'
import type { RegisterProjectValues } from '@shared/staff-forms/projects'
import type { ImportHandler } from '@web/server/import/import-handler'
import { InputError } from '@web/server/lib/errors'
import { assertRegion } from '@web/server/staff/authorize'
import { judgeRows, parsedValues, parseRows } from '@web/server/import/judge-row'
import { differingFields, money } from './import-rows'
import { createProjectStagesRepository, type ProjectForWrite } from './project-stages-repository'
import { lookedUp, readBatchLookups } from './project-write-lookups'
import { registerProjectIn } from './register-project'

type Extra = { projectCode: string }

/** A project's fields in the form's terms, as text the row and the record compare by. */
function projectFields(p: { name: string; address: string; regionCode: string; category: string; floorArea: number | null; investment: string; ownerUscc: string }) {
  return { name: p.name, address: p.address, regionCode: p.regionCode, category: p.category, floorArea: p.floorArea, investment: p.investment, ownerUscc: p.ownerUscc }
}

function storedFields(p: ProjectForWrite) {
  return projectFields({ ...p, investment: money(p.investment), ownerUscc: p.owner.uscc })
}

function rowFields(v: RegisterProjectValues) {
  return projectFields({ ...v, floorArea: v.floorArea ?? null, investment: money(v.investment) })
}

function shown(field: string, value: string | number | null): string {
  if (value === null) return '未填写'
  if (field === 'category') return PROJECT_CATEGORY_LABELS[value as keyof typeof PROJECT_CATEGORY_LABELS] ?? String(value)
  return String(value)
}

export const importProjects: ImportHandler = {
  permission: 'projects.write',
  async writeBatch({ tx, actor, now, audit }, rows) {
    const parsed = parseRows<RegisterProjectValues, Extra>(PROJECTS, rows)
    const valid = parsedValues(parsed)
    const stages = createProjectStagesRepository(tx)
    const lookups = await readBatchLookups(
      stages,
      valid.map((v) => v.extra.projectCode),
      valid.map((v) => v.form.ownerUscc),
    )
    return judgeRows(PROJECTS, parsed, async (form, { projectCode }) => {
      const current = await lookedUp(lookups.projects, projectCode, () => stages.findProjectForWrite(projectCode))
      if (!current) {
        const { id } = await registerProjectIn(tx, actor, form, { projectCode }, now, audit, lookups)
        return { outcome: 'create', id }
      }
      assertRegion(actor, current.regionCode, '项目')
      const stored = storedFields(current)
      const differing = differingFields(stored, rowFields(form))
      if (differing.length === 0) return { outcome: 'unchanged', id: current.id }
      throw new InputError(
        Object.fromEntries(differing.map((f) => [f, `与项目库中该编码的项目不一致（已登记：${shown(f, stored[f])}）；已登记项目的信息不能通过导入修改`])),
      )
    })
  },
}
