// A standard turned into lookup tables once, so scoring a subject allocates almost nothing:
// one Map per subject class from category code to rule, points in integer tenths, the good
// categories numbered into slots of a reusable sum array, and the blacklist triggers resolved.

import type { EnterpriseType, RecordKind } from '../domain/enums'
import {
  GRADES,
  SUBJECT_CLASSES,
  scoringStandardSchema,
  type BlacklistGround,
  type Category,
  type ClassRules,
  type Grade,
  type ScoringStandard,
  type SubjectClass,
  type Supervision,
} from './schema'

export interface CompiledRule {
  code: string
  kind: RecordKind
  label: string
  /** points × 10 (+ good, − bad) */
  points10: number
  /** cap × 10 for good categories; Infinity when uncapped (and for bad ones) */
  cap10: number
  /** index into the class's good-sum slots; −1 for bad categories */
  slot: number
  /** true when records of this category can establish a blacklist ground */
  blacklistRelevant: boolean
  category: Category
}

export interface CompiledClass {
  subjectClass: SubjectClass
  rules: Map<string, CompiledRule>
  base10: number
  min10: number
  goodTotalCap10: number
  /** minScore × 10 of each band, in the order of GRADES (highest first) */
  bandMin10: number[]
  /** index into GRADES of the grade while blacklisted */
  listedGradeIndex: number
  rulesData: ClassRules
  supervisionByGrade: Record<Grade, Supervision>
  /** reusable per-slot sums of good points; zeroed after each use */
  goodSums: Float64Array
  goodCaps10: Float64Array
}

export interface CompiledTrigger {
  ground: BlacklistGround
  categories: ReadonlySet<string>
  count: number
  withinMonths: number | null
}

export interface CompiledStandard {
  readonly compiled: true
  standard: ScoringStandard
  version: string
  classes: Record<SubjectClass, CompiledClass>
  enterpriseClasses: Record<EnterpriseType, SubjectClass>
  /** every category of the standard, applicable to a class or not */
  categories: Map<string, Category>
  listingMonths: number
  triggers: CompiledTrigger[]
}

export class ScoringStandardError extends Error {
  constructor(
    message: string,
    readonly issues: { path: PropertyKey[]; message: string }[],
  ) {
    super(message)
    this.name = 'ScoringStandardError'
  }
}

/** Validates a standard against the schema; throws ScoringStandardError listing every problem. */
export function validateStandard(standard: unknown): ScoringStandard {
  const parsed = scoringStandardSchema.safeParse(standard)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path, message: i.message }))
    throw new ScoringStandardError(`invalid scoring standard: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, issues)
  }
  return parsed.data
}

const toTenths = (n: number) => Math.round(n * 10)

function compileClass(cls: ClassRules, categories: Map<string, Category>, blacklistCodes: Set<string>, listedGrade: Grade): CompiledClass {
  const rules = new Map<string, CompiledRule>()
  const caps: number[] = []
  for (const rule of cls.categories) {
    const category = categories.get(rule.code) as Category
    const slot = category.kind === 'GOOD' ? caps.length : -1
    const cap10 = category.kind === 'GOOD' && rule.cap !== null ? toTenths(rule.cap) : Infinity
    if (slot >= 0) caps.push(cap10)
    rules.set(rule.code, {
      code: rule.code,
      kind: category.kind,
      label: category.label,
      points10: toTenths(category.points),
      cap10,
      slot,
      blacklistRelevant: blacklistCodes.has(rule.code),
      category,
    })
  }
  const supervisionByGrade = Object.fromEntries(cls.supervision.map((s) => [s.grade, s])) as Record<Grade, Supervision>
  return {
    subjectClass: cls.subjectClass,
    rules,
    base10: toTenths(cls.baseScore),
    min10: toTenths(cls.minScore),
    goodTotalCap10: toTenths(cls.goodTotalCap),
    bandMin10: cls.bands.map((b) => toTenths(b.minScore)),
    listedGradeIndex: GRADES.indexOf(listedGrade),
    rulesData: cls,
    supervisionByGrade,
    goodSums: new Float64Array(caps.length),
    goodCaps10: Float64Array.from(caps),
  }
}

const cache = new WeakMap<object, CompiledStandard>()

export function isCompiledStandard(x: ScoringStandard | CompiledStandard): x is CompiledStandard {
  return (x as CompiledStandard).compiled === true
}

/**
 * Validates and compiles a standard. Cached per standard object, so passing the same standard
 * to every call costs one WeakMap lookup; a standard must not be mutated after first use.
 */
export function compileStandard(standard: ScoringStandard | CompiledStandard): CompiledStandard {
  if (isCompiledStandard(standard)) return standard
  const hit = cache.get(standard)
  if (hit) return hit
  const std = validateStandard(standard)
  const categories = new Map(std.categories.map((c) => [c.code, c]))
  const triggers: CompiledTrigger[] = std.blacklist.grounds.flatMap((ground) =>
    ground.triggers.map((t) => ({ ground, categories: new Set(t.categories), count: t.count, withinMonths: t.withinMonths })),
  )
  const blacklistCodes = new Set(triggers.flatMap((t) => [...t.categories]))
  const classes = Object.fromEntries(
    SUBJECT_CLASSES.map((sc) => {
      const cls = std.classes.find((c) => c.subjectClass === sc) as ClassRules
      return [sc, compileClass(cls, categories, blacklistCodes, std.blacklist.gradeWhileListed)]
    }),
  ) as Record<SubjectClass, CompiledClass>
  const compiled: CompiledStandard = {
    compiled: true,
    // the caller's object, not zod's copy: results and lookups refer to the standard as given
    standard,
    version: std.version,
    classes,
    enterpriseClasses: std.enterpriseClasses,
    categories,
    listingMonths: std.blacklist.listingMonths,
    triggers,
  }
  cache.set(standard, compiled)
  return compiled
}
