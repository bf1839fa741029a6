import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CURRENT_STANDARD, scoreSubject } from '@shared/scoring'
import { dayArb, firm, person, rec, subjectArb } from '@shared/scoring/testing'
import { changedSnapshots, gradeSnapshots, storedFieldsOf, type GradeSnapshot, type StoredGrade } from './snapshots'

describe('grade snapshots', () => {
  it('store exactly scoreSubject’s score, grade, listing and grounds, day by day', () => {
    fc.assert(
      fc.property(fc.array(subjectArb, { minLength: 1, maxLength: 4 }), fc.array(dayArb, { minLength: 1, maxLength: 3 }), (subjects, days) => {
        const unique = subjects.map((s, i) => ({ ...s, id: `S${i}` }))
        const rows = gradeSnapshots(unique, CURRENT_STANDARD, days)
        expect(rows).toHaveLength(unique.length * days.length)
        rows.forEach((row, k) => {
          const subject = unique[k % unique.length]
          const day = days[Math.floor(k / unique.length)]
          const live = scoreSubject(subject, CURRENT_STANDARD, day)
          expect(row).toEqual({
            subjectType: subject.subjectType,
            subjectId: subject.id,
            subjectClass: live.subjectClass,
            standardVersion: live.standardVersion,
            asOf: day,
            score: live.score,
            grade: live.grade,
            blacklisted: live.blacklist.listed,
            listedOn: live.blacklist.listedOn,
            removableOn: live.blacklist.removableOn,
            grounds: live.blacklist.grounds.map((g) => ({ code: g.code, label: g.label, since: g.since, until: g.until, recordIds: g.recordIds })),
          })
        })
      }),
      { numRuns: 200 },
    )
  })

  it('carry the listing of a blacklisted subject', () => {
    const [row] = gradeSnapshots([firm('CONTRACTOR', [rec('BAD.CONTRACT.TRANSFER_OR_LEND', '2026-03-02', { id: 'lend' })])], CURRENT_STANDARD, ['2026-11-20'])
    expect(row).toMatchObject({ blacklisted: true, grade: 'C', listedOn: '2026-03-02', removableOn: '2027-03-02', subjectClass: 'CONSTRUCTION' })
    expect(row.grounds).toEqual([{ code: 'TRANSFER_OR_LEND', label: '转包、出借资质', since: '2026-03-02', until: '2027-03-02', recordIds: ['lend'] }])
    const [clean] = gradeSnapshots([person([])], CURRENT_STANDARD, ['2026-11-20'])
    expect(clean).toMatchObject({ score: 100, grade: 'A', blacklisted: false, listedOn: null, grounds: [], subjectClass: 'PRACTITIONER' })
  })
})

describe('which snapshots are stored', () => {
  const snap = (subjectId: string, asOf: string, score: number, extra: Partial<GradeSnapshot> = {}): GradeSnapshot => ({
    subjectType: 'ENTERPRISE',
    subjectId,
    subjectClass: 'CONSTRUCTION',
    standardVersion: 'HN-2026.1',
    asOf,
    score,
    grade: score >= 110 ? 'AAA' : score >= 100 ? 'A' : 'B',
    blacklisted: false,
    listedOn: null,
    removableOn: null,
    grounds: [],
    ...extra,
  })
  const stored = (s: GradeSnapshot): StoredGrade => ({ ...storedFieldsOf(s), asOf: s.asOf })
  const ids = (rows: GradeSnapshot[]) => rows.map((r) => `${r.subjectId}@${r.asOf}`)

  it('writes a subject with nothing stored, and skips one whose grade is the one in force', () => {
    const latest = new Map([['a', stored(snap('a', '2026-11-24', 100))]])
    expect(ids(changedSnapshots([snap('a', '2026-11-25', 100), snap('b', '2026-11-25', 100)], latest))).toEqual(['b@2026-11-25'])
    // the same day again: nothing
    expect(changedSnapshots([snap('a', '2026-11-24', 100)], latest)).toEqual([])
  })

  it('writes when anything stored differs: score, grade, listing, grounds, rule set or standard', () => {
    const base = snap('a', '2026-11-24', 100)
    const latest = new Map([['a', stored(base)]])
    const listed = { blacklisted: true, grade: 'C' as const, listedOn: '2026-03-02', removableOn: '2027-03-02', grounds: [{ code: 'X', label: 'x', since: '2026-03-02', until: '2027-03-02', recordIds: ['r1'] }] }
    const variants: Partial<GradeSnapshot>[] = [
      { score: 99.5 },
      { grade: 'AA' },
      listed,
      { subjectClass: 'SUPERVISION' },
      { standardVersion: 'HN-2027.1' },
    ]
    for (const v of variants) expect(changedSnapshots([{ ...base, asOf: '2026-11-25', ...v }], latest), JSON.stringify(v)).toHaveLength(1)
    // a listing whose grounds name another record is a change too
    const latestListed = new Map([['a', stored({ ...base, ...listed })]])
    const otherGround = { ...listed, grounds: [{ ...listed.grounds[0], recordIds: ['r2'] }] }
    expect(changedSnapshots([{ ...base, asOf: '2026-11-25', ...listed }], latestListed)).toEqual([])
    expect(changedSnapshots([{ ...base, asOf: '2026-11-25', ...otherGround }], latestListed)).toHaveLength(1)
  })

  it('compares each day of a history with the day before it, and always writes a day before the stored one', () => {
    const latest = new Map([['a', stored(snap('a', '2026-06-30', 100))]])
    const rows = [
      snap('a', '2026-03-31', 100), // before the stored day: a backfill, written
      snap('a', '2026-09-30', 100), // as stored: skipped
      snap('a', '2026-12-31', 95), // changed
      snap('a', '2027-03-31', 95), // as the day before: skipped
      snap('a', '2027-06-30', 100), // changed back
      snap('b', '2026-09-30', 90), // nothing stored: written
      snap('b', '2026-12-31', 90),
    ]
    expect(ids(changedSnapshots(rows, latest))).toEqual(['a@2026-03-31', 'a@2026-12-31', 'a@2027-06-30', 'b@2026-09-30'])
  })
})
