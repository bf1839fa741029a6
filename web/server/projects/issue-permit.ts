// 施工许可 (stage 4): refused until 合同备案, 施工图审查 and 质量安全报监 are on record, and while the
// project holds an ACTIVE permit. Whom it names is checked in permit-content.ts (participants of
// the project; 项目经理 and 总监理工程师 registered with that enterprise, valid on the issue day). The
// permit number is the national 18-digit layout (next free sequence of the region and day); its
// certificate is issued and signed in the same transaction, with the audit entry.
//
// A historical permit (bulk import) keeps its own number and issue day (historical-numbers.ts) and
// the stage order holds with that day; its certificate is still the platform's, issued and signed
// today over the permit's facts.
import type { Db } from '@db/client'
import type { KeyRing } from '@shared/certificates/key-file'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { issuePermitSchema, type IssuePermitInput, type IssuePermitValues } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import { issueCertificate } from '@web/server/certificates/issue-certificate'
import { ConflictError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createCertifiedStagesRepository } from './certified-stages-repository'
import { checkGivenDatedNumber, checkGivenDay, datedNumberTaken } from './historical-numbers'
import { checkPermitParties, permitColumns } from './permit-content'
import { storedDate } from './project-stages-repository'
import { lookedUp, type ProjectWriteLookups } from './project-write-lookups'
import { assertStageAllowed } from './stage-order'
import { actingAuthorityId, inAuditedTransaction, parseInput, projectInRegion } from './staff-project-access'

export interface IssuedPermit {
  id: string
  permitNumber: string
  serial: string
}

export async function issuePermit(db: Db, actor: Actor, keyRing: KeyRing, input: IssuePermitInput, now = new Date()): Promise<IssuedPermit> {
  authorize(actor, 'projects.write')
  authorize(actor, 'certificates.write')
  const values = parseInput(issuePermitSchema, input)
  return inAuditedTransaction(db, (tx, audit) => issuePermitIn(tx, actor, keyRing, values, {}, now, audit))
}

/**
 * Issues the permit of parsed values in `tx` for an actor already authorized (both permissions):
 * the project in the actor's regions without an ACTIVE permit, its number and issue day (given and
 * checked, or the next free number today), the stage order on that day, whom it names, the writes,
 * its certificate signed today, and the audit entry pushed onto `audit`.
 */
export async function issuePermitIn(
  tx: Tx,
  actor: Actor,
  keyRing: KeyRing,
  values: IssuePermitValues,
  history: { permitNumber?: string; issuedOn?: string },
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<IssuedPermit> {
  const authorityId = actingAuthorityId(actor)
  const today = chinaDateOf(now)
  const certified = createCertifiedStagesRepository(tx)
  const project = await projectInRegion(tx, actor, values.projectCode, lookups)
  const active = project.permits.find((p) => p.status === 'ACTIVE')
  if (active) throw new ConflictError(`项目 ${project.projectCode} 已有有效的施工许可证 ${active.permitNumber}，不能重复核发；如需更正请换发或先撤销`)

  let given: string | undefined
  let issuedOn = today
  if (history.permitNumber !== undefined) {
    const checked = checkGivenDatedNumber('CONSTRUCTION_PERMIT', { number: history.permitNumber, day: history.issuedOn }, project, today)
    given = checked.number
    issuedOn = checked.day
    const number = checked.number
    if (await lookedUp(lookups.datedNumbers, number, () => certified.datedNumberTaken('CONSTRUCTION_PERMIT', number))) throw datedNumberTaken('CONSTRUCTION_PERMIT')
  } else if (history.issuedOn !== undefined) {
    checkGivenDay('CONSTRUCTION_PERMIT', history.issuedOn, today)
    issuedOn = history.issuedOn
  }
  assertStageAllowed(project, 'CONSTRUCTION_PERMIT', issuedOn, 'issuedOn')

  const on = storedDate(issuedOn)
  const parties = await checkPermitParties(tx, project, values, on, lookups)
  const permitNumber = given ?? (await certified.nextDatedNumber('CONSTRUCTION_PERMIT', project.regionCode, issuedOn, project.category))
  const permit = await certified.createPermit({
    projectId: project.id,
    permitNumber,
    regionCode: project.regionCode,
    authorityId,
    issuedOn: on,
    ...permitColumns(values, parties),
  })
  lookups.datedNumbers?.set(permitNumber, true)
  // the project as read in this transaction lists its key people: one named before is not added again
  const named: { personId: string; role: 'PROJECT_MANAGER' | 'CHIEF_SUPERVISOR' }[] = [{ personId: parties.manager.person.id, role: 'PROJECT_MANAGER' }]
  if (parties.chief) named.push({ personId: parties.chief.person.id, role: 'CHIEF_SUPERVISOR' })
  const joining = named.filter((k) => !project.keyPeople.some((p) => p.personId === k.personId && p.role === k.role))
  await certified.addKeyPeople(project.id, joining)
  project.keyPeople.push(...joining)
  const certificate = await issueCertificate(tx, keyRing, {
    type: 'CONSTRUCTION_PERMIT',
    link: { permitId: permit.id },
    regionCode: project.regionCode,
    projectCode: project.projectCode,
    holderUscc: project.owner.uscc,
    issuedOn: today,
  })
  project.permits.push({
    id: permit.id,
    status: 'ACTIVE',
    issuedOn: on,
    permitNumber,
    contractorId: parties.contractor.id,
    certificate: { serial: certificate.serial, status: 'VALID' },
  })
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'permit.issue',
    entity: 'ConstructionPermit',
    entityId: permit.id,
    changes: {
      before: null,
      after: {
        permitNumber,
        issuedOn,
        ...values,
        projectManager: parties.manager.number,
        chiefSupervisor: parties.chief?.number ?? null,
        certificate: { serial: certificate.serial, keyId: certificate.keyId },
      },
    },
    at: now,
  })
  return { id: permit.id, permitNumber, serial: certificate.serial }
}
