// The officer's work queue: projects waiting for their next stage, permits past their planned end
// with no completion filing, objections waiting for review — each limited to the actor's regions
// (`regions`: null for every region; objections by the reviewer's queue's rule). Only ACTIVE stage
// records count: a revoked permit or a superseded record no longer stands for its stage.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { Stage } from '@shared/domain/stages'

const ACTIVE = { status: 'ACTIVE' as const }

type Regions = readonly string[] | null

const inRegions = (regions: Regions) => (regions === null ? {} : { regionCode: { in: [...regions] } })

const projectRef = { select: { projectCode: true, name: true, regionCode: true } } as const

export interface WaitingRow {
  projectCode: string
  name: string
  regionCode: string
  since: Date
}

export function createDashboardRepository(db: Db) {
  /** Projects that have the stage before `stage` on record (or are registered) but not `stage`. */
  function waitingWhere(stage: Exclude<Stage, 'COMPLETION_FILING'>, regions: Regions) {
    const region = inRegions(regions)
    switch (stage) {
      case 'CONTRACT_FILING':
        return { ...region, contractFilings: { none: ACTIVE } }
      case 'DRAWING_REVIEW':
        return { ...region, contractFilings: { some: ACTIVE }, drawingReviews: { none: ACTIVE } }
      case 'SUPERVISION_FILING':
        return { ...region, drawingReviews: { some: ACTIVE }, supervisionFilings: { none: ACTIVE } }
      case 'CONSTRUCTION_PERMIT':
        return { ...region, supervisionFilings: { some: ACTIVE }, permits: { none: ACTIVE } }
    }
  }

  /** Active permits whose planned end is before `before` and whose project has no active completion filing. */
  function permitsDueWhere(regions: Regions, before: Date) {
    return { ...ACTIVE, ...inRegions(regions), plannedEndOn: { lt: before }, project: { completionFilings: { none: ACTIVE } } }
  }

  return {
    countWaiting(stage: Exclude<Stage, 'COMPLETION_FILING'>, regions: Regions): Promise<number> {
      return db.project.count({ where: waitingWhere(stage, regions) })
    },

    /**
     * The `take` projects waiting longest for `stage`, by the date of the first record of the stage
     * before (registration for 合同备案). Read from the stage before's table in date order, so the
     * database sorts; a project with several such records (contracts of several parties) appears
     * once, hence the over-read.
     */
    async oldestWaiting(stage: Exclude<Stage, 'COMPLETION_FILING'>, regions: Regions, take: number): Promise<WaitingRow[]> {
      const project = waitingWhere(stage, regions)
      const order = (field: string) => [{ [field]: 'asc' as const }, { id: 'asc' as const }]
      let rows: { date: Date; project: { projectCode: string; name: string; regionCode: string } }[]
      switch (stage) {
        case 'CONTRACT_FILING': {
          const projects = await db.project.findMany({ where: project, orderBy: order('registeredOn'), take, select: { ...projectRef.select, registeredOn: true } })
          return projects.map((p) => ({ projectCode: p.projectCode, name: p.name, regionCode: p.regionCode, since: p.registeredOn }))
        }
        case 'DRAWING_REVIEW':
          rows = (
            await db.contractFiling.findMany({ where: { ...ACTIVE, project }, orderBy: order('filedOn'), take: take * 4, select: { filedOn: true, project: projectRef } })
          ).map((r) => ({ date: r.filedOn, project: r.project }))
          break
        case 'SUPERVISION_FILING':
          rows = (
            await db.drawingReview.findMany({ where: { ...ACTIVE, project }, orderBy: order('passedOn'), take: take * 4, select: { passedOn: true, project: projectRef } })
          ).map((r) => ({ date: r.passedOn, project: r.project }))
          break
        case 'CONSTRUCTION_PERMIT':
          rows = (
            await db.supervisionFiling.findMany({ where: { ...ACTIVE, project }, orderBy: order('filedOn'), take: take * 4, select: { filedOn: true, project: projectRef } })
          ).map((r) => ({ date: r.filedOn, project: r.project }))
          break
      }
      const seen = new Set<string>()
      const out: WaitingRow[] = []
      for (const r of rows) {
        if (seen.has(r.project.projectCode)) continue
        seen.add(r.project.projectCode)
        out.push({ ...r.project, since: r.date })
        if (out.length === take) break
      }
      return out
    },

    countPermitsDue(regions: Regions, before: Date): Promise<number> {
      return db.constructionPermit.count({ where: permitsDueWhere(regions, before) })
    },

    oldestPermitsDue(regions: Regions, before: Date, take: number) {
      return db.constructionPermit.findMany({
        where: permitsDueWhere(regions, before),
        orderBy: [{ plannedEndOn: 'asc' }, { id: 'asc' }],
        take,
        select: { permitNumber: true, regionCode: true, plannedEndOn: true, project: { select: { projectCode: true, name: true } } },
      })
    },

    /**
     * Objections and credit-repair requests not yet decided, within `regionWhere` (the reviewer's
     * queue's own region rule: the record's subject's region, objectionRegionWhere).
     */
    async waitingObjections(regionWhere: Prisma.ObjectionWhereInput): Promise<{ count: number; oldest: Date | null }> {
      const where = { status: { in: ['SUBMITTED' as const, 'UNDER_REVIEW' as const] }, ...regionWhere }
      const result = await db.objection.aggregate({ where, _count: { _all: true }, _min: { submittedAt: true } })
      return { count: result._count._all, oldest: result._min.submittedAt }
    },
  }
}
