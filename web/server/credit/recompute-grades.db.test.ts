// Recomputing credit grades on both databases, over the seeded demo data: the stored snapshots of
// subjects scored by hand from the published standard (testing/hand-scored-subjects.ts) carry the
// hand-computed numbers, a recompute of the same day changes nothing, a new day stores only the
// grades that changed, and exactly what recomputing each subject alone stores, other days stay as
// history, a run that fails half-way leaves every subject consistent, and the back office's
// one-subject recompute follows a record change at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { CURRENT_STANDARD } from '@shared/scoring'
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { recordIntegrity } from '@web/server/records/record-integrity'
import { withdrawRecord } from '@web/server/records/withdraw-record'
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

/** A day after the seed's records stopped counting: many grades differ from AS_OF's, not all. */
const LATER_DAY = '2031-01-01'

type Row = Awaited<ReturnType<typeof storedRows>>[number]

/** What a row says about the grade (not its day, id or mark). */
const gradeFields = (r: Row) => ({
  subjectClass: r.subjectClass,
  standardVersion: r.standardVersion,
  score: r.score,
  grade: r.grade,
  blacklisted: r.blacklisted,
  listedOn: r.listedOn,
  removableOn: r.removableOn,
  blacklistGrounds: r.blacklistGrounds,
})

async function allSubjects(db: Db) {
  const enterprises = await db.enterprise.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
  const people = await db.person.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
  return [...enterprises.map((e) => ({ type: 'ENTERPRISE' as const, id: e.id })), ...people.map((p) => ({ type: 'PERSON' as const, id: p.id }))]
}

/** Every subject with rows has exactly one marked latest, and it is its last day's. */
function expectConsistent(rows: Row[], subjects: { id: string }[]) {
  const bySubject = new Map<string, Row[]>()
  for (const r of rows) bySubject.set(r.enterpriseId ?? r.personId!, [...(bySubject.get(r.enterpriseId ?? r.personId!) ?? []), r])
  expect(bySubject.size).toBe(subjects.length)
  for (const [id, list] of bySubject) {
    const marked = list.filter((r) => r.isLatest)
    expect(marked, id).toHaveLength(1)
    expect(marked[0].asOf.getTime(), id).toBe(Math.max(...list.map((r) => r.asOf.getTime())))
  }
}

describe.each(providers)('recomputing credit grades on %s', (provider) => {
  let t: TestDatabase
  let db: Db

  /** Removes a day's rows and gives each subject's mark back to its last remaining row. */
  async function undoDay(d: string) {
    await db.creditGrade.deleteMany({ where: { asOf: day(d) } })
    await db.creditGrade.updateMany({ where: { asOf: day(AS_OF) }, data: { isLatest: true } })
  }

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

  it('is idempotent: recomputing the same day again writes nothing and leaves the same rows', async () => {
    const before = await storedRows(db)
    const subjects = (await db.enterprise.count()) + (await db.person.count())
    const summary = await recomputeAllGrades(db, AS_OF, { rowsPerTransaction: 97, subjectsPerRead: 53 })
    expect(summary).toMatchObject({ days: [AS_OF], subjects, snapshots: 0, unchanged: subjects })
    expect(await storedRows(db)).toEqual(before)
    // every day stored again (the seed's history mode) also leaves the same rows
    expect((await recomputeAllGrades(db, AS_OF, { rowsPerTransaction: 97, writeUnchanged: true })).snapshots).toBe(subjects)
    expect(await storedRows(db)).toEqual(before)
  })

  it('stores on a new day only the grades that changed, and exactly what recomputing each subject alone stores', async () => {
    const before = await storedRows(db)
    const refs = await allSubjects(db)
    const at = new Date(`${LATER_DAY}T02:00:00Z`)
    const fast = await recomputeAllGrades(db, LATER_DAY, { computedAt: at, rowsPerTransaction: 23, subjectsPerRead: 41 })
    const fastRows = await storedRows(db)
    const written = fastRows.filter((r) => iso(r.asOf) === LATER_DAY)
    // by LATER_DAY the seed's records have stopped counting: some grades change, not all
    expect(fast.snapshots).toBe(written.length)
    expect(written.length).toBeGreaterThan(0)
    expect(fast.unchanged).toBe(refs.length - written.length)
    expect(fast.unchanged).toBeGreaterThan(0)
    // a row is written exactly when it differs from the subject's row of AS_OF; the others keep theirs
    const latestBefore = new Map(before.filter((r) => r.isLatest).map((r) => [r.enterpriseId ?? r.personId, r]))
    for (const row of written) {
      const old = latestBefore.get(row.enterpriseId ?? row.personId)!
      expect(gradeFields(row), row.id).not.toEqual(gradeFields(old))
      expect(row.isLatest).toBe(true)
    }
    expect(fastRows.filter((r) => r.isLatest)).toHaveLength(refs.length)

    // each subject alone (the back office's path), from the same stored state
    await undoDay(LATER_DAY)
    expect(await storedRows(db)).toEqual(before)
    for (const ref of refs) await recomputeSubjectGrade(db, ref, LATER_DAY, { computedAt: at })
    expect(await storedRows(db)).toEqual(fastRows)

    // and the import's many-at-once path, with duplicates and one that does not exist
    await undoDay(LATER_DAY)
    const many = await recomputeSubjectGrades(db, [...refs, ...refs.slice(0, 20), { type: 'PERSON', id: 'no-such-person' }], LATER_DAY, { computedAt: at, rowsPerTransaction: 17 })
    expect(many).toBe(written.length)
    expect(await storedRows(db)).toEqual(fastRows)
    await undoDay(LATER_DAY)
  })

  it('leaves every subject consistent when a run fails half-way, and a second run finishes the job', async () => {
    const before = await storedRows(db)
    // an enterprise in the middle whose grade changes by LATER_DAY (its penalties stop counting)
    const changing = await db.enterprise.findMany({
      where: { records: { some: { kind: 'BAD', status: 'ACTIVE', publishFrom: { lte: day(AS_OF) }, publishUntil: { gt: day(AS_OF), lte: day(LATER_DAY) } }, none: { kind: 'GOOD' } } },
      select: { id: true },
      orderBy: { id: 'asc' },
    })
    expect(changing.length).toBeGreaterThan(2)
    const victim = changing[Math.floor(changing.length / 2)].id
    // a stray row of the victim on the new day under another id: the write of its batch fails
    // inside its transaction (a unique violation on the subject and day), after the marks moved
    await db.creditGrade.create({
      data: { id: 'stray', subjectType: 'ENTERPRISE', enterpriseId: victim, subjectClass: 'CONSTRUCTION', standardVersion: CURRENT_STANDARD.version, asOf: day(LATER_DAY), score: 1, grade: 'C' },
    })
    // a transaction per changed row: the enterprises changing before the victim are stored first
    await expect(recomputeAllGrades(db, LATER_DAY, { rowsPerTransaction: 1, subjectsPerRead: 37 })).rejects.toThrow(/CreditGrade/)
    await db.creditGrade.delete({ where: { id: 'stray' } })

    const after = await storedRows(db)
    const onDay = after.filter((r) => iso(r.asOf) === LATER_DAY)
    // the batches before the victim's were stored, its batch and every later one were not
    expect(onDay.length).toBeGreaterThan(0)
    expect(onDay.every((r) => r.enterpriseId !== null && r.enterpriseId < victim)).toBe(true)
    // every subject still has exactly one latest row, its last day; nothing else was touched
    expectConsistent(after, await allSubjects(db))
    const untouched = (rows: typeof before) => rows.filter((r) => iso(r.asOf) !== LATER_DAY).map(({ isLatest: _l, ...r }) => r)
    expect(untouched(after)).toEqual(untouched(before))

    // running again finishes the job: what recomputing each subject alone would add, nothing more
    await recomputeAllGrades(db, LATER_DAY, { rowsPerTransaction: 10, subjectsPerRead: 37 })
    const finished = await storedRows(db)
    expectConsistent(finished, await allSubjects(db))
    for (const ref of await allSubjects(db)) expect(await recomputeSubjectGrade(db, ref, LATER_DAY)).not.toBeNull()
    expect(await storedRows(db)).toEqual(finished)
    await undoDay(LATER_DAY)
    expect(await storedRows(db)).toEqual(before)
  })

  it('keeps other days as history and marks each subject’s latest day', async () => {
    const subjects = (await db.enterprise.count()) + (await db.person.count())
    const total = await db.creditGrade.count()
    // an earlier day is added as history, every subject's row (the rows after it were compared with
    // what came before them), and does not take the mark
    await recomputeAllGrades(db, '2025-01-15')
    expect(await db.creditGrade.count()).toBe(total + subjects)
    expect(await db.creditGrade.count({ where: { isLatest: true, asOf: new Date(`${AS_OF}T00:00:00Z`) } })).toBe(subjects)
    // a later day takes it where the grade changed
    const later = await recomputeAllGrades(db, '2026-12-01')
    expect(later.snapshots).toBeGreaterThan(0)
    expect(await db.creditGrade.count({ where: { isLatest: true } })).toBe(subjects)
    expect(await db.creditGrade.count({ where: { isLatest: true, asOf: new Date('2026-12-01T00:00:00Z') } })).toBe(later.snapshots)
    expectConsistent(await storedRows(db), await allSubjects(db))
    // back to the state the other tests expect
    await db.creditGrade.deleteMany({ where: { asOf: new Date('2025-01-15T00:00:00Z') } })
    await undoDay('2026-12-01')
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

  it('recomputes only the subject whose record a staff member records or withdraws', async () => {
    const before = await storedRows(db)
    const user = await db.user.findUniqueOrThrow({ where: { username: 'province' }, include: { authority: true } })
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      authorityId: user.authorityId,
      regionCode: user.authority!.regionCode,
      regions: 'ALL',
      clientIp: null,
    }
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { type: 'CONTRACTOR' }, orderBy: { id: 'desc' } })
    const now = new Date(`${AS_OF}T04:00:00Z`)
    const { id } = await recordIntegrity(
      db,
      actor,
      {
        subjectCode: enterprise.uscc,
        kind: 'BAD',
        categoryCode: 'BAD.PENALTY.SERIOUS',
        title: '未按规定履行质量安全责任',
        description: '施工现场存在重大安全隐患，责令停业整顿。',
        decisionNumber: '琼建罚〔2026〕901号',
        issuedBy: '海南省住房和城乡建设厅',
        decidedOn: '2026-06-10',
        penaltyLastDay: '2026-12-31',
        publishFrom: '',
      },
      now,
    )
    const after = await storedRows(db)
    const beforeJson = new Set(before.map((b) => JSON.stringify(b)))
    const changed = after.filter((r) => !beforeJson.has(JSON.stringify(r)))
    // one row, the enterprise's of the day, 5 points lower (BAD.PENALTY.SERIOUS, −5 in the standard)
    expect(changed.map((r) => r.id)).toEqual([snapshotId(enterprise.id, AS_OF)])
    expect(changed[0].score).toBe(before.find((b) => b.id === changed[0].id)!.score - 5)
    expect(after).toHaveLength(before.length)
    // withdrawn, the grade is back to what it was, and nothing else moved
    await withdrawRecord(db, actor, id, { reason: '重复录入' }, now)
    expect(await storedRows(db)).toEqual(before)
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
