// 施工许可变更: correcting an issued permit's own facts (scale, area, price, planned dates, the
// contractor and supervisor, the 项目经理 and 总监理工程师), with a reason. The corrected facts are
// checked as on issue (permit-content.ts, registrations valid today; an import restating a
// historical permit checks them on its issue day); then, in one transaction, the
// permit row changes, its certificate is superseded by one signed today over the corrected facts
// (certificate-correction.ts), the project's key people follow the permit, and one audit entry
// records before, after, the reason and both serials. Returns the new certificate's serial.
import type { z } from 'zod'
import type { Db } from '@db/client'
import type { KeyRing } from '@shared/certificates/key-file'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { correctPermitSchema, type CorrectPermitInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import type { ReissueInput } from '@web/server/certificates/certificate-changes-repository'
import { replacementSigner } from '@web/server/certificates/change-certificate-status'
import { NotFoundError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { assertRegion, authorize } from '@web/server/staff/authorize'
import { assertCorrectable, reissueCorrected } from './certificate-correction'
import { createCertifiedStagesRepository, type PermitForCorrection } from './certified-stages-repository'
import { checkPermitParties, permitColumns, type PermitContent } from './permit-content'
import { storedDate } from './project-stages-repository'
import { forgetProject, type ProjectWriteLookups } from './project-write-lookups'
import { inAuditedTransaction, parseInput, projectInRegion } from './staff-project-access'

/** The permit's correctable facts in the form's terms, for the audit entry. */
function permitFacts(p: PermitForCorrection) {
  return {
    scale: p.scale,
    floorArea: p.floorArea,
    contractPrice: p.contractPrice.toString(),
    plannedStartOn: isoDate(p.plannedStartOn),
    plannedEndOn: isoDate(p.plannedEndOn),
    contractorUscc: p.contractor.uscc,
    supervisorUscc: p.supervisor?.uscc ?? null,
    projectManagerId: p.projectManagerId,
    chiefSupervisorId: p.chiefSupervisorId,
  }
}

function correctedFacts(values: PermitContent) {
  return { ...values, floorArea: values.floorArea ?? null, supervisorUscc: values.supervisorUscc ?? null, chiefSupervisorId: values.chiefSupervisorId ?? null }
}

export type CorrectPermitValues = z.output<typeof correctPermitSchema>

export async function correctPermit(db: Db, actor: Actor, keyRing: KeyRing, input: CorrectPermitInput, now = new Date()): Promise<string> {
  authorize(actor, 'projects.write')
  authorize(actor, 'certificates.write')
  const correction = parseInput(correctPermitSchema, input)
  // throws NoSigningKeyError before anything is written when this server cannot sign today
  const sign = replacementSigner(keyRing, now)
  return inAuditedTransaction(db, (tx, audit) => correctPermitIn(tx, actor, sign, correction, {}, now, audit))
}

/**
 * Corrects the permit of parsed values in `tx` for an actor already authorized (both permissions):
 * the permit and its project in the actor's regions, ACTIVE with a VALID certificate, whom it names
 * (registrations valid on `partiesOn`, today unless given), the re-issue over the corrected row,
 * the key people, and the audit entry pushed onto `audit`. Returns the new certificate's serial.
 */
export async function correctPermitIn(
  tx: Tx,
  actor: Actor,
  sign: ReissueInput['sign'],
  correction: CorrectPermitValues,
  options: { partiesOn?: string },
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<string> {
  const { permitId, reason, ...values } = correction
  const on = storedDate(chinaDateOf(now))
  const certified = createCertifiedStagesRepository(tx)
  const permit = await certified.findPermitForCorrection(permitId)
  if (!permit) throw new NotFoundError('施工许可证')
  assertRegion(actor, permit.regionCode, '施工许可证')
  const project = await projectInRegion(tx, actor, permit.project.projectCode, lookups)
  assertCorrectable(permit, `施工许可证 ${permit.permitNumber} `)

  const parties = await checkPermitParties(tx, project, values, options.partiesOn === undefined ? on : storedDate(options.partiesOn), lookups)
  const columns = permitColumns(values, parties)
  const reissued = await reissueCorrected(tx, actor, {
    serial: permit.certificate.serial,
    reason,
    on,
    sign,
    amend: () => certified.updatePermit(permit.id, columns),
  })

  // the project's key people are those its permits name: the new ones join, a replaced one
  // leaves unless another permit of the project (a revoked one too) names them
  await certified.ensureKeyPerson(project.id, columns.projectManagerId, 'PROJECT_MANAGER')
  if (columns.chiefSupervisorId) await certified.ensureKeyPerson(project.id, columns.chiefSupervisorId, 'CHIEF_SUPERVISOR')
  if (permit.projectManagerId !== columns.projectManagerId) await certified.dropKeyPersonUnlessNamed(project.id, permit.projectManagerId, 'PROJECT_MANAGER')
  if (permit.chiefSupervisorId && permit.chiefSupervisorId !== columns.chiefSupervisorId) {
    await certified.dropKeyPersonUnlessNamed(project.id, permit.chiefSupervisorId, 'CHIEF_SUPERVISOR')
  }
  forgetProject(lookups, project.projectCode)

  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'permit.correct',
    entity: 'ConstructionPermit',
    entityId: permit.id,
    changes: {
      permitNumber: permit.permitNumber,
      reason,
      before: permitFacts(permit),
      after: { ...correctedFacts(values), projectManager: parties.manager.number, chiefSupervisor: parties.chief?.number ?? null },
      certificate: { superseded: reissued.replaced.serial, serial: reissued.serial, keyId: reissued.keyId },
    },
    at: now,
  })
  return reissued.serial
}
