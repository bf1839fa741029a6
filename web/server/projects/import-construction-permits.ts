// Bulk import of 施工许可 (issue 13), keyed by the permit's own number. A number not on record goes
// through the permit form's body with the number and issue day the permit has (the national layout,
// the project's region and category, not in the future, free; the stage order on that day; whom it
// names registered with the enterprise on that day), and its certificate is issued and signed today.
// A permit on record among the actor's is 'unchanged' when every fact agrees, else corrected through
// the correction form's body — the certificate superseded and re-signed over the corrected facts,
// the reason naming the file; a revoked permit is refused there, as the form refuses it. Another
// region's permit answers as the correction form does: not found.
//
// The file names the 项目经理 and 总监理工程师 by practising registration number where the form
// picks a person: the numbers are looked up here and the person put in the form's field, so the form
// schema and the body judge the row as they judge the form; a number that names nobody is refused
// on its column.
//
// Per batch, the people, projects (with their stage records), enterprises and permits with the
// batch's numbers are read in a few queries and handed to the bodies as lookups.
import { CONSTRUCTION_PERMITS } from '@shared/import/project-kinds'
import type { RowProblem } from '@shared/import/import-row'
import type { IssuePermitValues } from '@shared/staff-forms/projects'
import { practiceRegistrationNumberSchema } from '@shared/validators/codes'
import type { ReissueInput } from '@web/server/certificates/certificate-changes-repository'
import { replacementSigner } from '@web/server/certificates/change-certificate-status'
import type { ImportHandler, ImportRow } from '@web/server/import/import-handler'
import { judgeRows, type ParsedImportRow, parsedValues, parseRow } from '@web/server/import/judge-row'
import { InputError } from '@web/server/lib/errors'
import { assertRegion, authorize } from '@web/server/staff/authorize'
import { createCertifiedStagesRepository, type PermitForCorrection } from './certified-stages-repository'
import { correctPermitIn } from './correct-permit'
import { day, differingFields, importCorrectionReason, keyRingOf, money, type KeyRingSource } from './import-rows'
import { issuePermitIn } from './issue-permit'
import type { PermitContent } from './permit-content'
import { createProjectStagesRepository } from './project-stages-repository'
import { readBatchLookups } from './project-write-lookups'

type Extra = { permitNumber: string; issuedOn: string; projectManagerRegistrationNumber: string; chiefSupervisorRegistrationNumber?: string }

/** What a row may correct of a permit on record, as plain values. */
type PermitFacts = Record<keyof PermitContent, string | number | null>

function storedFacts(p: PermitForCorrection): PermitFacts {
  return {
    scale: p.scale,
    floorArea: p.floorArea,
    contractPrice: money(p.contractPrice),
    plannedStartOn: day(p.plannedStartOn),
    plannedEndOn: day(p.plannedEndOn),
    contractorUscc: p.contractor.uscc,
    supervisorUscc: p.supervisor?.uscc ?? null,
    projectManagerId: p.projectManagerId,
    chiefSupervisorId: p.chiefSupervisorId,
  }
}

function rowFacts(v: PermitContent): PermitFacts {
  return {
    scale: v.scale,
    floorArea: v.floorArea ?? null,
    contractPrice: money(v.contractPrice),
    plannedStartOn: v.plannedStartOn,
    plannedEndOn: v.plannedEndOn,
    contractorUscc: v.contractorUscc,
    supervisorUscc: v.supervisorUscc ?? null,
    projectManagerId: v.projectManagerId,
    chiefSupervisorId: v.chiefSupervisorId ?? null,
  }
}

interface HeldPermit {
  id: string
  regionCode: string
  projectCode: string
  issuedOn: string
  facts: PermitFacts
}

const PEOPLE = Object.entries(CONSTRUCTION_PERMITS.formFieldColumns ?? {})

/** The registration numbers of the rows' people, as the reader normalised them and the schema accepts them. */
function registrationNumbers(rows: readonly ImportRow[]): string[] {
  const numbers = new Set<string>()
  for (const row of rows) {
    for (const [, column] of PEOPLE) {
      const number = practiceRegistrationNumberSchema.safeParse(row.values[column] ?? '')
      if (number.success) numbers.add(number.data)
    }
  }
  return [...numbers]
}

/**
 * The row with the person each registration number names in the form's field, parsed. A number that
 * cannot be read or names nobody is the problem of its column (the form's "请选择…" on that column
 * would mislead, so the schema's issue there is not reported again).
 */
function parsePermitRow(row: ImportRow, personOf: ReadonlyMap<string, string>): ParsedImportRow<IssuePermitValues, Extra> {
  const values = { ...row.values }
  const people: RowProblem[] = []
  for (const [formField, column] of PEOPLE) {
    values[formField] = null
    const cell = row.values[column]
    if (cell === null || cell === undefined) continue
    const header = CONSTRUCTION_PERMITS.columns.find((c) => c.field === column)!.header
    const problem = (reason: string) => people.push({ row: row.rowNumber, column: header, value: row.raw[column] ?? cell, reason })
    const number = practiceRegistrationNumberSchema.safeParse(cell)
    if (!number.success) problem(number.error.issues[0].message)
    else if (!personOf.has(number.data)) problem('平台上没有该执业注册编号，请先登记该人员及其执业注册')
    else values[formField] = personOf.get(number.data)!
  }
  const parsed = parseRow<IssuePermitValues, Extra>(CONSTRUCTION_PERMITS, { ...row, values, problems: [...row.problems, ...people] })
  if (people.length === 0) return { row, parsed }
  return { row, parsed: { ok: false, problems: [...people, ...(parsed.ok ? [] : parsed.problems)].sort((a, b) => columnIndex(a.column) - columnIndex(b.column)) } }
}

const columnIndex = (header: string) => CONSTRUCTION_PERMITS.columns.findIndex((c) => c.header === header)

export function createConstructionPermitsImport(keyRing: KeyRingSource): ImportHandler {
  return {
    permission: 'projects.write',
    async writeBatch({ tx, actor, now, audit, source }, rows) {
      const stages = createProjectStagesRepository(tx)
      const certified = createCertifiedStagesRepository(tx)
      const personOf = new Map((await stages.findRegistrationsByNumber(registrationNumbers(rows))).map((r) => [r.number, r.personId]))
      const parsed = rows.map((row) => parsePermitRow(row, personOf))
      const valid = parsedValues(parsed)
      const lookups = await readBatchLookups(
        stages,
        valid.map((v) => v.form.projectCode),
        valid.flatMap((v) => [v.form.contractorUscc, ...(v.form.supervisorUscc ? [v.form.supervisorUscc] : [])]),
      )
      const numbers = [...new Set(valid.map((v) => v.extra.permitNumber))]
      const permits = new Map<string, HeldPermit>()
      for (const p of await certified.findPermitsByNumber(numbers)) {
        permits.set(p.permitNumber, { id: p.id, regionCode: p.regionCode, projectCode: p.project.projectCode, issuedOn: day(p.issuedOn), facts: storedFacts(p) })
      }
      lookups.datedNumbers = new Map(numbers.map((n) => [n, permits.has(n)]))
      const ring = keyRingOf(keyRing)
      let sign: ReissueInput['sign'] | undefined

      return judgeRows(CONSTRUCTION_PERMITS, parsed, async (form, extra) => {
        authorize(actor, 'certificates.write')
        const { projectCode, ...content } = form
        const current = permits.get(extra.permitNumber)
        if (!current) {
          const issued = await issuePermitIn(tx, actor, ring, form, { permitNumber: extra.permitNumber, issuedOn: extra.issuedOn }, now, audit, lookups)
          // the body took the number only for a project of the actor's region, the number's own
          const regionCode = issued.permitNumber.slice(0, 6)
          permits.set(issued.permitNumber, { id: issued.id, regionCode, projectCode, issuedOn: extra.issuedOn, facts: rowFacts(content) })
          return { outcome: 'create', id: issued.id }
        }
        assertRegion(actor, current.regionCode, '施工许可证')
        if (current.projectCode !== projectCode) {
          throw new InputError({ projectCode: `施工许可证 ${extra.permitNumber} 是项目 ${current.projectCode} 的许可证，不能登记到其他项目` })
        }
        const wanted = rowFacts(content)
        if (differingFields(current.facts, wanted).length === 0) return { outcome: 'unchanged', id: current.id }
        // throws NoSigningKeyError, failing the import, when this server cannot sign today
        sign ??= replacementSigner(ring, now)
        await correctPermitIn(tx, actor, sign, { permitId: current.id, reason: importCorrectionReason(source.fileName), ...content }, { partiesOn: current.issuedOn }, now, audit, lookups)
        permits.set(extra.permitNumber, { ...current, facts: wanted })
        return { outcome: 'change', id: current.id }
      })
    },
  }
}
