// The applicant's contact phone on the reviewer's side, on both databases: the request as the
// reviewer reads it carries the phone masked only; the full number comes only from
// revealContactPhone, which appends an audit entry naming the reviewer and the request; a reviewer
// of another region, or a role that does not review, gets nothing and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { objectionInputSchema } from '@shared/objections/input'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { ForbiddenError, NotFoundError } from '@web/server/lib/errors'
import { recordIntegrity } from '@web/server/records/record-integrity'
import { createStaffFixture, tableCounts, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { getObjectionForReview } from './get-objection-for-review'
import { revealContactPhone } from './reveal-contact-phone'
import { submitObjection } from './submit-objection'

const providers = await testProviders()
const NOW = new Date('2026-06-30T10:00:00+08:00')
const HAIKOU_PHONE = '13900001111'
const SANYA_PHONE = '0898-88776655'

describe.each(providers)('the applicant’s contact phone for the reviewer on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let f: StaffFixture
  let haikouRequest: { trackingNumber: string; id: string }
  let sanyaRequest: { trackingNumber: string; id: string }

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    f = await createStaffFixture(db)
    const request = async (officer: 'haikouOfficer' | 'sanyaOfficer', uscc: string, decisionNumber: string, contactPhone: string) => {
      const { id: recordId } = await recordIntegrity(
        db,
        f.actors[officer],
        {
          subjectCode: uscc,
          kind: 'BAD',
          categoryCode: 'BAD.PENALTY.SERIOUS',
          title: '未按规定履行质量安全责任',
          description: '施工现场存在重大安全隐患，责令停业整顿。',
          decisionNumber,
          issuedBy: '海南省住房和城乡建设厅',
          decidedOn: '2026-06-20',
          penaltyLastDay: '2027-12-31',
          publishFrom: '',
        },
        NOW,
      )
      const input = objectionInputSchema.parse({ recordId, kind: 'OBJECTION', applicantName: '测试建设工程有限公司', contactPhone, reasons: '该记录所载事实与处罚决定书不符，请予核实。' })
      const trackingNumber = await submitObjection(db, input, { now: NOW })
      const { id } = await db.objection.findUniqueOrThrow({ where: { trackingNumber }, select: { id: true } })
      return { trackingNumber, id }
    }
    haikouRequest = await request('haikouOfficer', f.haikou.uscc, '琼建罚〔2026〕201号', HAIKOU_PHONE)
    sanyaRequest = await request('sanyaOfficer', f.sanya.uscc, '三建罚〔2026〕202号', SANYA_PHONE)
  })
  afterAll(async () => {
    await t?.drop()
  })

  it('reads the request with the phone masked only, and writes nothing', async () => {
    const before = await tableCounts(db)
    const view = await getObjectionForReview(db, f.actors.haikouReviewer, haikouRequest.trackingNumber, { answerDays: 15 })
    expect(view).toMatchObject({ trackingNumber: haikouRequest.trackingNumber, contactPhoneMasked: '139****1111' })
    expect(view).not.toHaveProperty('contactPhone')
    expect(JSON.stringify(view)).not.toContain(HAIKOU_PHONE)
    const landline = await getObjectionForReview(db, f.actors.provinceReviewer, sanyaRequest.trackingNumber, { answerDays: 15 })
    expect(landline.contactPhoneMasked).toBe('0898-****6655')
    expect(JSON.stringify(landline)).not.toContain('88776655')
    expect(await tableCounts(db)).toEqual(before)
  })

  it('reveals the full phone to a reviewer of the region, with an audit entry naming the reviewer and the request', async () => {
    const before = await db.auditLog.count()
    expect(await revealContactPhone(db, f.actors.haikouReviewer, haikouRequest.trackingNumber, NOW)).toEqual({ contactPhone: HAIKOU_PHONE })
    expect(await db.auditLog.count()).toBe(before + 1)
    const entry = await db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })
    expect(entry).toMatchObject({
      action: 'objection.view-personal-data',
      entity: 'Objection',
      entityId: haikouRequest.id,
      userId: f.actors.haikouReviewer.userId,
      clientIp: '203.0.113.7',
    })
    expect(entry.at.toISOString()).toBe(NOW.toISOString())
    expect(JSON.parse(entry.changes)).toEqual({ trackingNumber: haikouRequest.trackingNumber, viewed: ['contactPhone'] })
    // what was seen, not the number itself
    expect(entry.changes).not.toContain(HAIKOU_PHONE)

    // the province's reviewer acts for every region
    expect(await revealContactPhone(db, f.actors.provinceReviewer, sanyaRequest.trackingNumber, NOW)).toEqual({ contactPhone: SANYA_PHONE })
    expect(await db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })).toMatchObject({ entityId: sanyaRequest.id, userId: f.actors.provinceReviewer.userId })
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('answers another region’s reviewer as if the request did not exist, and writes nothing', async () => {
    const before = await tableCounts(db)
    await expect(revealContactPhone(db, f.actors.haikouReviewer, sanyaRequest.trackingNumber, NOW)).rejects.toBeInstanceOf(NotFoundError)
    await expect(revealContactPhone(db, f.actors.haikouReviewer, 'YY20000101000000000000M', NOW)).rejects.toBeInstanceOf(NotFoundError)
    expect(await tableCounts(db)).toEqual(before)
  })

  it('refuses every role that does not review requests, and writes nothing', async () => {
    const before = await tableCounts(db)
    for (const role of ['haikouOfficer', 'provinceOfficer', 'admin', 'auditor'] as const) {
      await expect(revealContactPhone(db, f.actors[role], haikouRequest.trackingNumber, NOW)).rejects.toBeInstanceOf(ForbiddenError)
    }
    expect(await tableCounts(db)).toEqual(before)
  })
})
