// What the statistics API answers (/api/v1/statistics/permits): the schema the OpenAPI document
// is generated from, and the types the use case, the page, its tables and the export use.
import { z } from 'zod'
import { isoDateSchema } from '@web/server/lib/response-schemas'

export const statisticsPeriodSchema = z.object({
  year: z.number().int(),
  /** 1–12, or null for the whole year */
  month: z.number().int().nullable(),
  /** first day */
  from: isoDateSchema,
  /** last day, inclusive (today when the period has not ended yet) */
  to: isoDateSchema,
  /** the same dates one year earlier (for a whole month or year: the whole one before) */
  previousFrom: isoDateSchema,
  previousTo: isoDateSchema,
  /** true when the period contains today and therefore ends today */
  partial: z.boolean(),
  /** e.g. '2026年', '2026年3月', '2026年1月1日至11月24日' */
  label: z.string(),
  previousLabel: z.string(),
})

const totalFiguresSchema = z.object({
  count: z.number().int(),
  /** permits' floorArea, completion filings' actualArea (missing areas count 0), 2 decimals */
  floorArea: z.number().describe('m²'),
  /** permits' contract price, completion filings' actual cost, 2 decimals */
  amount: z.number().describe('万元'),
  /** count in the same period a year earlier */
  previousCount: z.number().int(),
  /** current − previous */
  change: z.number().int(),
  /** change / previous × 100, one decimal; null when the previous count is 0 */
  changePercent: z.number().nullable(),
})

const regionFiguresSchema = totalFiguresSchema.extend({
  regionCode: z.string(),
  regionName: z.string(),
  /** short name for charts, e.g. 海口 */
  regionShortName: z.string(),
  /** rank by count among the regions, 1 = most; ties share a rank (1, 2, 2, 4) */
  rank: z.number().int().min(1),
})

const figuresTableSchema = z.object({
  /**
   * every city, county and zone in the regulator's order, zero rows included, then any other
   * region with data (the province itself as 省本级); the same regions in both tables
   */
  rows: z.array(regionFiguresSchema),
  /** 全省合计 */
  total: totalFiguresSchema,
})

const monthFiguresSchema = z.object({
  month: z.number().int().min(1).max(12),
  /** null for a month that has not begun yet */
  permits: z.number().int().nullable(),
  previousPermits: z.number().int(),
  completionFilings: z.number().int().nullable(),
  previousCompletionFilings: z.number().int(),
})

export const permitStatisticsSchema = z.object({
  period: statisticsPeriodSchema,
  permits: figuresTableSchema,
  completionFilings: figuresTableSchema,
  /** the twelve months of period.year (up to today), with the same whole months a year earlier */
  monthly: z.array(monthFiguresSchema).length(12),
})

export type StatisticsPeriod = z.infer<typeof statisticsPeriodSchema>
export type TotalFigures = z.infer<typeof totalFiguresSchema>
export type RegionFigures = z.infer<typeof regionFiguresSchema>
export type FiguresTable = z.infer<typeof figuresTableSchema>
export type MonthFigures = z.infer<typeof monthFiguresSchema>
export type PermitStatisticsReport = z.infer<typeof permitStatisticsSchema>
