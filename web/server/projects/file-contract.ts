// 合同备案 (stage 1): a survey, design, construction or supervision contract of the project, with
// the party from the enterprise database; the party becomes a participant of the project in that
// role (what the permit later picks its contractor and supervisor from).
import type { Db } from '@db/client'
import { ENTERPRISE_TYPE_LABELS } from '@shared/domain/enums'
import { CONTRACT_PARTY_LABELS, fileContractSchema, type FileContractInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createProjectStagesRepository, storedDate } from './project-stages-repository'
import { assertStageAllowed } from './stage-order'
import { parseInput, projectInRegion } from './staff-project-access'

export async function fileContract(db: Db, actor: Actor, input: FileContractInput, now = new Date()): Promise<{ id: string; filingNumber: string }> {
  authorize(actor, 'projects.write')
  const values = parseInput(fileContractSchema, input)
  if (!actor.authorityId) throw new InputError({ form: '您的账号不属于任何主管部门，不能办理业务' })
  const authorityId = actor.authorityId
  return withAuditRetry(db, async (tx) => {
    const stages = createProjectStagesRepository(tx)
    const project = await projectInRegion(tx, actor, values.projectCode)
    assertStageAllowed(project, 'CONTRACT_FILING', values.filedOn, 'filedOn')
    const party = await stages.findEnterpriseByUscc(values.partyUscc)
    if (!party) throw new InputError({ partyUscc: '企业库中没有该统一社会信用代码的企业' })
    if (party.type !== values.partyRole) {
      throw new InputError({ partyUscc: `该企业是${ENTERPRISE_TYPE_LABELS[party.type]}，不是${CONTRACT_PARTY_LABELS[values.partyRole]}单位` })
    }
    const filingNumber = await stages.nextYearlyNumber('HT', project.regionCode, Number(values.filedOn.slice(0, 4)))
    const filing = await stages.createContractFiling({
      projectId: project.id,
      filingNumber,
      partyRole: values.partyRole,
      partyId: party.id,
      contractPrice: values.contractPrice.toFixed(2),
      signedOn: storedDate(values.signedOn),
      filedOn: storedDate(values.filedOn),
      authorityId,
    })
    const participantAdded = await stages.ensureParticipant(project.id, party.id, values.partyRole)
    await appendAuditEntry(tx, {
      userId: actor.userId,
      clientIp: actor.clientIp,
      action: 'contract.file',
      entity: 'ContractFiling',
      entityId: filing.id,
      changes: { before: null, after: { filingNumber, ...values, partyName: party.name, participantAdded } },
      at: now,
    })
    return { id: filing.id, filingNumber }
  })
}
