// The query of GET /api/exchange/v1/ministry-export, validated with these schemas by the use case
// and described by them in the exchange OpenAPI document.
import { z } from 'zod'
import { MINISTRY_TABLES, type MinistryTableName } from '@shared/ministry/tables'

export const MINISTRY_TABLE_NAMES = MINISTRY_TABLES.map((t) => t.name) as [MinistryTableName, ...MinistryTableName[]]

/** A bare date is midnight in China, where the regulator works (as `npm run export:ministry -- --since`). */
export function parseMinistrySince(value: string): Date | null {
  const instant = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value)
  return Number.isNaN(instant.getTime()) ? null : instant
}

export const ministryExportQuerySchema = z
  .object({
    since: z
      .string()
      .max(40, '起始时间过长')
      .refine((v) => parseMinistrySince(v) !== null, '起始时间应为 ISO 日期（YYYY-MM-DD，北京时间零点）或带时区的时间（如 2026-06-30T09:00:00+08:00）')
      .optional(),
    cursor: z.string().max(200, '游标过长').optional(),
    format: z.enum(['jsonl', 'csv'], { error: '格式应为 jsonl 或 csv' }).default('jsonl'),
    table: z.enum(MINISTRY_TABLE_NAMES, { error: `表名应为 ${MINISTRY_TABLE_NAMES.join('、')} 之一` }).optional(),
  })
  .strict()

export type MinistryExportQuery = z.infer<typeof ministryExportQuerySchema>
