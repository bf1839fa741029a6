// Correcting an issued completion filing's own facts (the acceptance day, actual cost and area),
// with a reason: the acceptance day is checked as on filing (completion-content.ts: not before the
// permit, not after today); then, in one transaction, the filing row changes, its certificate is
// superseded by one signed today over the corrected facts (certificate-correction.ts), and one
// audit entry records before, after, the reason and both serials. Returns the new serial.
import type { z } from 'zod'
import type { Db } from '@db/client'
import type { KeyRing } from '@shared/certificates/key-file'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { correctCompletionSchema, type CorrectCompletionInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import type { ReissueInput } from '@web/server/certificates/certificate-changes-repository'
import { replacementSigner } from '@web/server/certificates/change-certificate-status'
import { NotFoundError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { assertRegion, authorize } from '@web/server/staff/authorize'
import { assertCorrectable, reissueCorrected } from './certificate-correction'
import { createCertifiedStagesRepository } from './certified-stages-repository'
import { assertAcceptedAfterPermit, assertAcceptedBy, completionColumns } from './completion-content'
import { storedDate } from './project-stages-repository'
import { forgetProject, type ProjectWriteLookups } from './project-write-lookups'
import { inAuditedTransaction, parseInput, projectInRegion } from './staff-project-access'

export type CorrectCompletionValues = z.output<typeof correctCompletionSchema>

export async function correctCompletionFiling(db: Db, actor: Actor, keyRing: KeyRing, input: CorrectCompletionInput, now = new Date()): Promise<string> {
  authorize(actor, 'projects.write')
  authorize(actor, 'certificates.write')
  const correction = parseInput(correctCompletionSchema, input)
  // throws NoSigningKeyError before anything is written when this server cannot sign today
  const sign = replacementSigner(keyRing, now)
  return inAuditedTransaction(db, (tx, audit) => correctCompletionFilingIn(tx, actor, sign, correction, now, audit))
}

/**
 * Corrects the completion filing of parsed values in `tx` for an actor already authorized (both
 * permissions): the filing and its project in the actor's regions, ACTIVE with a VALID
 * certificate, the acceptance day, the re-issue over the corrected row, and the audit entry pushed
 * onto `audit`. Returns the new certificate's serial.
 */
export async function correctCompletionFilingIn(
  tx: Tx,
  actor: Actor,
  sign: ReissueInput['sign'],
  correction: CorrectCompletionValues,
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<string> {
  const { completionFilingId, reason, ...values } = correction
  const today = chinaDateOf(now)
  const on = storedDate(today)
  const certified = createCertifiedStagesRepository(tx)
  const filing = await certified.findCompletionForCorrection(completionFilingId)
  if (!filing) throw new NotFoundError('竣工验收备案')
  assertRegion(actor, filing.regionCode, '竣工验收备案')
  const project = await projectInRegion(tx, actor, filing.project.projectCode, lookups)
  assertCorrectable(filing, `竣工验收备案 ${filing.filingNumber} `)
  assertAcceptedBy(values.acceptedOn, today)
  assertAcceptedAfterPermit(project, values.acceptedOn)

  const columns = completionColumns(values)
  const reissued = await reissueCorrected(tx, actor, {
    serial: filing.certificate.serial,
    reason,
    on,
    sign,
    amend: () => certified.updateCompletionFiling(filing.id, columns),
  })
  forgetProject(lookups, project.projectCode)
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'completion.correct',
    entity: 'CompletionFiling',
    entityId: filing.id,
    changes: {
      filingNumber: filing.filingNumber,
      reason,
      before: { acceptedOn: isoDate(filing.acceptedOn), actualCost: filing.actualCost.toString(), actualArea: filing.actualArea },
      after: { ...values, actualArea: values.actualArea ?? null },
      certificate: { superseded: reissued.replaced.serial, serial: reissued.serial, keyId: reissued.keyId },
    },
    at: now,
  })
  return reissued.serial
}
