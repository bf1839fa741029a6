// Integrity records and objection review by staff on both databases: role × own/other region for
// every use case, the grade recomputed at once (stored snapshot and the live explanation), a
// withdrawn record gone from the public records, a repair ending publication the next day, a
// rejection needing a reason, and the public status page showing the outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { objectionInputSchema } from '@shared/objections/input'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { explainEnterpriseCredit } from '@web/server/credit/explain-enterprise-credit'
import { listEnterpriseRecords } from '@web/server/enterprises/list-enterprise-records'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { acceptObjection } from '@web/server/objections/accept-objection'
import { getObjection } from '@web/server/objections/get-objection'
import { getObjectionForReview } from '@web/server/objections/get-objection-for-review'
import { listObjectionQueue } from '@web/server/objections/list-objection-queue'
import { openObjection } from '@web/server/objections/open-objection'
import { rejectObjection } from '@web/server/objections/reject-objection'
import { submitObjection } from '@web/server/objections/submit-objection'
import { correctRecord } from './correct-record'
import { getStaffRecord } from './get-staff-record'
import { listStaffRecords } from './list-staff-records'
import { recordIntegrity } from './record-integrity'
import { createStaffFixture, tableCounts, type StaffFixture } from './staff-test-fixtures'
import { withdrawRecord } from './withdraw-record'

const providers = await testProviders()
const NOW = new Date('2026-06-30T10:00:00+08:00')

const badRecord = (subjectCode: string, extra: Record<string, unknown> = {}) => ({
  subjectCode,
  kind: 'BAD',
  categoryCode: 'BAD.PENALTY.SERIOUS',
  title: '未按规定履行质量安全责任',
  description: '施工现场存在重大安全隐患，责令停业整顿。',
  decisionNumber: '琼建罚〔2026〕101号',
  issuedBy: '海口市住房和城乡建设局',
  decidedOn: '2026-06-20',
  penaltyLastDay: '2027-12-31',
  publishFrom: '',
  ...extra,
})
const correction = (extra: Record<string, unknown> = {}) => {
  const { subjectCode: _s, ...rest } = badRecord('')
  return { ...rest, reason: '文号录入有误', ...extra }
}
const latestGrade = (db: Db, enterpriseId: string) => db.creditGrade.findFirst({ where: { enterpriseId, isLatest: true } })

describe.each(providers)('records and objection review on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let f: StaffFixture

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    f = await createStaffFixture(db)
  })
  afterAll(async () => {
    await t?.drop()
  })

  async function refused(call: () => Promise<unknown>, error: new (...args: never[]) => Error) {
    const before = await tableCounts(db)
    const records = await db.integrityRecord.findMany({ orderBy: { id: 'asc' } })
    const objections = await db.objection.findMany({ orderBy: { id: 'asc' } })
    await expect(call()).rejects.toBeInstanceOf(error)
    expect(await tableCounts(db)).toEqual(before)
    expect(await db.integrityRecord.findMany({ orderBy: { id: 'asc' } })).toEqual(records)
    expect(await db.objection.findMany({ orderBy: { id: 'asc' } })).toEqual(objections)
  }
  const lastAudit = () => db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })

  it('records a bad record: points and period from the standard, the grade stored and explained at once', async () => {
    expect(await latestGrade(db, f.haikou.enterpriseId)).toBeNull()
    const { id } = await recordIntegrity(db, f.actors.haikouOfficer, badRecord(f.haikou.uscc), NOW)
    const row = await db.integrityRecord.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ subjectType: 'ENTERPRISE', enterpriseId: f.haikou.enterpriseId, points: -5, status: 'ACTIVE', authorityId: f.actors.haikouOfficer.authorityId })
    expect(row.publishFrom.toISOString().slice(0, 10)).toBe('2026-06-20')
    // 12 months from publishFrom, but never before the penalty is over
    expect(row.publishUntil.toISOString().slice(0, 10)).toBe('2028-01-01')
    expect(row.penaltyLastDay?.toISOString().slice(0, 10)).toBe('2027-12-31')
    const grade = (await latestGrade(db, f.haikou.enterpriseId))!
    expect(grade.score).toBe(95)
    const explained = (await explainEnterpriseCredit(db, f.haikou.uscc, NOW))!
    expect(JSON.stringify(explained)).toContain(id)
    expect(explained.grade).toBe(grade.grade)
    const entry = await lastAudit()
    expect(entry).toMatchObject({ action: 'record.create', entityId: id, userId: f.actors.haikouOfficer.userId })
    expect(JSON.parse(entry.changes)).toMatchObject({ before: null, after: { categoryCode: 'BAD.PENALTY.SERIOUS', points: -5, publishUntil: '2028-01-01' } })
  })

  it('records for a practitioner by registration number; refuses other regions, other roles, mismatched kinds', async () => {
    const good = { ...badRecord(f.haikou.registrationNumber), kind: 'GOOD', categoryCode: 'GOOD.COMMENDATION.CITY', penaltyLastDay: '', publishFrom: '2026-07-01' }
    const { id } = await recordIntegrity(db, f.actors.haikouOfficer, good, NOW)
    expect(await db.integrityRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ subjectType: 'PERSON', personId: f.haikou.personId, points: 2 })
    await refused(() => recordIntegrity(db, f.actors.haikouOfficer, badRecord(f.sanya.uscc), NOW), InputError)
    await refused(() => recordIntegrity(db, f.actors.haikouOfficer, badRecord(f.sanya.registrationNumber), NOW), InputError)
    await refused(() => recordIntegrity(db, f.actors.sanyaOfficer, badRecord(f.outside.uscc), NOW), InputError)
    for (const role of ['haikouReviewer', 'provinceReviewer', 'admin', 'auditor'] as const) await refused(() => recordIntegrity(db, f.actors[role], badRecord(f.haikou.uscc), NOW), ForbiddenError)
    await expect(recordIntegrity(db, f.actors.haikouOfficer, badRecord(f.haikou.uscc, { kind: 'GOOD' }), NOW)).rejects.toMatchObject({ fields: { categoryCode: '所选类别不是良好行为类别' } })
    await recordIntegrity(db, f.actors.provinceOfficer, badRecord(f.outside.uscc), NOW)
  })

  it('corrects a record with before and after in the audit, and recomputes the grade', async () => {
    const { id } = await recordIntegrity(db, f.actors.sanyaOfficer, badRecord(f.sanya.uscc, { categoryCode: 'BAD.PENALTY.GRAVE' }), NOW)
    expect((await latestGrade(db, f.sanya.enterpriseId))!.score).toBe(90)
    await refused(() => correctRecord(db, f.actors.haikouOfficer, id, correction(), NOW), NotFoundError)
    await refused(() => correctRecord(db, f.actors.haikouReviewer, id, correction(), NOW), ForbiddenError)
    await correctRecord(db, f.actors.sanyaOfficer, id, correction({ decisionNumber: '三建罚〔2026〕7号', issuedBy: '三亚市住房和城乡建设局' }), NOW)
    expect(JSON.parse((await lastAudit()).changes)).toEqual({
      reason: '文号录入有误',
      before: { categoryCode: 'BAD.PENALTY.GRAVE', decisionNumber: '琼建罚〔2026〕101号', issuedBy: '海口市住房和城乡建设局', points: -10, publishUntil: '2029-06-20' },
      after: { categoryCode: 'BAD.PENALTY.SERIOUS', decisionNumber: '三建罚〔2026〕7号', issuedBy: '三亚市住房和城乡建设局', points: -5, publishUntil: '2028-01-01' },
    })
    expect((await latestGrade(db, f.sanya.enterpriseId))!.score).toBe(95)
  })

  it('withdraws a record with its reason: gone from the public records, the grade restored', async () => {
    const { id } = await recordIntegrity(db, f.actors.sanyaOfficer, badRecord(f.sanya.uscc, { decisionNumber: '三建罚〔2026〕8号' }), NOW)
    expect((await listEnterpriseRecords(db, f.sanya.uscc, { page: 1, pageSize: 50 } as never, NOW))!.items.map((r) => r.id)).toContain(id)
    await refused(() => withdrawRecord(db, f.actors.haikouOfficer, id, { reason: '重复录入' }, NOW), NotFoundError)
    await refused(() => withdrawRecord(db, f.actors.sanyaOfficer, id, { reason: '' }, NOW), InputError)
    await withdrawRecord(db, f.actors.sanyaOfficer, id, { reason: '重复录入' }, NOW)
    expect(await db.integrityRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: '重复录入', withdrawnAt: NOW })
    expect((await listEnterpriseRecords(db, f.sanya.uscc, { page: 1, pageSize: 50 } as never, NOW))!.items.map((r) => r.id)).not.toContain(id)
    expect((await latestGrade(db, f.sanya.enterpriseId))!.score).toBe(95)
    expect(JSON.parse((await lastAudit()).changes)).toMatchObject({ before: { status: 'ACTIVE' }, after: { status: 'WITHDRAWN', withdrawalReason: '重复录入' } })
    await refused(() => withdrawRecord(db, f.actors.sanyaOfficer, id, { reason: '再次撤销' }, NOW), ConflictError)
    expect((await listStaffRecords(db, f.actors.haikouOfficer, {})).items.map((r) => r.id)).not.toContain(id)
  })

  it('reads records of the actor’s regions only, and searches without LIKE wildcards', async () => {
    const { id } = await recordIntegrity(db, f.actors.sanyaOfficer, badRecord(f.sanya.uscc, { decisionNumber: '三建罚〔2026〕9号' }), NOW)
    expect((await getStaffRecord(db, f.actors.sanyaOfficer, id)).decisionNumber).toBe('三建罚〔2026〕9号')
    await expect(getStaffRecord(db, f.actors.haikouOfficer, id)).rejects.toBeInstanceOf(NotFoundError)
    expect((await listStaffRecords(db, f.actors.sanyaOfficer, { q: '三建罚〔2026〕9号' })).items.map((r) => r.id)).toEqual([id])
    expect((await listStaffRecords(db, f.actors.haikouOfficer, { q: '三建罚〔2026〕9号' })).items).toEqual([])
    // a bare wildcard is text, not "any": it matches no 文号, title or name
    expect((await listStaffRecords(db, f.actors.sanyaOfficer, { q: '%' })).total).toBe(0)
  })

  describe('objections and credit repair', () => {
    const submit = async (recordId: string, kind: 'OBJECTION' | 'REPAIR', at: Date) =>
      submitObjection(
        db,
        objectionInputSchema.parse({
          recordId,
          kind,
          applicantName: '海口测试建设工程有限公司',
          contactPhone: '13900001111',
          reasons: '该记录所载事实与处罚决定书不符，请予核实。',
          rectification: kind === 'REPAIR' ? '已完成全部整改并经主管部门验收，罚款已缴纳。' : undefined,
        }),
        { now: at },
      )

    it('queues the region\'s open requests oldest first with the days left, and opens one', async () => {
      const { id } = await recordIntegrity(db, f.actors.haikouOfficer, badRecord(f.haikou.uscc, { decisionNumber: '琼建罚〔2026〕120号' }), NOW)
      const older = await submit(id, 'OBJECTION', new Date('2026-06-21T09:00:00+08:00'))
      const newer = await submit(id, 'OBJECTION', new Date('2026-06-29T09:00:00+08:00'))
      const queue = await listObjectionQueue(db, f.actors.haikouReviewer, { answerDays: 15 }, NOW)
      expect(queue.map((q) => q.trackingNumber)).toEqual([older, newer])
      expect(queue[0]).toMatchObject({ deadline: '2026-07-06', daysLeft: 6, status: 'SUBMITTED' })
      expect(queue[1]).toMatchObject({ deadline: '2026-07-14', daysLeft: 14 })
      expect(await listObjectionQueue(db, f.actors.provinceReviewer, { answerDays: 10 }, NOW)).toHaveLength(2)
      await expect(listObjectionQueue(db, f.actors.haikouOfficer, { answerDays: 15 }, NOW)).rejects.toBeInstanceOf(ForbiddenError)

      await refused(() => openObjection(db, f.actors.haikouOfficer, older, NOW), ForbiddenError)
      await openObjection(db, f.actors.haikouReviewer, older, NOW)
      expect((await getObjection(db, older, NOW))!.status).toBe('UNDER_REVIEW')
      await refused(() => openObjection(db, f.actors.haikouReviewer, older, NOW), ConflictError)
      // the phone masked: the full number only through revealContactPhone (reveal-contact-phone.db.test.ts)
      const forReview = await getObjectionForReview(db, f.actors.haikouReviewer, older, { answerDays: 15 })
      expect(forReview).toMatchObject({ trackingNumber: older, contactPhoneMasked: '139****1111' })
      expect(JSON.stringify(forReview)).not.toContain('13900001111')

      // rejection needs a reason; the applicant reads it
      await refused(() => rejectObjection(db, f.actors.haikouReviewer, newer, { reason: ' ' }, NOW), InputError)
      await rejectObjection(db, f.actors.haikouReviewer, newer, { reason: '经核实，处罚决定书所载事实清楚' }, NOW)
      expect(await getObjection(db, newer, NOW)).toMatchObject({ status: 'REJECTED', statusLabel: '未予采纳' })
      expect(JSON.stringify(await getObjection(db, newer, NOW))).toContain('经核实，处罚决定书所载事实清楚')

      // upheld by withdrawal: the status page shows the outcome, the record is gone, the grade restored
      await acceptObjection(db, f.actors.haikouReviewer, older, { resolution: 'WITHDRAW', note: '记录有误，予以撤销' }, NOW)
      expect(await getObjection(db, older, NOW)).toMatchObject({ status: 'ACCEPTED', statusLabel: '已采纳', record: { isPublic: false } })
      expect(await db.integrityRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'WITHDRAWN', withdrawnAt: NOW })
      expect(JSON.parse((await lastAudit()).changes)).toMatchObject({ objection: older, after: { status: 'WITHDRAWN' } })
    })

    it('another region\'s request answers 404 and nothing changes', async () => {
      const { id } = await recordIntegrity(db, f.actors.sanyaOfficer, badRecord(f.sanya.uscc, { decisionNumber: '三建罚〔2026〕30号' }), NOW)
      const number = await submit(id, 'OBJECTION', new Date('2026-06-25T09:00:00+08:00'))
      expect((await listObjectionQueue(db, f.actors.haikouReviewer, { answerDays: 15 }, NOW)).map((q) => q.trackingNumber)).not.toContain(number)
      await refused(() => openObjection(db, f.actors.haikouReviewer, number, NOW), NotFoundError)
      await refused(() => acceptObjection(db, f.actors.haikouReviewer, number, { resolution: 'WITHDRAW' }, NOW), NotFoundError)
      await refused(() => rejectObjection(db, f.actors.haikouReviewer, number, { reason: '不成立' }, NOW), NotFoundError)
      await expect(getObjectionForReview(db, f.actors.haikouReviewer, number, { answerDays: 15 })).rejects.toBeInstanceOf(NotFoundError)
      // upheld by correction, by the province's reviewer
      await acceptObjection(db, f.actors.provinceReviewer, number, { resolution: 'CORRECT', ...correction({ decisionNumber: '三建罚〔2026〕31号' }), note: '文号有误，予以更正' }, NOW)
      expect(await db.integrityRecord.findUniqueOrThrow({ where: { id } })).toMatchObject({ decisionNumber: '三建罚〔2026〕31号', status: 'ACTIVE' })
      expect(JSON.parse((await lastAudit()).changes)).toMatchObject({ objection: number, before: { decisionNumber: '三建罚〔2026〕30号' }, after: { decisionNumber: '三建罚〔2026〕31号' } })
      expect(await getObjection(db, number, NOW)).toMatchObject({ status: 'ACCEPTED' })
    })

    it('an accepted repair ends the publication the day after the acceptance (Beijing time)', async () => {
      const { id } = await recordIntegrity(db, f.actors.haikouOfficer, badRecord(f.haikou.uscc, { categoryCode: 'BAD.NOTICE.CRITICISM', penaltyLastDay: '', decidedOn: '2025-06-01', decisionNumber: '琼建通〔2025〕5号' }), NOW)
      const number = await submit(id, 'REPAIR', new Date('2025-10-10T09:00:00+08:00'))
      await expect(acceptObjection(db, f.actors.haikouReviewer, number, { resolution: 'WITHDRAW' }, NOW)).rejects.toMatchObject({ fields: { resolution: expect.any(String) } })
      // 23:30 on 2025-10-20 in Beijing is still the 20th: public through the 20th, not on the 21st
      const late = new Date('2025-10-20T23:30:00+08:00')
      await acceptObjection(db, f.actors.haikouReviewer, number, { resolution: 'END_PUBLICATION', note: '整改到位，准予信用修复' }, late)
      const row = await db.integrityRecord.findUniqueOrThrow({ where: { id } })
      expect(row.status).toBe('ACTIVE')
      expect(row.publishUntil.toISOString().slice(0, 10)).toBe('2025-10-21')
      expect(JSON.parse((await lastAudit()).changes)).toEqual({ objection: number, before: { publishUntil: '2025-12-01' }, after: { publishUntil: '2025-10-21' } })
      expect(await getObjection(db, number, new Date('2025-10-21T08:00:00+08:00'))).toMatchObject({ status: 'ACCEPTED', record: { isPublic: false } })
      expect(await verifyAuditChain(db)).toBeNull()
    })
  })
})
