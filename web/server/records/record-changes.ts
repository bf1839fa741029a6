// What recording, correcting and withdrawing integrity records share, and the transaction-level
// steps that the objection review reuses (an upheld objection corrects or withdraws the record
// with exactly these rules and audit entries).
//
// A record's region is its subject's: an enterprise's regionCode, a practitioner's employer's.
import { compileStandard, CURRENT_STANDARD, publicationUntil } from '@shared/scoring'
import type { Actor } from '@shared/staff/actor'
import type { RecordCorrection } from '@shared/staff-forms/records'
import { appendAuditEntry, type Tx } from '@web/server/audit/audit-log-repository'
import type { SubjectRef } from '@web/server/credit/grade-snapshots-repository'
import { ConflictError, InputError, NotFoundError } from '@web/server/lib/errors'
import { isoDate } from '@web/server/lib/values'
import { assertPersonRegion } from '@web/server/practitioners/practitioner-changes'
import type { Prisma } from '@db/generated/sqlite/client'
import { dayDate } from './staff-input'
import { staffRecordFields } from './staff-records-repository'

const compiled = compileStandard(CURRENT_STANDARD)

export const recordAuditSelect = {
  ...staffRecordFields,
  enterpriseId: true,
  personId: true,
} satisfies Prisma.IntegrityRecordSelect

type RecordRow = {
  kind: string
  categoryCode: string
  title: string
  description: string
  decisionNumber: string
  issuedBy: string
  decidedOn: Date
  publishFrom: Date
  publishUntil: Date
  penaltyLastDay: Date | null
  points: number
  status: string
}

export function recordAuditFields(row: RecordRow) {
  return {
    kind: row.kind,
    categoryCode: row.categoryCode,
    title: row.title,
    description: row.description,
    decisionNumber: row.decisionNumber,
    issuedBy: row.issuedBy,
    decidedOn: isoDate(row.decidedOn),
    publishFrom: isoDate(row.publishFrom),
    publishUntil: isoDate(row.publishUntil),
    penaltyLastDay: isoDate(row.penaltyLastDay),
    points: row.points,
    status: row.status,
  }
}

export interface RecordTerms {
  kind: 'GOOD' | 'BAD'
  categoryCode: string
  decidedOn: string
  penaltyLastDay: string | null
  publishFrom: string | null
}

/**
 * The stored values that follow from the standard: the category's points and the publication
 * period (publishFrom defaults to the decision date, publishUntil by publicationUntil()).
 * Throws InputError when the category does not apply to the subject's class.
 */
export function recordTermsData(terms: RecordTerms, subject: { type: 'ENTERPRISE'; enterpriseType: string } | { type: 'PERSON' }) {
  const category = compiled.categories.get(terms.categoryCode)
  if (!category || category.kind !== terms.kind) throw new InputError({ categoryCode: '不是现行评分标准中该类型的记录类别' })
  const subjectClass = subject.type === 'PERSON' ? 'PRACTITIONER' : compiled.enterpriseClasses[subject.enterpriseType as keyof typeof compiled.enterpriseClasses]
  if (!subjectClass || !compiled.classes[subjectClass].rules.has(terms.categoryCode)) {
    throw new InputError({ categoryCode: '该记录类别不适用于此类主体' })
  }
  const publishFrom = terms.publishFrom ?? terms.decidedOn
  const publishUntil = publicationUntil(compiled, terms.categoryCode, publishFrom, terms.kind === 'BAD' ? terms.penaltyLastDay : null)
  return {
    kind: terms.kind,
    categoryCode: terms.categoryCode,
    decidedOn: dayDate(terms.decidedOn),
    publishFrom: dayDate(publishFrom),
    publishUntil: dayDate(publishUntil),
    penaltyLastDay: terms.kind === 'BAD' && terms.penaltyLastDay ? dayDate(terms.penaltyLastDay) : null,
    points: category.points,
  }
}

/** The record with its subject's region; NotFoundError when absent or outside the actor's regions. */
export async function recordInRegion(tx: Tx, actor: Actor, recordId: string) {
  const record = await tx.integrityRecord.findUnique({
    where: { id: recordId },
    select: {
      ...recordAuditSelect,
      enterprise: { select: { type: true, regionCode: true } },
      person: { select: { employer: { select: { regionCode: true } } } },
    },
  })
  if (!record) throw new NotFoundError('诚信记录')
  if (record.enterprise) {
    if (!(actor.regions === 'ALL' || actor.regions.includes(record.enterprise.regionCode))) throw new NotFoundError('诚信记录')
  } else assertPersonRegion(actor, record.person?.employer?.regionCode, '诚信记录')
  return record
}

export type RegionRecord = Awaited<ReturnType<typeof recordInRegion>>

export function subjectRefOf(record: { subjectType: string; enterpriseId: string | null; personId: string | null }): SubjectRef {
  return record.subjectType === 'ENTERPRISE' ? { type: 'ENTERPRISE', id: record.enterpriseId! } : { type: 'PERSON', id: record.personId! }
}

export interface ChangeContext {
  actor: Pick<Actor, 'userId' | 'clientIp'>
  now: Date
  /** why, when the change follows from an objection (its tracking number) */
  objection?: string
}

/** Corrects an ACTIVE record in the caller's transaction, with its audit entry (before/after). */
export async function applyRecordCorrection(tx: Tx, record: RegionRecord, correction: RecordCorrection, ctx: ChangeContext): Promise<void> {
  if (record.status !== 'ACTIVE') throw new ConflictError('该记录已撤销，不能更正')
  const subject = record.enterprise ? { type: 'ENTERPRISE' as const, enterpriseType: record.enterprise.type } : { type: 'PERSON' as const }
  const data = {
    ...recordTermsData(correction, subject),
    title: correction.title,
    description: correction.description,
    decisionNumber: correction.decisionNumber,
    issuedBy: correction.issuedBy,
  }
  // conditional on ACTIVE, so a withdrawal committed meanwhile is not overwritten
  const changed = await tx.integrityRecord.updateMany({ where: { id: record.id, status: 'ACTIVE' }, data })
  if (changed.count !== 1) throw new ConflictError('该记录已撤销，不能更正')
  const after = await tx.integrityRecord.findUniqueOrThrow({ where: { id: record.id }, select: recordAuditSelect })
  const before = recordAuditFields(record)
  const now = recordAuditFields(after)
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(now[key])) {
      b[key] = before[key]
      a[key] = now[key]
    }
  }
  await appendAuditEntry(tx, {
    userId: ctx.actor.userId,
    clientIp: ctx.actor.clientIp,
    action: 'record.correct',
    entity: 'IntegrityRecord',
    entityId: record.id,
    changes: { reason: correction.reason, ...(ctx.objection ? { objection: ctx.objection } : {}), before: b, after: a },
    at: ctx.now,
  })
}

/** Withdraws an ACTIVE record in the caller's transaction, with its audit entry. */
export async function applyRecordWithdrawal(tx: Tx, record: { id: string; status: string }, reason: string, ctx: ChangeContext): Promise<void> {
  const changed = await tx.integrityRecord.updateMany({
    where: { id: record.id, status: 'ACTIVE' },
    data: { status: 'WITHDRAWN', withdrawnAt: ctx.now, withdrawalReason: reason },
  })
  if (changed.count !== 1) throw new ConflictError('该记录已撤销')
  await appendAuditEntry(tx, {
    userId: ctx.actor.userId,
    clientIp: ctx.actor.clientIp,
    action: 'record.withdraw',
    entity: 'IntegrityRecord',
    entityId: record.id,
    changes: {
      ...(ctx.objection ? { objection: ctx.objection } : {}),
      before: { status: 'ACTIVE', withdrawnAt: null, withdrawalReason: null },
      after: { status: 'WITHDRAWN', withdrawnAt: ctx.now.toISOString(), withdrawalReason: reason },
    },
    at: ctx.now,
  })
}
