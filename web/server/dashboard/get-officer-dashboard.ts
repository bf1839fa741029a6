// The officer's (and reviewer's) home in the back office: the work queue of the actor's regions
// and the month's and year's counts of permits and completion filings handled on the platform.
import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { chinaDateRange } from '@shared/dates/china-date-range'
import { STAGE_LABELS, STAGE_ORDER, type Stage } from '@shared/domain/stages'
import type { Actor } from '@shared/staff/actor'
import { objectionRegionWhere } from '@web/server/objections/staff-objections-repository'
import { authorize } from '@web/server/staff/authorize'
import { createDashboardRepository } from './dashboard-repository'
import { DEFAULT_LAG_RULE } from './lag-rule'
import { computeProvinceTable, sumCounts } from './province-table'
import type { OfficerDashboard, WaitingProject } from './dashboard-schemas'

/** How many of the longest-waiting items the dashboard lists. */
export const DASHBOARD_LIST_LENGTH = 10

const DAY_MS = 86_400_000
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS)

/** The stages a project can wait for at the authority; completion is watched as permits due. */
const QUEUE_STAGES = STAGE_ORDER.filter((s): s is Exclude<Stage, 'COMPLETION_FILING'> => s !== 'COMPLETION_FILING')

export async function getOfficerDashboard(db: Db, actor: Actor, asOf = new Date(), take = DASHBOARD_LIST_LENGTH): Promise<OfficerDashboard> {
  authorize(actor, 'workspace.read')
  const regions = actor.regions === 'ALL' ? null : actor.regions
  const repository = createDashboardRepository(db)
  const today = chinaDateOf(asOf)
  const startOfToday = chinaDateRange(today, today).gte

  const [counts, oldestPerStage, permitsDueCount, permitsDue, objections, table] = await Promise.all([
    Promise.all(QUEUE_STAGES.map((s) => repository.countWaiting(s, regions))),
    Promise.all(QUEUE_STAGES.map((s) => repository.oldestWaiting(s, regions, take))),
    repository.countPermitsDue(regions, startOfToday),
    repository.oldestPermitsDue(regions, startOfToday, take),
    repository.waitingObjections(objectionRegionWhere(actor)),
    computeProvinceTable(db, asOf, DEFAULT_LAG_RULE, []),
  ])

  const oldest: WaitingProject[] = oldestPerStage
    .flatMap((rows, i) =>
      rows.map((r) => {
        const since = chinaDateOf(r.since)
        return { ...r, stage: QUEUE_STAGES[i], stageLabel: STAGE_LABELS[QUEUE_STAGES[i]], since, days: daysBetween(since, today) }
      }),
    )
    .sort((a, b) => a.since.localeCompare(b.since) || a.projectCode.localeCompare(b.projectCode))
    .slice(0, take)

  const mine = regions === null ? null : table.rows.filter((r) => regions.includes(r.regionCode))
  const oldestSubmittedOn = objections.oldest ? chinaDateOf(objections.oldest) : null
  return {
    asOf: today,
    regions: regions === null ? 'ALL' : [...regions],
    waiting: {
      byStage: QUEUE_STAGES.map((stage, i) => ({ stage, stageLabel: STAGE_LABELS[stage], count: counts[i] })),
      oldest,
    },
    permitsDue: {
      count: permitsDueCount,
      oldest: permitsDue.map((p) => {
        const plannedEndOn = chinaDateOf(p.plannedEndOn)
        return {
          permitNumber: p.permitNumber,
          projectCode: p.project.projectCode,
          projectName: p.project.name,
          regionCode: p.regionCode,
          plannedEndOn,
          daysOverdue: daysBetween(plannedEndOn, today),
        }
      }),
    },
    objections: {
      count: objections.count,
      oldestSubmittedOn,
      oldestDays: oldestSubmittedOn === null ? null : daysBetween(oldestSubmittedOn, today),
    },
    counts: {
      monthLabel: table.monthLabel,
      yearLabel: table.yearLabel,
      permits: mine ? sumCounts(mine.map((r) => r.permits)) : table.total.permits,
      completionFilings: mine ? sumCounts(mine.map((r) => r.completionFilings)) : table.total.completionFilings,
    },
  }
}
