// Recomputing credit grades on both databases, over the seeded demo data: the stored snapshots of
// subjects scored by hand from the published standard (testing/hand-scored-subjects.ts) carry the
// hand-computed numbers, a recompute of the same day changes nothing, other days stay as
// history, and the back office's one-subject recompute follows a record change at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { CURRENT_STANDARD } from '@shared/scoring'
import type { Db } from '@db/client'
import { StandardMismatchError } from './grade-snapshots-repository'
import { recomputeAllGrades, recomputeSubjectGrade, recomputeSubjectGrades } from './recompute-grades'
import { snapshotId } from '@shared/scoring/snapshot-days'
import { addHandScoredSubjects, CAPPED, HAND_DAY, HISTORY_DAY, LISTED, PRACTITIONER } from './testing/hand-scored-subjects'

const providers = await testProviders()
const AS_OF = HAND_DAY
const day = (d: string) => new Date(`${d}T00:00:00Z`)
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)

/** Every stored row, in a comparable form (computedAt left out: it is when, not what). */
async function storedRows(db: Db) {
  const rows = await db.creditGrade.findMany({ orderBy: { id: 'asc' } })
  return rows.map(({ computedAt: _computedAt, ...r }) => r)
}

describe.each(providers)('recomputing credit grades on %s', (provider) => {
  let t: TestDatabase
  let db: Db

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    // the seed grades everyone through recomputeAllGrades (13 days of history)
    await seedDatabase(db, { signer: createTestSigningKeys().signer, scale: 0.05, seed: 'grades', asOf: AS_OF })
  })
  afterAll(async () => {
    await t?.drop()
  })

  it('stores one latest row per subject on the day', async () => {
    const subjects = (await db.enterprise.count()) + (await db.person.count())
    const onDay = await db.creditGrade.findMany({ where: { asOf: day(AS_OF) }, select: { isLatest: true, grade: true } })
    expect(onDay).toHaveLength(subjects)
    expect(onDay.every((g) => g.isLatest)).toBe(true)
    // the demo data is not all one grade
    expect(new Set(onDay.map((g) => g.grade)).size).toBeGreaterThan(1)
  })

  it('stores the hand-computed score, grade and listing of each subject, on the day and on a history day', async () => {
    const hand = await addHandScoredSubjects(db)
    try {
      await recomputeAllGrades(db, [HISTORY_DAY, AS_OF])
      const stored = async (id: string, on: string) => {
        const row = await db.creditGrade.findUniqueOrThrow({ where: { id: snapshotId(id, on) } })
        return {
          score: row.score,
          grade: row.grade,
          blacklisted: row.blacklisted,
          listedOn: iso(row.listedOn),
          removableOn: iso(row.removableOn),
          subjectClass: row.subjectClass,
          grounds: row.blacklistGrounds ? JSON.parse(row.blacklistGrounds) : null,
          isLatest: row.isLatest,
        }
      }
      const notListed = { blacklisted: false, listedOn: null, removableOn: null, grounds: null }
      expect(await stored(hand.capped.id, AS_OF)).toEqual({ score: 118, grade: 'AAA', ...notListed, subjectClass: 'CONSTRUCTION', isLatest: true })
      expect(await stored(hand.practitioner.id, AS_OF)).toEqual({ score: 94, grade: 'B', ...notListed, subjectClass: 'PRACTITIONER', isLatest: true })
      expect(await stored(hand.listed.id, AS_OF)).toEqual({
        score: 110,
        grade: 'C',
        blacklisted: true,
        listedOn: LISTED.expected.listedOn,
        removableOn: LISTED.expected.removableOn,
        grounds: [{ ...LISTED.expected.ground, recordIds: [hand.listed.recordIds['琼建罚〔2026〕831号']] }],
        subjectClass: 'CONSTRUCTION',
        isLatest: true,
      })
      // the history day: 110 AAA with the since-ended 严重行政处罚; before the penalty, criticism and listing began
      expect(await stored(hand.capped.id, HISTORY_DAY)).toMatchObject({ ...CAPPED.expected.history, isLatest: false })
      expect(await stored(hand.practitioner.id, HISTORY_DAY)).toMatchObject({ ...PRACTITIONER.expected.history, isLatest: false })
      expect(await stored(hand.listed.id, HISTORY_DAY)).toMatchObject({ ...LISTED.expected.history, ...notListed, isLatest: false })
      // the one-subject recompute (the back office's) stores the same
      const snapshot = await recomputeSubjectGrade(db, { type: 'PERSON', id: hand.practitioner.id }, AS_OF)
      expect(snapshot).toMatchObject({ score: 94, grade: 'B', blacklisted: false })
    } finally {
      // back to the seeded state the other tests expect (HISTORY_DAY is one of the seed's quarter
      // ends: its rows of the seeded subjects were rewritten with the same values)
      const ids = [hand.capped.id, hand.listed.id, hand.practitioner.id]
      await db.creditGrade.deleteMany({ where: { OR: [{ enterpriseId: { in: ids } }, { personId: { in: ids } }] } })
      await db.integrityRecord.deleteMany({ where: { OR: [{ enterpriseId: { in: ids } }, { personId: { in: ids } }] } })
      await db.enterprise.deleteMany({ where: { id: { in: [hand.capped.id, hand.listed.id] } } })
      await db.person.delete({ where: { id: hand.practitioner.id } })
    }
  })

  it('is idempotent: recomputing the same day again leaves the same rows', async () => {
    const before = await storedRows(db)
    const summary = await recomputeAllGrades(db, AS_OF, { rowsPerTransaction: 97 })
    expect(summary.snapshots).toBe(summary.subjects)
    expect(summary.days).toEqual([AS_OF])
    expect(await storedRows(db)).toEqual(before)
  })

  it('recomputes many subjects at once exactly as one at a time, skipping unknown ones', async () => {
    const day2 = '2026-11-21'
    const enterprises = await db.enterprise.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: 40 })
    const people = await db.person.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: 30 })
    const refs = [...enterprises.map((e) => ({ type: 'ENTERPRISE' as const, id: e.id })), ...people.map((p) => ({ type: 'PERSON' as const, id: p.id }))]
    const at = new Date('2026-11-21T02:00:00Z')
    // twice each, and one that does not exist: stored once, skipped
    const written = await recomputeSubjectGrades(db, [...refs, ...refs, { type: 'PERSON', id: 'no-such-person' }], day2, { computedAt: at, rowsPerTransaction: 17 })
    expect(written).toBe(refs.length)
    const many = await storedRows(db)
    for (const ref of refs) await recomputeSubjectGrade(db, ref, day2, { computedAt: at })
    expect(await storedRows(db)).toEqual(many)
    expect(await db.creditGrade.count({ where: { asOf: day(day2) } })).toBe(refs.length)
    await db.creditGrade.deleteMany({ where: { asOf: day(day2) } })
    await recomputeAllGrades(db, AS_OF)
  })

  it('keeps other days as history and marks each subject’s latest day', async () => {
    const subjects = (await db.enterprise.count()) + (await db.person.count())
    const total = await db.creditGrade.count()
    // an earlier day is added as history and does not take the mark
    await recomputeAllGrades(db, '2025-01-15')
    expect(await db.creditGrade.count()).toBe(total + subjects)
    expect(await db.creditGrade.count({ where: { isLatest: true, asOf: new Date(`${AS_OF}T00:00:00Z`) } })).toBe(subjects)
    // a later day takes it
    await recomputeAllGrades(db, '2026-12-01')
    expect(await db.creditGrade.count({ where: { isLatest: true } })).toBe(subjects)
    expect(await db.creditGrade.count({ where: { isLatest: true, asOf: new Date('2026-12-01T00:00:00Z') } })).toBe(subjects)
    // back to the state the other tests expect
    await db.creditGrade.deleteMany({ where: { asOf: { in: [new Date('2025-01-15T00:00:00Z'), new Date('2026-12-01T00:00:00Z')] } } })
    await recomputeAllGrades(db, AS_OF)
    expect(await db.creditGrade.count({ where: { isLatest: true, asOf: new Date(`${AS_OF}T00:00:00Z`) } })).toBe(subjects)
  })

  it('recomputes one subject after a record changes: withdrawn, it stops counting', async () => {
    const record = await db.integrityRecord.findFirstOrThrow({
      where: { kind: 'BAD', enterpriseId: { not: null }, status: 'ACTIVE', publishFrom: { lte: new Date(`${AS_OF}T00:00:00Z`) }, publishUntil: { gt: new Date(`${AS_OF}T00:00:00Z`) } },
      orderBy: { id: 'asc' },
    })
    const enterpriseId = record.enterpriseId!
    const before = await db.creditGrade.findUniqueOrThrow({ where: { id: snapshotId(enterpriseId, AS_OF) } })
    await db.integrityRecord.update({ where: { id: record.id }, data: { status: 'WITHDRAWN' } })
    const snapshot = await recomputeSubjectGrade(db, { type: 'ENTERPRISE', id: enterpriseId }, AS_OF)
    expect(snapshot!.score).toBe(before.score - record.points)
    const after = await db.creditGrade.findUniqueOrThrow({ where: { id: snapshotId(enterpriseId, AS_OF) } })
    expect(after.score).toBe(snapshot!.score)
    expect(after.isLatest).toBe(true)
    // the rest of the history is untouched
    expect(await db.creditGrade.count({ where: { enterpriseId } })).toBe(13)
    await db.integrityRecord.update({ where: { id: record.id }, data: { status: 'ACTIVE' } })
    await recomputeSubjectGrade(db, { type: 'ENTERPRISE', id: enterpriseId }, AS_OF)
    expect((await db.creditGrade.findUniqueOrThrow({ where: { id: snapshotId(enterpriseId, AS_OF) } })).score).toBe(before.score)
  })

  it('stores a blacklisting with its dates and grounds', async () => {
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { type: 'CONTRACTOR', grades: { some: { isLatest: true, blacklisted: false } } }, orderBy: { id: 'asc' } })
    const authority = await db.authority.findFirstOrThrow()
    const record = await db.integrityRecord.create({
      data: {
        subjectType: 'ENTERPRISE',
        enterpriseId: enterprise.id,
        kind: 'BAD',
        categoryCode: 'BAD.CONTRACT.TRANSFER_OR_LEND',
        title: '允许其他单位以本单位名义承揽工程',
        description: '测试记录',
        decisionNumber: '琼建罚〔2026〕999号',
        authorityId: authority.id,
        issuedBy: authority.name,
        decidedOn: new Date('2026-03-02T00:00:00Z'),
        publishFrom: new Date('2026-03-02T00:00:00Z'),
        publishUntil: new Date('2029-03-02T00:00:00Z'),
        points: -10,
      },
    })
    const snapshot = await recomputeSubjectGrade(db, { type: 'ENTERPRISE', id: enterprise.id }, AS_OF)
    expect(snapshot).toMatchObject({ blacklisted: true, grade: 'C', listedOn: '2026-03-02', removableOn: '2027-03-02' })
    const row = await db.creditGrade.findUniqueOrThrow({ where: { id: snapshotId(enterprise.id, AS_OF) } })
    expect(JSON.parse(row.blacklistGrounds!)).toEqual([
      { code: 'TRANSFER_OR_LEND', label: '转包、出借资质', since: '2026-03-02', until: '2027-03-02', recordIds: [record.id] },
    ])
    expect(iso(row.listedOn)).toBe('2026-03-02')
    await db.integrityRecord.delete({ where: { id: record.id } })
    await recomputeSubjectGrade(db, { type: 'ENTERPRISE', id: enterprise.id }, AS_OF)
    expect(await db.creditGrade.findUniqueOrThrow({ where: { id: snapshotId(enterprise.id, AS_OF) } })).toMatchObject({ blacklisted: false, listedOn: null, blacklistGrounds: null })
  })

  it('answers null for an unknown subject and refuses a bad day', async () => {
    expect(await recomputeSubjectGrade(db, { type: 'PERSON', id: 'nobody' }, AS_OF)).toBeNull()
    await expect(recomputeAllGrades(db, '2026-02-30')).rejects.toThrow(RangeError)
  })

  it('stores the standard once and refuses a different one under the same version', async () => {
    const stored = await db.scoringStandard.findUniqueOrThrow({ where: { version: CURRENT_STANDARD.version } })
    expect(JSON.parse(stored.rules)).toEqual(CURRENT_STANDARD)
    const edited = structuredClone(CURRENT_STANDARD)
    edited.categories[0].points = 11
    await expect(recomputeSubjectGrade(db, { type: 'PERSON', id: 'nobody' }, AS_OF, { standard: edited })).rejects.toThrow(StandardMismatchError)
  })
})
