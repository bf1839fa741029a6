// The shape of a scoring standard (诚信评分标准), as a zod schema.
//
// A standard is plain JSON-able data: the ScoringStandard table stores it as published, the
// portal renders it, and the engine compiles it. The schema checks more than types: the
// invariants the engine and 建市〔2017〕241号 rely on (good records public 3 years, bad records
// 6 months to 3 years, bands strictly descending and ending at the floor, caps no smaller than
// one record's points, every reference resolving), so a mistyped number fails here, not on a
// public page.
//
// Points, caps, thresholds and scores are multiples of 0.1: the engine adds in integer tenths,
// so sums are exact and no rounding rule is needed beyond "one decimal place".
//
// Every object carrying numbers has `configurable`: the names of its fields whose values are a
// provincial choice rather than a number fixed by a cited source. The documentation and the
// portal show these as "可配置".

import { z } from 'zod'
import { ENTERPRISE_TYPES, recordKindSchema } from '../domain/enums'
import { isIsoDay } from './days'

export const GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const
export const gradeSchema = z.enum(GRADES, { error: '信用等级无效' })
export type Grade = z.infer<typeof gradeSchema>

/** Groups of subjects that share one rule set: the issue's five subject types. */
export const SUBJECT_CLASSES = ['CONSTRUCTION', 'SUPERVISION', 'SURVEY_DESIGN', 'OTHER_FIRM', 'PRACTITIONER'] as const
export const subjectClassSchema = z.enum(SUBJECT_CLASSES, { error: '评价主体类别无效' })
export type SubjectClass = z.infer<typeof subjectClassSchema>

function isTenths(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n * 10 - Math.round(n * 10)) < 1e-9
}

const tenths = z.number().refine(isTenths, { error: '分值须为0.1的整数倍' })
const months = z.number().int().min(1)
const text = z.string().trim().min(1)

/** A category code KIND.GROUP.LEVEL, e.g. BAD.PENALTY.MINOR. */
export const CATEGORY_CODE_PATTERN = /^(GOOD|BAD)\.[A-Z][A-Z_]*\.[A-Z][A-Z_]*$/

const sourceSchema = z.object({
  id: z.string().regex(/^[A-Z0-9-]+$/),
  /** the document as cited, in Chinese */
  title: text,
  /** what this standard takes from it */
  note: text,
})

const basisSchema = z.object({
  /** id of an entry of `sources` */
  source: z.string(),
  /** the passage or the reasoning, in Chinese */
  detail: text,
})

const configurableSchema = z.array(z.string())

export const categorySchema = z.object({
  code: z.string().regex(CATEGORY_CODE_PATTERN, { error: '类别代码须为 KIND.GROUP.LEVEL 形式' }),
  kind: recordKindSchema,
  label: text,
  description: text,
  /** + for good records, − for bad ones */
  points: tenths,
  /** publication period: how long a record is public and counts, from its first public day */
  publishMonths: months,
  configurable: configurableSchema,
  basis: z.array(basisSchema).min(1),
})

export const categoryRuleSchema = z.object({
  code: z.string(),
  /** most points all records of this category may add together (good categories); null: no cap */
  cap: tenths.nullable(),
  configurable: configurableSchema,
})

export const bandSchema = z.object({
  grade: gradeSchema,
  /** lowest score of the band, inclusive */
  minScore: tenths,
  /** short meaning, e.g. 信用良好 */
  label: text,
  meaning: text,
  configurable: configurableSchema,
})

export const supervisionSchema = z.object({
  grade: gradeSchema,
  /** routine inspections per quarter (0.5 = one every half year) */
  inspectionsPerQuarter: z.number().positive(),
  inspection: text,
  bidding: text,
  qualification: text,
  awards: text,
  configurable: configurableSchema,
})

export const classRulesSchema = z.object({
  subjectClass: subjectClassSchema,
  label: text,
  /** which subjects belong to the class, in Chinese */
  covers: text,
  baseScore: tenths,
  /** the score never goes below this (the floor of the lowest band) */
  minScore: tenths,
  /** most points all good records together may add */
  goodTotalCap: tenths,
  /** categories that apply to this class; a record of another category does not count for it */
  categories: z.array(categoryRuleSchema).min(1),
  /** AAA … C, highest first */
  bands: z.array(bandSchema),
  /** differentiated supervision, one entry per grade in the order of `bands` */
  supervision: z.array(supervisionSchema),
  configurable: configurableSchema,
  basis: z.array(basisSchema).min(1),
})

export const blacklistTriggerSchema = z.object({
  /** records of any of these categories count towards the trigger */
  categories: z.array(z.string()).min(1),
  /** how many such records it takes */
  count: z.number().int().min(1).max(3),
  /** for count > 1: each later record decided before this many months after the first one */
  withinMonths: months.nullable(),
})

export const blacklistGroundSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z_]*$/),
  label: text,
  description: text,
  /** any one trigger establishes the ground */
  triggers: z.array(blacklistTriggerSchema).min(1),
  basis: z.array(basisSchema).min(1),
})

export const blacklistPolicySchema = z.object({
  /** listing (management) period, counted from the day the ground is established */
  listingMonths: months,
  /** grade of a subject while listed, whatever its score */
  gradeWhileListed: gradeSchema,
  /** what listing bars or triggers, as sentences the portal shows */
  bars: z.array(text).min(1),
  removal: text,
  grounds: z.array(blacklistGroundSchema).min(1),
  configurable: configurableSchema,
  basis: z.array(basisSchema).min(1),
})

function checkConfigurable(obj: Record<string, unknown>, path: (string | number)[], ctx: z.RefinementCtx): void {
  const names = obj.configurable as string[]
  names.forEach((name, i) => {
    if (name === 'configurable' || name === 'basis' || !(name in obj)) {
      ctx.addIssue({ code: 'custom', message: `configurable names a field that does not exist: ${name}`, path: [...path, 'configurable', i] })
    }
  })
}

function checkBasis(basis: { source: string }[], sourceIds: Set<string>, path: (string | number)[], ctx: z.RefinementCtx): void {
  basis.forEach((b, i) => {
    if (!sourceIds.has(b.source)) ctx.addIssue({ code: 'custom', message: `unknown source ${b.source}`, path: [...path, 'basis', i, 'source'] })
  })
}

export const scoringStandardSchema = z
  .object({
    /** e.g. HN-2026.1 */
    version: z.string().regex(/^[A-Z]{2}-\d{4}\.\d+$/),
    name: text,
    effectiveFrom: z.string().refine(isIsoDay, { error: '日期须为 YYYY-MM-DD' }),
    /** the counting-day convention, in Chinese, for the portal */
    dayRule: text,
    sources: z.array(sourceSchema).min(1),
    /** which rule set each enterprise type falls under (practitioners are PRACTITIONER) */
    enterpriseClasses: z.record(z.enum(ENTERPRISE_TYPES), subjectClassSchema),
    categories: z.array(categorySchema).min(1),
    classes: z.array(classRulesSchema),
    blacklist: blacklistPolicySchema,
  })
  .superRefine((std, ctx) => {
    const sourceIds = new Set(std.sources.map((s) => s.id))
    if (sourceIds.size !== std.sources.length) ctx.addIssue({ code: 'custom', message: 'duplicate source id', path: ['sources'] })

    const categories = new Map<string, z.infer<typeof categorySchema>>()
    std.categories.forEach((c, i) => {
      const path = ['categories', i]
      if (categories.has(c.code)) ctx.addIssue({ code: 'custom', message: `duplicate category ${c.code}`, path: [...path, 'code'] })
      categories.set(c.code, c)
      if (!c.code.startsWith(`${c.kind}.`)) ctx.addIssue({ code: 'custom', message: `code ${c.code} does not start with its kind`, path: [...path, 'kind'] })
      // 建市〔2017〕241号: good records are public 3 years; bad records 6 months to 3 years.
      if (c.kind === 'GOOD' && !(c.points > 0)) ctx.addIssue({ code: 'custom', message: 'good records add points', path: [...path, 'points'] })
      if (c.kind === 'BAD' && !(c.points < 0)) ctx.addIssue({ code: 'custom', message: 'bad records deduct points', path: [...path, 'points'] })
      if (c.kind === 'GOOD' && c.publishMonths !== 36)
        ctx.addIssue({ code: 'custom', message: 'good records are public for 36 months (建市〔2017〕241号)', path: [...path, 'publishMonths'] })
      if (c.kind === 'BAD' && (c.publishMonths < 6 || c.publishMonths > 36))
        ctx.addIssue({ code: 'custom', message: 'bad records are public for 6 to 36 months (建市〔2017〕241号)', path: [...path, 'publishMonths'] })
      checkConfigurable(c, path, ctx)
      checkBasis(c.basis, sourceIds, path, ctx)
    })

    const seenClasses = std.classes.map((c) => c.subjectClass)
    if (seenClasses.length !== SUBJECT_CLASSES.length || SUBJECT_CLASSES.some((c, i) => seenClasses[i] !== c)) {
      ctx.addIssue({ code: 'custom', message: `classes must be exactly ${SUBJECT_CLASSES.join(', ')} in this order`, path: ['classes'] })
    }

    std.classes.forEach((cls, ci) => {
      const path = ['classes', ci]
      checkConfigurable(cls, path, ctx)
      checkBasis(cls.basis, sourceIds, path, ctx)
      if (cls.baseScore < cls.minScore) ctx.addIssue({ code: 'custom', message: 'base score below the floor', path: [...path, 'baseScore'] })
      if (cls.goodTotalCap < 0) ctx.addIssue({ code: 'custom', message: 'negative cap', path: [...path, 'goodTotalCap'] })

      const codes = new Set<string>()
      cls.categories.forEach((rule, ri) => {
        const rpath = [...path, 'categories', ri]
        checkConfigurable(rule, rpath, ctx)
        const category = categories.get(rule.code)
        if (!category) {
          ctx.addIssue({ code: 'custom', message: `unknown category ${rule.code}`, path: [...rpath, 'code'] })
          return
        }
        if (codes.has(rule.code)) ctx.addIssue({ code: 'custom', message: `duplicate category ${rule.code}`, path: [...rpath, 'code'] })
        codes.add(rule.code)
        if (category.kind === 'BAD' && rule.cap !== null)
          ctx.addIssue({ code: 'custom', message: 'bad categories are not capped: each record deducts in full', path: [...rpath, 'cap'] })
        if (category.kind === 'GOOD' && rule.cap !== null && rule.cap < category.points)
          ctx.addIssue({ code: 'custom', message: 'a cap below one record’s points would make every record capped', path: [...rpath, 'cap'] })
      })

      const grades = cls.bands.map((b) => b.grade)
      if (grades.length !== GRADES.length || GRADES.some((g, i) => grades[i] !== g)) {
        ctx.addIssue({ code: 'custom', message: `bands must be ${GRADES.join(', ')} in this order`, path: [...path, 'bands'] })
      }
      cls.bands.forEach((band, bi) => {
        checkConfigurable(band, [...path, 'bands', bi], ctx)
        if (bi > 0 && !(band.minScore < cls.bands[bi - 1].minScore))
          ctx.addIssue({ code: 'custom', message: 'band thresholds must strictly descend', path: [...path, 'bands', bi, 'minScore'] })
      })
      const last = cls.bands[cls.bands.length - 1]
      if (last && last.minScore !== cls.minScore)
        ctx.addIssue({ code: 'custom', message: 'the lowest band starts at the floor (minScore)', path: [...path, 'bands', cls.bands.length - 1, 'minScore'] })
      const top = cls.bands[0]
      if (top && top.minScore > cls.baseScore + cls.goodTotalCap)
        ctx.addIssue({ code: 'custom', message: 'the top band is out of reach (above base + good cap)', path: [...path, 'bands', 0, 'minScore'] })

      const supervised = cls.supervision.map((s) => s.grade)
      if (supervised.length !== GRADES.length || GRADES.some((g, i) => supervised[i] !== g)) {
        ctx.addIssue({ code: 'custom', message: `supervision must cover ${GRADES.join(', ')} in this order`, path: [...path, 'supervision'] })
      }
      cls.supervision.forEach((s, si) => checkConfigurable(s, [...path, 'supervision', si], ctx))
    })

    const bl = std.blacklist
    checkConfigurable(bl, ['blacklist'], ctx)
    checkBasis(bl.basis, sourceIds, ['blacklist'], ctx)
    const groundCodes = new Set<string>()
    bl.grounds.forEach((g, gi) => {
      const path = ['blacklist', 'grounds', gi]
      if (groundCodes.has(g.code)) ctx.addIssue({ code: 'custom', message: `duplicate ground ${g.code}`, path: [...path, 'code'] })
      groundCodes.add(g.code)
      checkBasis(g.basis, sourceIds, path, ctx)
      g.triggers.forEach((t, ti) => {
        const tpath = [...path, 'triggers', ti]
        if ((t.count === 1) !== (t.withinMonths === null))
          ctx.addIssue({ code: 'custom', message: 'withinMonths is set exactly when count > 1', path: [...tpath, 'withinMonths'] })
        t.categories.forEach((code, ki) => {
          const c = categories.get(code)
          if (!c || c.kind !== 'BAD') ctx.addIssue({ code: 'custom', message: `a ground needs a bad category, got ${code}`, path: [...tpath, 'categories', ki] })
        })
      })
    })
  })

export type ScoringStandard = z.infer<typeof scoringStandardSchema>
export type Category = z.infer<typeof categorySchema>
export type CategoryRule = z.infer<typeof categoryRuleSchema>
export type Band = z.infer<typeof bandSchema>
export type Supervision = z.infer<typeof supervisionSchema>
export type ClassRules = z.infer<typeof classRulesSchema>
export type BlacklistPolicy = z.infer<typeof blacklistPolicySchema>
export type BlacklistGround = z.infer<typeof blacklistGroundSchema>
export type BlacklistTrigger = z.infer<typeof blacklistTriggerSchema>
export type Basis = z.infer<typeof basisSchema>
