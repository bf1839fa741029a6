// 合同备案 (stage 1): a survey, design, construction or supervision contract of the project, with
// the party from the enterprise database; the party becomes a participant of the project in that
// role (what the permit later picks its contractor and supervisor from).
import type { z } from 'zod'
import type { Db } from '@db/client'
import { ENTERPRISE_TYPE_LABELS } from '@shared/domain/enums'
import { CONTRACT_PARTY_LABELS, fileContractSchema, type FileContractInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { enterpriseByUscc, type ProjectWriteLookups } from './project-write-lookups'
import { assertStageAllowed } from './stage-order'
import { actingAuthorityId, inAuditedTransaction, parseInput, projectInRegion } from './staff-project-access'

export type FileContractValues = z.output<typeof fileContractSchema>

export async function fileContract(db: Db, actor: Actor, input: FileContractInput, now = new Date()): Promise<{ id: string; filingNumber: string }> {
  authorize(actor, 'projects.write')
  const values = parseInput(fileContractSchema, input)
  return inAuditedTransaction(db, (tx, audit) => fileContractIn(tx, actor, values, now, audit))
}

/**
 * Files the contract of parsed values in `tx` for an actor already authorized: the project in the
 * actor's regions, the stage order, the party's type, the filing with its number, the participant,
 * and the audit entry pushed onto `audit`.
 */
export async function fileContractIn(
  tx: Tx,
  actor: Actor,
  values: FileContractValues,
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<{ id: string; filingNumber: string }> {
  const authorityId = actingAuthorityId(actor)
  const stages = createProjectStagesRepository(tx)
  const project = await projectInRegion(tx, actor, values.projectCode, lookups)
  assertStageAllowed(project, 'CONTRACT_FILING', values.filedOn, 'filedOn')
  const party = await enterpriseByUscc(stages, values.partyUscc, lookups)
  if (!party) throw new InputError({ partyUscc: '企业库中没有该统一社会信用代码的企业' })
  if (party.type !== values.partyRole) {
    throw new InputError({ partyUscc: `该企业是${ENTERPRISE_TYPE_LABELS[party.type]}，不是${CONTRACT_PARTY_LABELS[values.partyRole]}单位` })
  }
  const filingNumber = await stages.nextYearlyNumber('HT', project.regionCode, Number(values.filedOn.slice(0, 4)), lookups.yearlySequences)
  const filedOn = storedDate(values.filedOn)
  const filing = await stages.createContractFiling({
    projectId: project.id,
    filingNumber,
    partyRole: values.partyRole,
    partyId: party.id,
    contractPrice: values.contractPrice.toFixed(2),
    signedOn: storedDate(values.signedOn),
    filedOn,
    authorityId,
  })
  // the project as read in this transaction lists its participants: a second contract of the party in the role adds none
  const participantAdded = !project.participants.some((p) => p.role === values.partyRole && p.enterpriseId === party.id)
  if (participantAdded) {
    await stages.addParticipant(project.id, party.id, values.partyRole)
    project.participants.push({ role: values.partyRole, enterpriseId: party.id })
  }
  project.contractFilings.push({ id: filing.id, status: 'ACTIVE', filedOn, partyRole: values.partyRole, partyId: party.id })
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'contract.file',
    entity: 'ContractFiling',
    entityId: filing.id,
    changes: { before: null, after: { filingNumber, ...values, partyName: party.name, participantAdded } },
    at: now,
  })
  return { id: filing.id, filingNumber }
}
