// 竣工验收备案 (stage 5): refused before an ACTIVE permit and while an ACTIVE completion filing
// exists; the filing number is 'JB' + the permit layout with the filing day; its certificate is
// issued and signed in the same transaction, with the audit entry.
//
// A historical filing (bulk import) keeps its own number and filing day (historical-numbers.ts),
// the acceptance not after it; its certificate is still the platform's, issued and signed today.
import type { Db } from '@db/client'
import type { KeyRing } from '@shared/certificates/key-file'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { fileCompletionSchema, type FileCompletionInput, type FileCompletionValues } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import { issueCertificate } from '@web/server/certificates/issue-certificate'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createCertifiedStagesRepository } from './certified-stages-repository'
import { assertAcceptedAfterPermit, assertAcceptedBy, completionColumns } from './completion-content'
import { checkGivenDatedNumber, checkGivenDay, datedNumberTaken } from './historical-numbers'
import { storedDate } from './project-stages-repository'
import { lookedUp, type ProjectWriteLookups } from './project-write-lookups'
import { assertStageAllowed } from './stage-order'
import { actingAuthorityId, inAuditedTransaction, parseInput, projectInRegion } from './staff-project-access'

export interface FiledCompletion {
  id: string
  filingNumber: string
  serial: string
}

export async function fileCompletion(db: Db, actor: Actor, keyRing: KeyRing, input: FileCompletionInput, now = new Date()): Promise<FiledCompletion> {
  authorize(actor, 'projects.write')
  authorize(actor, 'certificates.write')
  const values = parseInput(fileCompletionSchema, input)
  return inAuditedTransaction(db, (tx, audit) => fileCompletionIn(tx, actor, keyRing, values, {}, now, audit))
}

/**
 * Files the completion of parsed values in `tx` for an actor already authorized (both
 * permissions): the acceptance day, the project in the actor's regions with an ACTIVE permit and no
 * ACTIVE filing, its number and filing day (given and checked, or the next free number today), the
 * stage order on that day, the write, its certificate signed today, and the audit entry pushed onto
 * `audit`.
 */
export async function fileCompletionIn(
  tx: Tx,
  actor: Actor,
  keyRing: KeyRing,
  values: FileCompletionValues,
  history: { filingNumber?: string; filedOn?: string },
  now: Date,
  audit: AuditEntryInput[],
  lookups: ProjectWriteLookups = {},
): Promise<FiledCompletion> {
  const authorityId = actingAuthorityId(actor)
  const today = chinaDateOf(now)
  assertAcceptedBy(values.acceptedOn, today)
  const certified = createCertifiedStagesRepository(tx)
  const project = await projectInRegion(tx, actor, values.projectCode, lookups)
  if (!project.permits.some((p) => p.status === 'ACTIVE')) {
    throw new ConflictError(`项目 ${project.projectCode} 没有有效的施工许可证，不能办理竣工验收备案`)
  }
  const filed = project.completionFilings.find((c) => c.status === 'ACTIVE')
  if (filed) throw new ConflictError(`项目 ${project.projectCode} 已办理竣工验收备案 ${filed.filingNumber}，不能重复备案`)

  let given: string | undefined
  let filedOn = today
  if (history.filingNumber !== undefined) {
    const checked = checkGivenDatedNumber('COMPLETION_FILING', { number: history.filingNumber, day: history.filedOn }, project, today)
    given = checked.number
    filedOn = checked.day
    const number = checked.number
    if (await lookedUp(lookups.datedNumbers, number, () => certified.datedNumberTaken('COMPLETION_FILING', number))) throw datedNumberTaken('COMPLETION_FILING')
  } else if (history.filedOn !== undefined) {
    checkGivenDay('COMPLETION_FILING', history.filedOn, today)
    filedOn = history.filedOn
  }
  // today's filing is never before an acceptance that is not after today; a historical one can be
  if (values.acceptedOn > filedOn) throw new InputError({ filedOn: '备案日期不能早于竣工验收日期' })
  assertStageAllowed(project, 'COMPLETION_FILING', filedOn, 'filedOn')
  assertAcceptedAfterPermit(project, values.acceptedOn)

  const filingNumber = given ?? (await certified.nextDatedNumber('COMPLETION_FILING', project.regionCode, filedOn, project.category))
  const on = storedDate(filedOn)
  const filing = await certified.createCompletionFiling({
    projectId: project.id,
    filingNumber,
    regionCode: project.regionCode,
    authorityId,
    filedOn: on,
    ...completionColumns(values),
  })
  lookups.datedNumbers?.set(filingNumber, true)
  const certificate = await issueCertificate(tx, keyRing, {
    type: 'COMPLETION_FILING',
    link: { completionFilingId: filing.id },
    regionCode: project.regionCode,
    projectCode: project.projectCode,
    holderUscc: project.owner.uscc,
    issuedOn: today,
  })
  project.completionFilings.push({ id: filing.id, status: 'ACTIVE', filedOn: on, filingNumber, certificate: { serial: certificate.serial, status: 'VALID' } })
  audit.push({
    userId: actor.userId,
    clientIp: actor.clientIp,
    action: 'completion.file',
    entity: 'CompletionFiling',
    entityId: filing.id,
    changes: { before: null, after: { filingNumber, filedOn, ...values, certificate: { serial: certificate.serial, keyId: certificate.keyId } } },
    at: now,
  })
  return { id: filing.id, filingNumber, serial: certificate.serial }
}
