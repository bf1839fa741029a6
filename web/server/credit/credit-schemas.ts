// What the credit-grade API answers (信用等级排行, 黑名单, one subject's explanation, 查询我的信用等级):
// the schemas the OpenAPI document is generated from, and the types the repositories, the use
// cases, the pages and the exports are written against.
import { z } from 'zod'
import { ENTERPRISE_TYPES, RECORD_KINDS, RECORD_STATUSES } from '@shared/domain/enums'
import { CAP_KINDS, CHANGE_CAUSES, EXCLUSION_REASONS, GRADES, SUBJECT_CLASSES } from '@shared/scoring'
import { isoDateSchema } from '@web/server/lib/response-schemas'

const grade = z.enum(GRADES)

export const creditSubjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ENTERPRISE'), name: z.string(), uscc: z.string().length(18), enterpriseType: z.enum(ENTERPRISE_TYPES) }),
  z.object({ type: z.literal('PERSON'), id: z.string(), name: z.string(), employerName: z.string().nullable() }).describe('从业人员：仅姓名和平台内部编号'),
])

export const recordRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  categoryCode: z.string(),
  categoryLabel: z.string(),
  decisionNumber: z.string().describe('文号'),
  issuedBy: z.string(),
  decidedOn: isoDateSchema,
  publishFrom: isoDateSchema,
  lastPublicDay: isoDateSchema.describe('公示截止（含）'),
})

export const creditGradeListItemSchema = z.object({
  subject: creditSubjectSchema,
  subjectClass: z.enum(SUBJECT_CLASSES),
  subjectClassLabel: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  score: z.number(),
  grade,
  gradeLabel: z.string(),
  blacklisted: z.boolean(),
  asOf: isoDateSchema.describe('等级起始日: the day this grade took effect (a stored grade is written only when it changes)'),
  standardVersion: z.string(),
})

export const blacklistEntrySchema = z.object({
  subject: creditSubjectSchema,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  listedOn: isoDateSchema.describe('列入日期'),
  removableOn: isoDateSchema.describe('移出日期（此日起不再列入，期间无新情形时）'),
  grounds: z.array(z.object({ code: z.string(), label: z.string(), since: isoDateSchema, until: isoDateSchema, records: z.array(recordRefSchema) })).min(1),
  score: z.number(),
  grade,
  asOf: isoDateSchema,
  standardVersion: z.string(),
})

const historyPoint = z.object({ asOf: isoDateSchema, score: z.number(), grade, blacklisted: z.boolean(), standardVersion: z.string() })

const contributionSchema = z.object({
  record: recordRefSchema,
  kind: z.enum(RECORD_KINDS),
  rule: z.object({ code: z.string(), label: z.string() }),
  rawPoints: z.number(),
  points: z.number().describe('封顶后的计分'),
  capped: z.boolean(),
  cappedBy: z.enum(CAP_KINDS).nullable(),
  countsFrom: isoDateSchema,
  lastCountingDay: isoDateSchema.describe('最后计分日（公示截止）'),
  countsUntil: isoDateSchema.describe('停止计分之日'),
})

const changeSchema = z.object({
  date: isoDateSchema,
  score: z.number(),
  grade,
  gradeLabel: z.string(),
  blacklisted: z.boolean(),
  causes: z.array(z.object({ type: z.enum(CHANGE_CAUSES), label: z.string(), record: recordRefSchema.nullable() })),
})

export const subjectCreditSchema = z.object({
  subject: creditSubjectSchema,
  regionName: z.string().nullable(),
  asOf: isoDateSchema.describe('实时计算所依据的日期（北京时间当日）'),
  standardVersion: z.string(),
  subjectClass: z.enum(SUBJECT_CLASSES),
  subjectClassLabel: z.string(),
  score: z.number(),
  grade,
  gradeLabel: z.string(),
  gradeMeaning: z.string(),
  /** differentiated supervision for the grade */
  supervision: z.object({ inspectionsPerQuarter: z.number(), inspection: z.string(), bidding: z.string(), qualification: z.string(), awards: z.string() }),
  breakdown: z.object({ baseScore: z.number(), goodRaw: z.number(), good: z.number(), bad: z.number(), floorAdjustment: z.number() }),
  blacklist: z.object({
    listed: z.boolean(),
    listedOn: isoDateSchema.nullable(),
    removableOn: isoDateSchema.nullable(),
    grounds: z.array(z.object({ code: z.string(), label: z.string(), description: z.string(), since: isoDateSchema, until: isoDateSchema, records: z.array(recordRefSchema) })),
    /** what listing bars, empty when not listed */
    bars: z.array(z.string()),
  }),
  /** records counting today, oldest first (the order caps are applied in) */
  contributions: z.array(contributionSchema),
  excluded: z
    .array(z.object({ record: recordRefSchema, status: z.enum(RECORD_STATUSES), reason: z.enum(EXCLUSION_REASONS), reasonLabel: z.string() }))
    .describe('公示中但不计分的记录（类别不适用等）；不在公示期内的记录不列出'),
  noLongerPublic: z.number().int().describe('公示期已满或已撤回、不再计分的记录条数（不列出具体记录）'),
  /** future days on which score, grade or listing change, assuming no new records */
  nextChanges: z.array(changeSchema),
  /** stored snapshots, oldest first (at most HISTORY_POINTS, the latest ones) */
  history: z.array(historyPoint),
  /**
   * The latest stored snapshot (what the ranking shows) and whether the engine, run now on the
   * subject's records for that snapshot's day, still gives the same score, grade and listing
   * (false after a record changed since it was computed); null before the first recompute.
   */
  stored: historyPoint.extend({ computedAt: z.string().describe('ISO instant'), agrees: z.boolean() }).nullable(),
})

/** Who a check-my-grade query names (the check page; not an API answer of its own). */
export const creditCheckMatchSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ENTERPRISE'), uscc: z.string(), name: z.string(), enterpriseType: z.enum(ENTERPRISE_TYPES), enterpriseTypeLabel: z.string(), regionName: z.string() }),
  z.object({ type: z.literal('PERSON'), id: z.string(), name: z.string(), employerName: z.string().nullable(), registrationNumber: z.string() }),
])

/** The day (or range of days) of the latest stored grades: the pages' 评价基准日. */
export const gradeDaysSchema = z.object({ from: isoDateSchema, to: isoDateSchema }).nullable()

export type CreditSubject = z.infer<typeof creditSubjectSchema>
export type RecordRef = z.infer<typeof recordRefSchema>
export type CreditGradeListItem = z.infer<typeof creditGradeListItemSchema>
export type BlacklistEntry = z.infer<typeof blacklistEntrySchema>
export type SubjectCredit = z.infer<typeof subjectCreditSchema>
export type CreditHistoryPoint = z.infer<typeof historyPoint>
export type CreditCheckMatch = z.infer<typeof creditCheckMatchSchema>
export type GradeDays = z.infer<typeof gradeDaysSchema>
