import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CURRENT_STANDARD, scoreSubject } from '@shared/scoring'
import { dayArb, firm, person, rec, subjectArb } from '@shared/scoring/testing'
import { gradeSnapshots } from './snapshots'

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
