// The back office's integrity-record list: records whose subject is of the actor's regions
// (withdrawn ones too, marked), searched by 文号, title or subject name, newest decision first.
import type { Db } from '@db/client'
import { compileStandard, CURRENT_STANDARD } from '@shared/scoring'
import type { Actor } from '@shared/staff/actor'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'
import { createStaffRecordsRepository } from './staff-records-repository'
import { staffSearchTerm } from '@web/server/staff/staff-search'

const compiled = compileStandard(CURRENT_STANDARD)

export async function listStaffRecords(db: Db, actor: Actor, query: { q?: string; page?: number; pageSize?: number } = {}) {
  authorize(actor, 'workspace.read')
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100)
  const page = Math.max(query.page ?? 1, 1)
  const { total, rows } = await createStaffRecordsRepository(db).listInRegion(actor, staffSearchTerm(query.q), page, pageSize)
  return {
    total,
    page,
    pageSize,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      categoryLabel: compiled.categories.get(r.categoryCode)?.label ?? r.categoryCode,
      title: r.title,
      decisionNumber: r.decisionNumber,
      decidedOn: isoDate(r.decidedOn),
      publishUntil: isoDate(r.publishUntil),
      points: r.points,
      status: r.status,
      subjectName: r.enterprise?.name ?? r.person?.name ?? '',
    })),
  }
}
