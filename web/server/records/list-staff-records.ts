// The back office's integrity-record list: records whose subject is of the actor's regions
// (withdrawn ones too, marked), searched by 文号, title or subject name, newest decision first.
import type { Db } from '@db/client'
import { compileStandard, CURRENT_STANDARD } from '@shared/scoring'
import type { Actor } from '@shared/staff/actor'
import { isoDate } from '@web/server/lib/values'
import { authorize } from '@web/server/staff/authorize'

const compiled = compileStandard(CURRENT_STANDARD)

/** Prisma `where` limiting records to those whose subject is of the actor's regions. */
export function recordRegionWhere(actor: Actor) {
  if (actor.regions === 'ALL') return {}
  const regions = [...actor.regions]
  return { OR: [{ enterprise: { regionCode: { in: regions } } }, { person: { employer: { regionCode: { in: regions } } } }] }
}

export async function listStaffRecords(db: Db, actor: Actor, query: { q?: string; page?: number; pageSize?: number } = {}) {
  authorize(actor, 'workspace.read')
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100)
  const page = Math.max(query.page ?? 1, 1)
  const q = query.q?.trim()
  const where = {
    AND: [
      recordRegionWhere(actor),
      q
        ? { OR: [{ decisionNumber: { contains: q } }, { title: { contains: q } }, { enterprise: { name: { contains: q } } }, { person: { name: { contains: q } } }] }
        : {},
    ],
  }
  const [total, rows] = await Promise.all([
    db.integrityRecord.count({ where }),
    db.integrityRecord.findMany({
      where,
      orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        kind: true,
        categoryCode: true,
        title: true,
        decisionNumber: true,
        decidedOn: true,
        publishUntil: true,
        points: true,
        status: true,
        enterprise: { select: { name: true } },
        person: { select: { name: true } },
      },
    }),
  ])
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
