// What a construction permit states, checked and stored the same way when it is issued
// (issue-permit.ts) and when it is corrected (correct-permit.ts). The contractor and supervisor are
// the project's participants in those roles (from its contract filings); the 项目经理 and
// 总监理工程师 hold a practising registration with that very enterprise, valid on `on`, the day
// from which the permit names them: its issue day (today on the form, its own date for a historical
// permit), or the day of a correction (today on the form; an import's correction of a historical
// permit restates its facts as of its issue day).
import { registrationQualifies, type KeyPersonKind } from '@shared/domain/key-people'
import type { IssuePermitValues } from '@shared/staff-forms/projects'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import type { CorrectablePermitFields } from './certified-stages-repository'
import { createProjectStagesRepository, storedDate, type EnterpriseRow, type ProjectForWrite, type ProjectStagesRepository, type RegistrationRow } from './project-stages-repository'
import { enterpriseByUscc, type ProjectWriteLookups } from './project-write-lookups'

/** The permit's own facts, as the issuing and correcting forms send them (without the project). */
export type PermitContent = Omit<IssuePermitValues, 'projectCode'>

export interface PermitParties {
  contractor: EnterpriseRow
  supervisor: EnterpriseRow | null
  manager: RegistrationRow
  chief: RegistrationRow | null
}

/** The project's participant in `role` with this USCC, or an InputError on `field`. */
async function participant(
  stages: ProjectStagesRepository,
  project: ProjectForWrite,
  uscc: string,
  role: 'CONTRACTOR' | 'SUPERVISOR',
  field: string,
  lookups: ProjectWriteLookups,
) {
  const label = role === 'CONTRACTOR' ? '施工' : '监理'
  const enterprise = await enterpriseByUscc(stages, uscc, lookups)
  if (!enterprise) throw new InputError({ [field]: '企业库中没有该统一社会信用代码的企业' })
  if (!project.participants.some((p) => p.role === role && p.enterpriseId === enterprise.id)) {
    throw new InputError({ [field]: `${enterprise.name}不是本项目已备案${label}合同的${label}单位` })
  }
  return enterprise
}

async function registeredPerson(stages: ProjectStagesRepository, personId: string, enterprise: { id: string; name: string }, kind: KeyPersonKind, on: Date, field: string, label: string) {
  const day = isoDate(on)
  const registration = (await stages.findRegistrations(personId, enterprise.id)).find((r) =>
    registrationQualifies({ type: r.type, employerId: r.employerId, issuedOn: isoDate(r.issuedOn), validUntil: isoDate(r.validUntil) }, kind, enterprise.id, day),
  )
  if (!registration) throw new InputError({ [field]: `所选${label}没有注册在${enterprise.name}的有效执业注册，请从该企业的注册人员中选择` })
  return registration
}

/** The enterprises and people the permit names, or an InputError on the first field that fails. */
export async function checkPermitParties(tx: Tx, project: ProjectForWrite, values: PermitContent, on: Date, lookups: ProjectWriteLookups = {}): Promise<PermitParties> {
  const stages = createProjectStagesRepository(tx)
  const contractor = await participant(stages, project, values.contractorUscc, 'CONTRACTOR', 'contractorUscc', lookups)
  const supervisor = values.supervisorUscc ? await participant(stages, project, values.supervisorUscc, 'SUPERVISOR', 'supervisorUscc', lookups) : null
  const manager = await registeredPerson(stages, values.projectManagerId, contractor, 'manager', on, 'projectManagerId', '项目经理')
  const chief =
    supervisor && values.chiefSupervisorId
      ? await registeredPerson(stages, values.chiefSupervisorId, supervisor, 'chief', on, 'chiefSupervisorId', '总监理工程师')
      : null
  return { contractor, supervisor, manager, chief }
}

/** The permit row's columns for these facts. */
export function permitColumns(values: PermitContent, parties: PermitParties) {
  return {
    scale: values.scale,
    floorArea: values.floorArea ?? null,
    contractPrice: values.contractPrice.toFixed(2),
    plannedStartOn: storedDate(values.plannedStartOn),
    plannedEndOn: storedDate(values.plannedEndOn),
    contractorId: parties.contractor.id,
    supervisorId: parties.supervisor?.id ?? null,
    projectManagerId: parties.manager.person.id,
    chiefSupervisorId: parties.chief?.person.id ?? null,
  } satisfies CorrectablePermitFields
}
