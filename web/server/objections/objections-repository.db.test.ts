// Objections and credit-repair requests on both databases: a valid request is stored with its
// audit entry in one transaction and gets a valid, unique tracking number; a request the record does
// not allow writes nothing; the status view masks the contact details and shows the record's
// details only while the record is public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { objectionInputSchema } from '@shared/objections/input'
import { isValidTrackingNumber } from '@shared/objections/tracking-number'
import type { Db } from '@db/client'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { openObjectionRow, phoneHash } from '@web/server/personal-data/personal-data'
import { getObjection } from './get-objection'
import { getRecordForRequest } from './get-record-for-request'
import { NO_LONGER_PUBLIC_NOTICE } from './objections-schemas'
import { reviewObjection } from './review-objection'
import { ObjectionRefusedError, submitObjection } from './submit-objection'

const providers = await testProviders()
const AS_OF = '2026-06-30'
const NOW = new Date(`${AS_OF}T10:30:00+08:00`)
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

function input(recordId: string, extra: Record<string, string> = {}) {
  return objectionInputSchema.parse({
    recordId,
    kind: 'OBJECTION',
    applicantName: '海南测试建设工程有限公司',
    contactPhone: '+86 139-0898-1234',
    email: 'legal@example.com',
    reasons: '该记录所载处罚决定文号与原件不一致，请予核实更正。',
    ...extra,
  })
}

describe.each(providers)('objections on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let publicBad: { id: string; enterpriseId: string | null; personId: string | null; subjectType: string }
  let publicGood: { id: string }
  let expired: { id: string }

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    await seedDatabase(db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'objections', asOf: AS_OF })
    // fixtures of our own: the demo data at this scale has few records
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { type: 'CONTRACTOR' }, orderBy: { id: 'asc' } })
    const record = (kind: 'GOOD' | 'BAD', categoryCode: string, from: string, until: string) =>
      db.integrityRecord.create({
        data: {
          subjectType: 'ENTERPRISE',
          enterpriseId: enterprise.id,
          kind,
          categoryCode,
          title: `测试记录 ${categoryCode}`,
          description: '测试记录',
          decisionNumber: '琼建罚〔2025〕900号',
          issuedBy: '海南省住房和城乡建设厅',
          decidedOn: day(from),
          publishFrom: day(from),
          publishUntil: day(until),
          points: kind === 'GOOD' ? 3 : -10,
        },
      })
    // public today for 17 months already: repair is allowed too
    publicBad = await record('BAD', 'BAD.BIDDING.COLLUSION', '2025-01-15', '2028-01-15')
    publicGood = await record('GOOD', 'GOOD.COMMENDATION.PROVINCIAL', '2025-03-01', '2028-03-01')
    expired = await record('BAD', 'BAD.PENALTY.MINOR', '2025-01-10', '2025-07-10')
  })
  afterAll(async () => {
    await t?.drop()
  })

  it('stores a valid objection with an audit entry and a valid tracking number of the day', async () => {
    const audits = await db.auditLog.count()
    const trackingNumber = await submitObjection(db, input(publicBad.id), { now: NOW })
    expect(isValidTrackingNumber(trackingNumber)).toBe(true)
    expect(trackingNumber.slice(0, 10)).toBe('YY20260630')
    const stored = await db.objection.findUniqueOrThrow({ where: { trackingNumber } })
    // the contact details are stored encrypted, the phone's keyed hash beside them
    expect(stored.contactPhone).toMatch(/^v1:/)
    expect(stored.email).toMatch(/^v1:/)
    expect(stored.contactPhoneHash).toBe(phoneHash('13908981234'))
    const row = openObjectionRow(stored)
    expect(row).toMatchObject({
      kind: 'OBJECTION',
      recordId: publicBad.id,
      subjectType: publicBad.subjectType,
      enterpriseId: publicBad.enterpriseId,
      personId: publicBad.personId,
      applicantName: '海南测试建设工程有限公司',
      contactPhone: '13908981234',
      email: 'legal@example.com',
      status: 'SUBMITTED',
      statusReason: null,
      rectification: null,
    })
    expect(row.submittedAt.toISOString()).toBe(NOW.toISOString())
    expect(await db.auditLog.count()).toBe(audits + 1)
    const entry = await db.auditLog.findFirstOrThrow({ where: { entity: 'Objection', entityId: row.id } })
    expect(entry.action).toBe('objection.submit')
    expect(JSON.parse(entry.changes)).toEqual({ trackingNumber, kind: 'OBJECTION', recordId: publicBad.id, status: [null, 'SUBMITTED'] })
    // the audit log records what happened, not the applicant's contact details
    expect(entry.changes).not.toContain('1390898')
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('shows the status with the contact details masked', async () => {
    const trackingNumber = await submitObjection(db, input(publicBad.id, { contactPhone: '0898-66668888' }), { now: NOW })
    const view = (await getObjection(db, trackingNumber, NOW))!
    expect(view).toMatchObject({
      trackingNumber,
      kind: 'OBJECTION',
      kindLabel: '异议申请',
      status: 'SUBMITTED',
      statusLabel: '已提交',
      applicantNameMasked: '海**********司',
      contactPhoneMasked: '0898-****8888',
      emailMasked: 'l***@example.com',
      record: { id: publicBad.id },
    })
    expect(JSON.stringify(view)).not.toContain('66668888')
    expect(await getObjection(db, 'YY20000101000000000000M', NOW)).toBeNull()
  })

  it('accepts a repair request for a bad record after its minimum publication time', async () => {
    const trackingNumber = await submitObjection(db, input(publicBad.id, { kind: 'REPAIR', rectification: '已缴纳全部罚款，完成整改并经主管部门复查合格。' }), { now: NOW })
    const row = await db.objection.findUniqueOrThrow({ where: { trackingNumber } })
    expect(row).toMatchObject({ kind: 'REPAIR', rectification: '已缴纳全部罚款，完成整改并经主管部门复查合格。' })
    expect((await db.auditLog.findFirstOrThrow({ where: { entityId: row.id } })).action).toBe('objection.repair.submit')
  })

  it('refuses, writing nothing, what the record does not allow', async () => {
    const before = { objections: await db.objection.count(), audits: await db.auditLog.count() }
    const refused = async (recordId: string, extra: Record<string, string>, field: string) => {
      const error = await submitObjection(db, input(recordId, extra), { now: NOW }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ObjectionRefusedError)
      expect((error as ObjectionRefusedError).field).toBe(field)
      expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/)
    }
    const repair = { kind: 'REPAIR', rectification: '已完成整改并经复查合格，特申请信用修复。' }
    await refused('cir-does-not-exist', {}, 'recordId')
    await refused(expired.id, {}, 'recordId')
    await refused(publicGood.id, repair, 'kind')
    // a bad record published yesterday: too early for repair, fine for an objection
    const fresh = await db.integrityRecord.create({
      data: {
        subjectType: 'ENTERPRISE',
        enterpriseId: publicBad.enterpriseId ?? (await db.enterprise.findFirstOrThrow()).id,
        kind: 'BAD',
        categoryCode: 'BAD.PENALTY.MINOR',
        title: '测试：新近公示的处罚',
        description: '测试记录',
        decisionNumber: '琼建罚〔2026〕902号',
        issuedBy: '海南省住房和城乡建设厅',
        decidedOn: day('2026-06-29'),
        publishFrom: day('2026-06-29'),
        publishUntil: day('2026-12-29'),
        points: -2,
      },
    })
    await refused(fresh.id, repair, 'kind')
    await db.integrityRecord.update({ where: { id: fresh.id }, data: { status: 'WITHDRAWN' } })
    await refused(fresh.id, {}, 'recordId')
    expect({ objections: await db.objection.count(), audits: await db.auditLog.count() }).toEqual(before)
  })

  it('draws another number when the first one is taken (the whole transaction runs again)', async () => {
    const fixed = (n: number) => new Uint8Array(n).fill(7)
    // two applicants (another phone each, so that neither is a repeat of an earlier request)
    const first = await submitObjection(db, input(publicBad.id, { contactPhone: '13900000001' }), { now: NOW, randomBytes: fixed })
    let calls = 0
    const second = await submitObjection(db, input(publicBad.id, { contactPhone: '13900000002' }), {
      now: NOW,
      randomBytes: (n) => (++calls === 1 ? fixed(n) : new Uint8Array(n).fill(8)),
    })
    expect(calls).toBe(2)
    expect(second).not.toBe(first)
    expect(isValidTrackingNumber(second)).toBe(true)
    expect(await db.objection.count({ where: { trackingNumber: { in: [first, second] } } })).toBe(2)
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('answers a repeat (same record, kind and phone, same China day) with the first tracking number and writes nothing', async () => {
    const phone = '13977770001'
    const first = await submitObjection(db, input(publicBad.id, { contactPhone: phone }), { now: NOW })
    const before = { objections: await db.objection.count(), audits: await db.auditLog.count() }
    // the same phone written another way, later the same China day, other words and e-mail
    const lateSameDay = new Date(`${AS_OF}T23:59:00+08:00`)
    const again = await submitObjection(db, input(publicBad.id, { contactPhone: '+86 139-7777-0001', reasons: '重复提交：该记录所载处罚决定文号与原件不一致。', email: '' }), { now: lateSameDay })
    expect(again).toBe(first)
    expect({ objections: await db.objection.count(), audits: await db.auditLog.count() }).toEqual(before)
    // another phone, another kind, or the next China day (00:00 +08:00) is a request of its own
    const otherPhone = await submitObjection(db, input(publicBad.id, { contactPhone: '13977770002' }), { now: NOW })
    const repair = await submitObjection(db, input(publicBad.id, { contactPhone: phone, kind: 'REPAIR', rectification: '已缴纳全部罚款，完成整改并经主管部门复查合格。' }), { now: NOW })
    const nextDay = await submitObjection(db, input(publicBad.id, { contactPhone: phone }), { now: new Date(`2026-07-01T00:00:00+08:00`) })
    expect(new Set([first, otherPhone, repair, nextDay]).size).toBe(4)
    // a request filed in the first second of the day is found from its last second too
    expect(await submitObjection(db, input(publicBad.id, { contactPhone: phone }), { now: new Date('2026-07-01T23:59:59.999+08:00') })).toBe(nextDay)
    expect(await db.objection.count()).toBe(before.objections + 3)
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('tells the form whether a record may be contested today', async () => {
    expect(await getRecordForRequest(db, publicBad.id, 'REPAIR', NOW)).toMatchObject({ record: { id: publicBad.id }, eligibility: { ok: true } })
    expect(await getRecordForRequest(db, expired.id, 'OBJECTION', NOW)).toMatchObject({ eligibility: { ok: false, reason: 'NOT_PUBLIC' } })
    expect(await getRecordForRequest(db, 'nope', 'OBJECTION', NOW)).toBeNull()
  })

  it("shows the record's title, 文号 and subject only while it is public; then only its category and why", async () => {
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { type: 'CONTRACTOR' }, orderBy: { id: 'asc' } })
    const record = (decisionNumber: string, until: string) =>
      db.integrityRecord.create({
        data: {
          subjectType: 'ENTERPRISE',
          enterpriseId: enterprise.id,
          kind: 'BAD',
          categoryCode: 'BAD.PENALTY.MINOR',
          title: `测试：将不再公示的处罚 ${decisionNumber}`,
          description: '测试记录',
          decisionNumber,
          issuedBy: '海南省住房和城乡建设厅',
          decidedOn: day('2026-03-01'),
          publishFrom: day('2026-03-01'),
          publishUntil: day(until),
          points: -2,
        },
      })
    const hidden = (view: unknown, decisionNumber: string, title: string) => {
      const json = JSON.stringify(view)
      expect(json).not.toContain(decisionNumber)
      expect(json).not.toContain(title)
      expect(json).not.toContain(enterprise.name)
      expect(json).not.toContain(enterprise.uscc)
    }

    // withdrawn because the objection was upheld
    const upheld = await record('琼建罚〔2026〕911号', '2026-09-01')
    const first = await submitObjection(db, input(upheld.id), { now: NOW })
    expect((await getObjection(db, first, NOW))!.record).toMatchObject({
      isPublic: true,
      id: upheld.id,
      title: upheld.title,
      decisionNumber: '琼建罚〔2026〕911号',
      subject: { type: 'ENTERPRISE', name: enterprise.name, uscc: enterprise.uscc },
    })
    const reviewer = await db.user.findFirstOrThrow()
    await reviewObjection(db, first, { status: 'ACCEPTED', reason: '经核实，记录有误，予以撤回' }, { userId: reviewer.id }, { now: NOW })
    const afterWithdrawal = (await getObjection(db, first, NOW))!
    expect(afterWithdrawal.status).toBe('ACCEPTED')
    expect(afterWithdrawal.record).toEqual({ isPublic: false, kind: 'BAD', categoryLabel: expect.any(String), notice: NO_LONGER_PUBLIC_NOTICE })
    expect(NO_LONGER_PUBLIC_NOTICE).toBe('所涉记录已撤回或公示期已满，不再公示')
    hidden(afterWithdrawal, '琼建罚〔2026〕911号', upheld.title)

    // its publication period ends: public on its last day (Beijing time), not the day after
    const ending = await record('琼建罚〔2026〕912号', '2026-07-15')
    const second = await submitObjection(db, input(ending.id), { now: NOW })
    const lastDay = new Date('2026-07-14T23:59:00+08:00')
    const dayAfter = new Date('2026-07-15T00:00:00+08:00')
    expect((await getObjection(db, second, lastDay))!.record).toMatchObject({ isPublic: true, decisionNumber: '琼建罚〔2026〕912号' })
    const ended = (await getObjection(db, second, dayAfter))!
    expect(ended.record).toEqual({ isPublic: false, kind: 'BAD', categoryLabel: expect.any(String), notice: NO_LONGER_PUBLIC_NOTICE })
    hidden(ended, '琼建罚〔2026〕912号', ending.title)
    // the rest of the status stays as it was
    expect(ended).toMatchObject({ trackingNumber: second, status: 'SUBMITTED', contactPhoneMasked: '139****1234' })
  })
})
