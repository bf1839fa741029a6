// Properties the issue asks of the engine, over random subjects: all categories (with blacklist
// grounds and good records over-represented), withdrawn records, kind mismatches, unknown codes,
// publication periods shortened or lengthened, any subject type, any day from 2019 to 2029.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scoreMany } from './batch'
import { addDays } from './days'
import { scoreSubject, type SubjectScore } from './engine'
import type { ScoringRecord, ScoringSubject } from './record-input'
import { GRADES } from './schema'
import { HN_2026_1 } from './standard-2026'
import { badRecordShapeArb, dayArb, deepFreeze, GOOD_CODES, rec, recordOf, recordShapeArb, subjectArb, withRecords } from './testing'

const RUNS = { numRuns: 300 }
const score = (s: ScoringSubject, day: string) => scoreSubject(s, HN_2026_1, day)
const rank = (g: string) => GRADES.indexOf(g as (typeof GRADES)[number])
const withoutExcluded = ({ excluded: _, ...rest }: SubjectScore) => rest

const classRules = (s: SubjectScore) => HN_2026_1.classes.find((c) => c.subjectClass === s.subjectClass)!

describe('engine properties', () => {
  it('an extra good record never lowers the score nor worsens the grade', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, fc.constantFrom(...GOOD_CODES), dayArb, (subject, asOf, code, from) => {
        const before = score(subject, asOf)
        const after = score(withRecords(subject, [...subject.records, rec(code, from, { id: 'extra' })]), asOf)
        expect(after.score).toBeGreaterThanOrEqual(before.score)
        expect(rank(after.grade)).toBeLessThanOrEqual(rank(before.grade))
        expect(after.blacklist.listed).toBe(before.blacklist.listed)
      }),
      RUNS,
    )
  })

  it('an extra bad record never raises the score nor improves the grade', () => {
    fc.assert(
      // a generator of bad records only, so that every run checks the property (none discarded)
      fc.property(subjectArb, dayArb, badRecordShapeArb, (subject, asOf, shape) => {
        const before = score(subject, asOf)
        const after = score(withRecords(subject, [...subject.records, recordOf(shape, 'extra')]), asOf)
        expect(after.score).toBeLessThanOrEqual(before.score)
        expect(rank(after.grade)).toBeGreaterThanOrEqual(rank(before.grade))
      }),
      RUNS,
    )
  })

  it('an expired record changes nothing but the list of excluded records', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, recordShapeArb, fc.integer({ min: 0, max: 400 }), (subject, asOf, shape, daysAgo) => {
        const expired = recordOf(shape, 'expired')
        expired.publishUntil = addDays(asOf, -daysAgo)
        if (expired.publishFrom >= expired.publishUntil) expired.publishFrom = addDays(expired.publishUntil, -30)
        const before = score(subject, asOf)
        const after = score(withRecords(subject, [...subject.records, expired]), asOf)
        expect(withoutExcluded(after)).toEqual(withoutExcluded(before))
        expect(after.excluded.map((e) => e.recordId)).toContain('expired')
      }),
      RUNS,
    )
  })

  it('caps hold, and the score is exactly base + points (or the floor)', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, (subject, asOf) => {
        const s = score(subject, asOf)
        const cls = classRules(s)
        const good = s.contributions.filter((c) => c.kind === 'GOOD')
        const bad = s.contributions.filter((c) => c.kind === 'BAD')
        const sum = (xs: { points: number }[]) => xs.reduce((a, c) => a + c.points * 10, 0) / 10
        expect(sum(good)).toBeLessThanOrEqual(cls.goodTotalCap)
        for (const rule of cls.categories) {
          if (rule.cap !== null) expect(sum(good.filter((c) => c.categoryCode === rule.code))).toBeLessThanOrEqual(rule.cap)
        }
        for (const c of good) {
          expect(c.points).toBeGreaterThanOrEqual(0)
          expect(c.points).toBeLessThanOrEqual(c.rawPoints)
          expect(c.capped).toBe(c.points < c.rawPoints)
        }
        for (const c of bad) expect([c.points, c.capped]).toEqual([c.rawPoints, false])
        expect(s.breakdown.good).toBe(sum(good))
        expect(s.breakdown.bad).toBe(sum(bad))
        expect(s.score).toBe(Math.max(cls.minScore, (cls.baseScore * 10 + sum(good) * 10 + sum(bad) * 10) / 10))
        expect(s.score).toBe((s.breakdown.baseScore * 10 + s.breakdown.good * 10 + s.breakdown.bad * 10 + s.breakdown.floorAdjustment * 10) / 10)
        const band = cls.bands.find((b) => s.score >= b.minScore)!
        expect(s.grade).toBe(s.blacklist.listed ? 'C' : band.grade)
      }),
      RUNS,
    )
  })

  it('a record counts through its last public day and stops on publishUntil', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, (subject, asOf) => {
        const s = score(subject, asOf)
        for (const c of s.contributions) {
          expect(score(subject, c.lastCountingDay).contributions.map((x) => x.recordId)).toContain(c.recordId)
          expect(score(subject, c.countsUntil).excluded.find((x) => x.recordId === c.recordId)?.reason).toBe('EXPIRED')
        }
      }),
      { numRuns: 150 },
    )
  })

  it('the grade changes exactly on the predicted days: each change holds on its day, the old state the day before', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, (subject, asOf) => {
        const s = score(subject, asOf)
        let prev = { score: s.score, grade: s.grade, blacklisted: s.blacklist.listed }
        for (const change of s.nextChanges) {
          const dayBefore = score(subject, addDays(change.date, -1))
          expect({ score: dayBefore.score, grade: dayBefore.grade, blacklisted: dayBefore.blacklist.listed }).toEqual(prev)
          const onDay = score(subject, change.date)
          const now = { score: onDay.score, grade: onDay.grade, blacklisted: onDay.blacklist.listed }
          expect(now).toEqual({ score: change.score, grade: change.grade, blacklisted: change.blacklisted })
          expect(now).not.toEqual(prev)
          expect(change.causes.length).toBeGreaterThan(0)
          prev = now
        }
      }),
      { numRuns: 150 },
    )
  })

  it('no change is missed: any later day has the state of the last predicted change before it', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, fc.integer({ min: 1, max: 2500 }), (subject, asOf, ahead) => {
        const s = score(subject, asOf)
        const later = addDays(asOf, ahead)
        const last = [...s.nextChanges].reverse().find((c) => c.date <= later)
        const expected = last
          ? { score: last.score, grade: last.grade, blacklisted: last.blacklisted }
          : { score: s.score, grade: s.grade, blacklisted: s.blacklist.listed }
        const t = score(subject, later)
        expect({ score: t.score, grade: t.grade, blacklisted: t.blacklist.listed }).toEqual(expected)
      }),
      RUNS,
    )
  })

  it('the same input gives the same output, and the input is not mutated', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, (subject, asOf) => {
        const copy = structuredClone(subject)
        const frozen = deepFreeze(structuredClone(subject))
        const a = score(frozen, asOf)
        const b = score(frozen, asOf)
        expect(a).toEqual(b)
        expect(score(copy, asOf)).toEqual(a)
        expect(copy).toEqual(subject)
        // the result shares nothing mutable with the standard
        a.supervision.configurable.push('x')
        a.blacklist.bars.push('x')
        expect(score(frozen, asOf)).toEqual(b)
      }),
      RUNS,
    )
  })

  it('the result does not depend on the order of the records', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, (subject, asOf) => {
        const a = score(subject, asOf)
        const b = score(withRecords(subject, [...subject.records].reverse()), asOf)
        expect(withoutExcluded(b)).toEqual(withoutExcluded(a))
      }),
      RUNS,
    )
  })

  it('scoreMany agrees with scoreSubject, subject by subject', () => {
    fc.assert(
      fc.property(fc.array(subjectArb, { maxLength: 20 }), dayArb, (subjects, asOf) => {
        const named = subjects.map((s, i) => ({ ...s, id: `S${i}` }))
        const batch = scoreMany(named, HN_2026_1, asOf)
        expect(batch).toEqual(
          named.map((s) => {
            const one = score(s, asOf)
            return { subjectId: s.id, score: one.score, grade: one.grade, blacklisted: one.blacklist.listed }
          }),
        )
      }),
      { numRuns: 100 },
    )
  })
})

describe('scoreMany', () => {
  it('accepts any iterable and rejects a bad day on the first subject that has one', () => {
    function* subjects(): Generator<ScoringSubject> {
      yield { id: 'a', subjectType: 'PERSON', records: [] }
      yield { id: 'b', subjectType: 'PERSON', records: [{ ...rec('BAD.PENALTY.MINOR', '2026-01-01', { id: 'x' }), decidedOn: '2026-13-01' } as ScoringRecord] }
    }
    expect(() => scoreMany(subjects(), HN_2026_1, '2026-02-01')).toThrow(/subject b, record x, decidedOn/)
    expect(() => scoreMany([], HN_2026_1, 'today')).toThrow(/asOf/)
    expect(scoreMany([], HN_2026_1, '2026-02-01')).toEqual([])
  })
})
