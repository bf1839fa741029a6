// What the back office's dashboards answer: the officer's work queue and monthly counts, and the
// province table the regulator circulates (施工许可及竣工验收备案网上办理情况统计表).
import { z } from 'zod'
import { stageSchema } from '@shared/domain/stages'
import { isoDateSchema } from '@web/server/lib/response-schemas'
import { lagRuleSchema } from './lag-rule'

/** Counts of one kind (permits or completion filings) for this month and this year to date. */
export const periodCountsSchema = z.object({
  month: z.number().int(),
  /** the same dates of the month a year earlier */
  monthLastYear: z.number().int(),
  monthChange: z.number().int(),
  /** one decimal; null when last year's count is 0 */
  monthChangePercent: z.number().nullable(),
  year: z.number().int(),
  yearLastYear: z.number().int(),
  yearChange: z.number().int(),
  yearChangePercent: z.number().nullable(),
})

export const provinceTableRowSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  permits: periodCountsSchema,
  completionFilings: periodCountsSchema,
  /** the lag rule's reasons; empty when the region does not lag */
  lagReasons: z.array(z.string()),
  lagging: z.boolean(),
  /** the region is the (regional) actor's own: the page highlights it */
  own: z.boolean(),
})

export const provinceTableSchema = z.object({
  /** today (China date): the table runs to it */
  asOf: isoDateSchema,
  monthLabel: z.string(),
  monthPreviousLabel: z.string(),
  yearLabel: z.string(),
  yearPreviousLabel: z.string(),
  rule: lagRuleSchema,
  ruleText: z.string(),
  /** every city, county and zone in the regulator's order, then 省本级 when it has data */
  rows: z.array(provinceTableRowSchema),
  total: z.object({ permits: periodCountsSchema, completionFilings: periodCountsSchema }),
})

export const waitingProjectSchema = z.object({
  projectCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  /** the stage the project waits for */
  stage: stageSchema,
  stageLabel: z.string(),
  /** the date of the first record of the stage before (the registration date for 合同备案) */
  since: isoDateSchema,
  days: z.number().int(),
})

export const permitDueSchema = z.object({
  permitNumber: z.string(),
  projectCode: z.string(),
  projectName: z.string(),
  regionCode: z.string(),
  plannedEndOn: isoDateSchema,
  /** days since the planned end */
  daysOverdue: z.number().int(),
})

export const officerDashboardSchema = z.object({
  asOf: isoDateSchema,
  /** the regions the queue covers: 'ALL' for the province */
  regions: z.union([z.literal('ALL'), z.array(z.string())]),
  waiting: z.object({
    /** per stage from 合同备案 to 施工许可: how many projects wait for it */
    byStage: z.array(z.object({ stage: stageSchema, stageLabel: z.string(), count: z.number().int() })),
    /** the longest-waiting projects, oldest first */
    oldest: z.array(waitingProjectSchema),
  }),
  permitsDue: z.object({ count: z.number().int(), oldest: z.array(permitDueSchema) }),
  objections: z.object({
    /** submitted or under review */
    count: z.number().int(),
    oldestSubmittedOn: isoDateSchema.nullable(),
    oldestDays: z.number().int().nullable(),
  }),
  /** permits and completion filings handled on the platform in the actor's regions */
  counts: z.object({
    monthLabel: z.string(),
    yearLabel: z.string(),
    permits: periodCountsSchema,
    completionFilings: periodCountsSchema,
  }),
})

export type PeriodCounts = z.infer<typeof periodCountsSchema>
export type ProvinceTableRow = z.infer<typeof provinceTableRowSchema>
export type ProvinceTable = z.infer<typeof provinceTableSchema>
export type WaitingProject = z.infer<typeof waitingProjectSchema>
export type PermitDue = z.infer<typeof permitDueSchema>
export type OfficerDashboard = z.infer<typeof officerDashboardSchema>
