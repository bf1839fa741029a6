// Builders and fast-check arbitraries for the scoring tests (not part of the public API).

import fc from 'fast-check'
import type { EnterpriseType, RecordStatus } from '../domain/enums'
import { ENTERPRISE_TYPES } from '../domain/enums'
import { addDays, addMonths } from './days'
import type { ScoringRecord, ScoringSubject } from './record-input'
import { CURRENT_STANDARD } from './standards'

let nextId = 0

/** A record of `code` public from `from` for the category's months (or `until` when given). */
export function rec(
  code: string,
  from: string,
  opts: { id?: string; until?: string; decidedOn?: string; status?: RecordStatus; kind?: 'GOOD' | 'BAD' } = {},
): ScoringRecord {
  const category = CURRENT_STANDARD.categories.find((c) => c.code === code)
  const kind = opts.kind ?? (code.startsWith('GOOD.') ? 'GOOD' : 'BAD')
  return {
    id: opts.id ?? `r${++nextId}`,
    kind,
    categoryCode: code,
    decidedOn: opts.decidedOn ?? from,
    publishFrom: from,
    publishUntil: opts.until ?? addMonths(from, category?.publishMonths ?? 12),
    status: opts.status ?? 'ACTIVE',
  }
}

export function firm(enterpriseType: EnterpriseType, records: ScoringRecord[], id = 'E1'): ScoringSubject {
  return { id, subjectType: 'ENTERPRISE', enterpriseType, records }
}

export function person(records: ScoringRecord[], id = 'P1'): ScoringSubject {
  return { id, subjectType: 'PERSON', records }
}

// ---------------------------------------------------------------- arbitraries

function daysFrom(first: string, last: string): fc.Arbitrary<string> {
  const start = Date.parse(`${first}T00:00:00Z`)
  const span = Math.round((Date.parse(`${last}T00:00:00Z`) - start) / 86_400_000)
  return fc.integer({ min: 0, max: span }).map((n) => new Date(start + n * 86_400_000).toISOString().slice(0, 10))
}

/** Scoring days. */
export const dayArb: fc.Arbitrary<string> = daysFrom('2021-01-01', '2029-12-31')
/** First public days of records: narrower than scoring days, so records overlap and caps bite. */
export const recordDayArb: fc.Arbitrary<string> = daysFrom('2022-01-01', '2027-12-31')

const ALL_CODES = CURRENT_STANDARD.categories.map((c) => c.code)
export const GOOD_CODES = CURRENT_STANDARD.categories.filter((c) => c.kind === 'GOOD').map((c) => c.code)
export const BAD_CODES = CURRENT_STANDARD.categories.filter((c) => c.kind === 'BAD').map((c) => c.code)
const BLACKLIST_CODES = [...new Set(CURRENT_STANDARD.blacklist.grounds.flatMap((g) => g.triggers.flatMap((t) => t.categories)))]

/** Category codes weighted towards the blacklist grounds and good records, with the odd unknown one. */
const codeArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ALL_CODES), weight: 6 },
  { arbitrary: fc.constantFrom(...BLACKLIST_CODES), weight: 3 },
  { arbitrary: fc.constantFrom(...GOOD_CODES), weight: 3 },
  { arbitrary: fc.constant('BAD.UNKNOWN.CODE'), weight: 1 },
)

export interface RecordShape {
  code: string
  from: string
  /** publication in days: usually the category's, sometimes shortened (credit repair) or lengthened (penalty) */
  lengthDays: number | null
  decidedBefore: number
  withdrawn: boolean
  kindFlipped: boolean
}

function shapeArb(codes: fc.Arbitrary<string>, days: fc.Arbitrary<string>): fc.Arbitrary<RecordShape> {
  return fc.record({
    code: codes,
    from: days,
    lengthDays: fc.option(fc.integer({ min: 1, max: 1500 }), { freq: 4 }),
    decidedBefore: fc.integer({ min: 0, max: 40 }),
    withdrawn: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    kindFlipped: fc.integer({ min: 0, max: 39 }).map((n) => n === 0),
  })
}

export const recordShapeArb: fc.Arbitrary<RecordShape> = shapeArb(codeArb, recordDayArb)
/** Bad records of the standard's categories only (still withdrawn, kind-flipped or short at times). */
export const badRecordShapeArb: fc.Arbitrary<RecordShape> = shapeArb(fc.constantFrom(...BAD_CODES), recordDayArb)

export function recordOf(shape: RecordShape, id: string): ScoringRecord {
  const r = rec(shape.code, shape.from, {
    id,
    decidedOn: addDays(shape.from, -shape.decidedBefore),
    status: shape.withdrawn ? 'WITHDRAWN' : 'ACTIVE',
  })
  if (shape.lengthDays !== null) r.publishUntil = addDays(shape.from, shape.lengthDays)
  if (shape.kindFlipped) r.kind = r.kind === 'GOOD' ? 'BAD' : 'GOOD'
  return r
}

export type SubjectKind = EnterpriseType | 'PERSON'

function subjectOf(shapesArb: fc.Arbitrary<RecordShape[]>): fc.Arbitrary<ScoringSubject> {
  return fc.record({ kind: fc.constantFrom<SubjectKind>(...ENTERPRISE_TYPES, 'PERSON'), shapes: shapesArb }).map(({ kind, shapes }) => {
    const records = shapes.map((s, i) => recordOf(s, `r${String(i).padStart(2, '0')}`))
    return kind === 'PERSON' ? person(records, 'S') : firm(kind, records, 'S')
  })
}

/**
 * Random subjects: mostly records of any category spread over six years; one in three packed
 * with good records over two and a half years, so that caps bite.
 */
export const subjectArb: fc.Arbitrary<ScoringSubject> = fc.oneof(
  { arbitrary: subjectOf(fc.array(recordShapeArb, { maxLength: 16 })), weight: 2 },
  {
    arbitrary: subjectOf(
      fc.array(shapeArb(fc.oneof({ arbitrary: fc.constantFrom(...GOOD_CODES), weight: 4 }, { arbitrary: codeArb, weight: 1 }), daysFrom('2024-01-01', '2026-06-30')), {
        minLength: 3,
        maxLength: 16,
      }),
    ),
    weight: 1,
  },
)

export function withRecords(subject: ScoringSubject, records: ScoringRecord[]): ScoringSubject {
  return { ...subject, records }
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value as object)) deepFreeze(v)
  }
  return value
}
