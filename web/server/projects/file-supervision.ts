// 质量安全报监 (stage 3): the quality-and-safety supervision station takes the project on; needs
// the drawing review on record and is not dated before it. The filing number is the platform's
// JD{region}{year}{seq} (the seed's format).
import type { z } from 'zod'
import type { Db } from '@db/client'
import { fileSupervisionSchema, type FileSupervisionInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import { authorize } from '@web/server/staff/authorize'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import type { ProjectWriteLookups } from './project-write-lookups'
import { assertStageAllowed } from './stage-order'
import { actingAuthorityId, inAuditedTransaction, parseInput, projectInRegion } from './staff-project-access'

export type FileSupervisionValues = z.output<typeof fileSupervisionSchema>

export async function fileSupervision(db: Db, actor: Actor, input: FileSupervisionInput, now = new Date()): Promise<{ id: string; filingNumber: string }> {
  authorize(actor, 'projects.write')
  const values = parseInput(fileSupervisionSchema, input)
  return inAuditedTransaction(db, (tx, audit) => fileSupervisionIn(tx, actor, values, now, audit))
}

/**
 * Files the supervision of parsed values in `tx` for an actor already authorized: the project in
 * the actor's regions, the stage order, the filing with its number, and the audit entry pushed
 * onto `audit`.
 */
export async function fileSupervisionIn(
  tx: Tx,
  actor: Actor,
  values: FileSupervisionValues,
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<{ id: string; filingNumber: string }> {
  const authorityId = actingAuthorityId(actor)
  const project = await projectInRegion(tx, actor, values.projectCode, lookups)
  assertStageAllowed(project, 'SUPERVISION_FILING', values.filedOn, 'filedOn')
  const stages = createProjectStagesRepository(tx)
  const filingNumber = await stages.nextYearlyNumber('JD', project.regionCode, Number(values.filedOn.slice(0, 4)), lookups.yearlySequences)
  const filedOn = storedDate(values.filedOn)
  const filing = await stages.createSupervisionFiling({
    projectId: project.id,
    filingNumber,
    supervisionStation: values.supervisionStation,
    filedOn,
    authorityId,
  })
  project.supervisionFilings.push({ id: filing.id, status: 'ACTIVE', filedOn })
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'supervision.file',
    entity: 'SupervisionFiling',
    entityId: filing.id,
    changes: { before: null, after: { filingNumber, ...values } },
    at: now,
  })
  return { id: filing.id, filingNumber }
}
