// Editing a 合同备案 record: allowed while the project's permit certificate does not exist
// (afterwards the change is a re-issue with a reason, see change-project-certificate.ts). The same
// checks as on filing; a changed party moves its participation; before and after in the audit entry.
import type { Db } from '@db/client'
import { ENTERPRISE_TYPE_LABELS } from '@shared/domain/enums'
import { CONTRACT_PARTY_LABELS, updateContractSchema, type UpdateContractInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import type { FileContractValues } from './file-contract'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { enterpriseByUscc, forgetProject, type ProjectWriteLookups } from './project-write-lookups'
import { editableProject, inAuditedTransaction, parseInput } from './staff-project-access'

export type ContractChange = Omit<FileContractValues, 'projectCode'>

export async function updateContract(db: Db, actor: Actor, input: UpdateContractInput, now = new Date()): Promise<void> {
  authorize(actor, 'projects.write')
  const { id, ...values } = parseInput(updateContractSchema, input)
  await inAuditedTransaction(db, (tx, audit) => updateContractIn(tx, actor, id, values, now, audit))
}

/**
 * Changes the contract filing `id` to parsed values in `tx` for an actor already authorized: its
 * project in the actor's regions and still editable, the party's type, the write, the participants,
 * and the audit entry pushed onto `audit`.
 */
export async function updateContractIn(
  tx: Tx,
  actor: Actor,
  id: string,
  values: ContractChange,
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<void> {
  const stages = createProjectStagesRepository(tx)
  const project = await editableProject(tx, actor, { contractFilingId: id }, lookups)
  const party = await enterpriseByUscc(stages, values.partyUscc, lookups)
  if (!party) throw new InputError({ partyUscc: '企业库中没有该统一社会信用代码的企业' })
  if (party.type !== values.partyRole) {
    throw new InputError({ partyUscc: `该企业是${ENTERPRISE_TYPE_LABELS[party.type]}，不是${CONTRACT_PARTY_LABELS[values.partyRole]}单位` })
  }
  const before = await stages.findContractFiling(id)
  await stages.updateContractFiling(id, {
    partyRole: values.partyRole,
    partyId: party.id,
    contractPrice: values.contractPrice.toFixed(2),
    signedOn: storedDate(values.signedOn),
    filedOn: storedDate(values.filedOn),
  })
  if (before.partyId !== party.id || before.partyRole !== values.partyRole) {
    // the old party stays a participant only while another active contract of that role names it
    await stages.dropParticipantUnlessContracted(project.id, before.partyId, before.partyRole)
    await stages.ensureParticipant(project.id, party.id, values.partyRole)
  }
  forgetProject(lookups, project.projectCode)
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'contract.update',
    entity: 'ContractFiling',
    entityId: id,
    changes: {
      before: { ...before, contractPrice: before.contractPrice.toString(), signedOn: isoDate(before.signedOn), filedOn: isoDate(before.filedOn) },
      after: { ...values, partyId: party.id },
    },
    at: now,
  })
}
