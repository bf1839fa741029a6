// The engine counts a record on a day exactly when the one publication rule (isPublicOn) says it is
// public that day: in the explained path (scoreSubject), in the batch path (scoreMany, whose inner
// loop is state.ts) and in the schedule of future changes. Random subjects from ./testing.ts:
// withdrawn records, periods shortened and lengthened, unknown and inapplicable categories.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPublicOn, publicationState } from '../records/publication'
import { scoreMany } from './batch'
import { scoreSubject } from './engine'
import { HN_2026_1 } from './standard-2026'
import { dayArb, subjectArb, withRecords } from './testing'

const RUNS = { numRuns: 300 }
const PERIOD_REASONS = { WITHDRAWN: 'WITHDRAWN', NOT_YET: 'NOT_YET_PUBLIC', ENDED: 'EXPIRED' } as const

describe('the engine counts by the publication rule', () => {
  it('counts no record that is not public, and says why by its publication state', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, (subject, day) => {
        const result = scoreSubject(subject, HN_2026_1, day)
        const counted = new Set(result.contributions.map((c) => c.recordId))
        const excluded = new Map(result.excluded.map((e) => [e.recordId, e.reason]))
        for (const r of subject.records) {
          // every record is either counted or excluded, never both
          expect(counted.has(r.id)).not.toBe(excluded.has(r.id))
          const state = publicationState(r, day)
          if (!isPublicOn(r, day)) {
            expect(counted.has(r.id)).toBe(false)
            // a withdrawn record is WITHDRAWN whatever else; otherwise the category reasons come first
            const reason = excluded.get(r.id)!
            if (state === 'WITHDRAWN' || ['NOT_YET_PUBLIC', 'EXPIRED'].includes(reason)) expect(reason).toBe(PERIOD_REASONS[state as keyof typeof PERIOD_REASONS])
          } else {
            expect(['WITHDRAWN', 'NOT_YET_PUBLIC', 'EXPIRED']).not.toContain(excluded.get(r.id))
          }
        }
      }),
      RUNS,
    )
  })

  it('gives the same answer from the public records alone, in both paths and on every day of the schedule', () => {
    fc.assert(
      fc.property(subjectArb, dayArb, (subject, day) => {
        const onlyPublic = withRecords(subject, subject.records.filter((r) => isPublicOn(r, day)))
        const full = scoreSubject(subject, HN_2026_1, day)
        const reduced = scoreSubject(onlyPublic, HN_2026_1, day)
        expect([full.score, full.grade, full.blacklist.listed]).toEqual([reduced.score, reduced.grade, reduced.blacklist.listed])
        expect(full.contributions).toEqual(reduced.contributions)
        const [batch] = scoreMany([subject], HN_2026_1, day)
        const [batchReduced] = scoreMany([onlyPublic], HN_2026_1, day)
        expect([batch.score, batch.grade, batch.blacklisted]).toEqual([full.score, full.grade, full.blacklist.listed])
        expect(batchReduced).toEqual(batch)
        for (const change of full.nextChanges) {
          const later = withRecords(subject, subject.records.filter((r) => isPublicOn(r, change.date)))
          const [then] = scoreMany([later], HN_2026_1, change.date)
          expect([then.score, then.grade, then.blacklisted]).toEqual([change.score, change.grade, change.blacklisted])
        }
      }),
      RUNS,
    )
  })
})
