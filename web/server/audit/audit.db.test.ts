// The auditor's use cases on both databases: the filtered, keyset-paged listing, the CSV batches,
// the chain check on an intact and on a tampered log (an entry edited, deleted, two reordered), the
// operator command, and who may read any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { StaffRole } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import { main as verifyCommand } from '../../../scripts/audit/verify'
import { ForbiddenError } from '@web/server/lib/errors'
import { appendAuditEntry, withAuditRetry } from './audit-log-repository'
import { auditQuerySchema } from './audit-queries'
import { auditChainCheckSchema, auditEntryPageSchema } from './audit-schemas'
import { exportAuditEntries } from './export-audit-entries'
import { listAuditEntries } from './list-audit-entries'
import { listAuditFilterChoices } from './list-audit-filter-choices'
import { verifyAuditLog } from './verify-audit-log'

const providers = await testProviders()

type Db = TestDatabase['db']

function actor(role: StaffRole, regions: Actor['regions'] = 'ALL'): Actor {
  return { userId: `u-${role}`, username: role.toLowerCase(), displayName: role, role, authorityId: null, regionCode: null, regions, clientIp: '10.0.0.9' }
}
const AUDITOR = actor('AUDITOR')
const OTHERS = [actor('REGION_OFFICER', ['460100']), actor('REGION_OFFICER', 'ALL'), actor('REVIEWER', ['460100']), actor('PROVINCE_ADMIN')]

// [China date-time, username, action, entity, entityId]; seq follows the order
const ENTRIES: [string, string | null, string, string, string][] = [
  ['2026-05-31T23:30:00+08:00', 'officer1', 'project.register', 'Project', 'p1'],
  ['2026-06-01T00:10:00+08:00', 'officer1', 'permit.issue', 'ConstructionPermit', 'c1'],
  ['2026-06-01T09:00:00+08:00', 'reviewer1', 'objection.review', 'Objection', 'o1'],
  ['2026-06-02T10:00:00+08:00', 'officer1', 'permit.issue', 'ConstructionPermit', 'c2'],
  ['2026-06-03T10:00:00+08:00', null, 'certificate.revoke', 'Certificate', 'x1'],
  ['2026-06-03T23:59:00+08:00', 'officer2', 'permit.issue', 'ConstructionPermit', 'c3'],
  ['2026-06-04T08:00:00+08:00', 'reviewer1', 'staff.sign-in', 'User', 'reviewer1'],
]

async function seed(db: Db) {
  const users = new Map<string, string>()
  for (const username of ['officer1', 'officer2', 'reviewer1']) {
    const u = await db.user.create({ data: { username, displayName: `${username}名`, passwordHash: 'x', role: 'REGION_OFFICER' } })
    users.set(username, u.id)
  }
  for (const [at, username, action, entity, entityId] of ENTRIES) {
    await withAuditRetry(db, (tx) =>
      appendAuditEntry(tx, {
        userId: username ? users.get(username)! : null,
        clientIp: username ? '10.0.0.1' : null,
        action,
        entity,
        entityId,
        changes: { before: null, after: { entityId } },
        at: new Date(at),
      }),
    )
  }
}

const q = (input: Record<string, string>) => auditQuerySchema.parse(input)

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = []
  for await (const batch of batches) out.push(...batch)
  return out
}

describe.each(providers)('audit log on %s', (provider) => {
  let testDb: TestDatabase
  let seqs: number[]

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seed(testDb.db)
    seqs = (await testDb.db.auditLog.findMany({ orderBy: { seq: 'asc' }, select: { seq: true } })).map((e) => e.seq)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('lists entries newest first with the user, in keyset pages that neither overlap nor skip', async () => {
    const first = await listAuditEntries(testDb.db, AUDITOR, q({}), 3)
    expect(auditEntryPageSchema.parse(first)).toEqual(first)
    expect(first.entries.map((e) => e.entityId)).toEqual(['reviewer1', 'c3', 'x1'])
    expect(first.entries[0]).toMatchObject({ username: 'reviewer1', displayName: 'reviewer1名', clientIp: '10.0.0.1', action: 'staff.sign-in' })
    expect(first.entries[2]).toMatchObject({ userId: null, username: null, clientIp: null })
    expect(first.nextAfter).toBe(seqs[4])
    const second = await listAuditEntries(testDb.db, AUDITOR, q({ after: String(first.nextAfter) }), 3)
    expect(second.entries.map((e) => e.entityId)).toEqual(['c2', 'o1', 'c1'])
    const third = await listAuditEntries(testDb.db, AUDITOR, q({ after: String(second.nextAfter) }), 3)
    expect(third.entries.map((e) => e.entityId)).toEqual(['p1'])
    expect(third.nextAfter).toBeNull()
  })

  it('filters by action, entity, user and China-date range', async () => {
    const ids = async (input: Record<string, string>) => (await listAuditEntries(testDb.db, AUDITOR, q(input))).entries.map((e) => e.entityId)
    expect(await ids({ action: 'permit.issue' })).toEqual(['c3', 'c2', 'c1'])
    expect(await ids({ entity: 'Objection' })).toEqual(['o1'])
    expect(await ids({ entity: 'ConstructionPermit', entityId: 'c2' })).toEqual(['c2'])
    expect(await ids({ user: 'officer1' })).toEqual(['c2', 'c1', 'p1'])
    // 1 June Beijing time: 00:10 and 09:00, not 23:30 on 31 May (which is 15:30 UTC)
    expect(await ids({ from: '2026-06-01', to: '2026-06-01' })).toEqual(['o1', 'c1'])
    // 23:59 Beijing on 3 June is still 3 June
    expect(await ids({ from: '2026-06-03' , to: '2026-06-03' })).toEqual(['c3', 'x1'])
    expect(await ids({ action: 'permit.issue', user: 'officer1', from: '2026-06-02' })).toEqual(['c2'])
    expect(await ids({ user: 'nobody' })).toEqual([])
    expect(() => q({ from: '2026-06-05', to: '2026-06-01' })).toThrow('结束日期不能早于开始日期')
    expect(await listAuditFilterChoices(testDb.db, AUDITOR)).toEqual({
      actions: ['certificate.revoke', 'objection.review', 'permit.issue', 'project.register', 'staff.sign-in'],
      entities: ['Certificate', 'ConstructionPermit', 'Objection', 'Project', 'User'],
    })
  })

  it('exports every filtered entry in batches', async () => {
    const all = await collect(exportAuditEntries(testDb.db, AUDITOR, q({ after: '3' }), 2))
    // the page cursor is not a filter: the export has all seven
    expect(all.map((e) => e.entityId)).toEqual(['reviewer1', 'c3', 'x1', 'c2', 'o1', 'c1', 'p1'])
    const permits = await collect(exportAuditEntries(testDb.db, AUDITOR, q({ action: 'permit.issue' }), 2))
    expect(permits.map((e) => e.entityId)).toEqual(['c3', 'c2', 'c1'])
  })

  it('verifies an intact chain', async () => {
    const check = await verifyAuditLog(testDb.db, AUDITOR, new Date('2026-06-05T00:00:00Z'))
    expect(auditChainCheckSchema.parse(check)).toEqual(check)
    const newest = await testDb.db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })
    expect(check).toEqual({
      entries: 7,
      intact: true,
      broken: null,
      head: { seq: newest.seq, hash: newest.hash },
      expectedHeadFound: null,
      checkedAt: '2026-06-05T00:00:00.000Z',
    })
    const lines: string[] = []
    const out = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) } as unknown as Console
    expect(await verifyCommand({ DATABASE_URL: testDb.url }, out, [])).toBe(0)
    expect(lines).toEqual(['audit log: 7 entries', `head: ${newest.seq}:${newest.hash} (keep it; pass it with --head next time)`, 'hash chain intact'])
  })

  it('names an entry edited in place', async () => {
    const seq = seqs[2]
    const original = await testDb.db.auditLog.findUniqueOrThrow({ where: { seq } })
    await testDb.db.auditLog.update({ where: { seq }, data: { changes: '{"before":null,"after":{"entityId":"o2"}}' } })
    try {
      const check = await verifyAuditLog(testDb.db, AUDITOR)
      expect(check).toMatchObject({ entries: 7, intact: false, broken: { seq, action: 'objection.review', entity: 'Objection', entityId: 'o1', at: '2026-06-01T01:00:00.000Z' } })
      const lines: string[] = []
      const out = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) } as unknown as Console
      expect(await verifyCommand({ DATABASE_URL: testDb.url }, out, [])).toBe(1)
      expect(lines[0]).toBe('audit log: 7 entries')
      expect(lines.at(-1)).toBe(`hash chain broken at seq ${seq} (2026-06-01T01:00:00.000Z, action objection.review, Objection o1)`)
    } finally {
      await testDb.db.auditLog.update({ where: { seq }, data: { changes: original.changes } })
    }
    expect((await verifyAuditLog(testDb.db, AUDITOR)).intact).toBe(true)
  })

  it('names the entry after a deleted one', async () => {
    const original = await testDb.db.auditLog.findUniqueOrThrow({ where: { seq: seqs[3] } })
    await testDb.db.auditLog.delete({ where: { seq: seqs[3] } })
    try {
      expect(await verifyAuditLog(testDb.db, AUDITOR)).toMatchObject({ entries: 6, intact: false, broken: { seq: seqs[4], action: 'certificate.revoke' } })
    } finally {
      await testDb.db.auditLog.create({ data: original })
    }
    expect((await verifyAuditLog(testDb.db, AUDITOR)).intact).toBe(true)
  })

  it('notices the newest entries removed, given the head recorded before', async () => {
    const recorded = (await verifyAuditLog(testDb.db, AUDITOR)).head!
    const tail = await testDb.db.auditLog.findMany({ where: { seq: { gt: seqs[4] } }, orderBy: { seq: 'asc' } })
    expect(tail.length).toBeGreaterThan(0)
    await testDb.db.auditLog.deleteMany({ where: { seq: { gt: seqs[4] } } })
    try {
      // the shorter chain still holds on its own: only the recorded head tells
      expect((await verifyAuditLog(testDb.db, AUDITOR)).intact).toBe(true)
      expect(await verifyAuditLog(testDb.db, AUDITOR, new Date(), recorded)).toMatchObject({ intact: false, broken: null, expectedHeadFound: false })
      const lines: string[] = []
      const out = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) } as unknown as Console
      expect(await verifyCommand({ DATABASE_URL: testDb.url }, out, ['--head', `${recorded.seq}:${recorded.hash}`])).toBe(1)
      expect(lines.at(-1)).toMatch(/^the recorded head \d+:[0-9a-f]{12}… is gone or changed/)
      expect(await verifyCommand({ DATABASE_URL: testDb.url }, out, ['--head', 'nonsense'])).toBe(2)
    } finally {
      for (const entry of tail) await testDb.db.auditLog.create({ data: entry })
    }
    expect(await verifyAuditLog(testDb.db, AUDITOR, new Date(), recorded)).toMatchObject({ intact: true, expectedHeadFound: true })
  })

  it('names the first of two entries swapped', async () => {
    const [a, b] = await Promise.all([seqs[1], seqs[2]].map((seq) => testDb.db.auditLog.findUniqueOrThrow({ where: { seq } })))
    const content = (e: typeof a) => ({ at: e.at, userId: e.userId, clientIp: e.clientIp, action: e.action, entity: e.entity, entityId: e.entityId, changes: e.changes, prevHash: e.prevHash, hash: e.hash })
    // hashes are unique: park one entry's before swapping
    await testDb.db.auditLog.update({ where: { seq: a.seq }, data: { prevHash: 'parked-prev', hash: 'parked' } })
    await testDb.db.auditLog.update({ where: { seq: b.seq }, data: content(a) })
    await testDb.db.auditLog.update({ where: { seq: a.seq }, data: content(b) })
    try {
      expect(await verifyAuditLog(testDb.db, AUDITOR)).toMatchObject({ intact: false, broken: { seq: a.seq, action: 'objection.review' } })
    } finally {
      await testDb.db.auditLog.update({ where: { seq: a.seq }, data: { prevHash: 'parked-prev', hash: 'parked' } })
      await testDb.db.auditLog.update({ where: { seq: b.seq }, data: content(b) })
      await testDb.db.auditLog.update({ where: { seq: a.seq }, data: content(a) })
    }
    expect((await verifyAuditLog(testDb.db, AUDITOR)).intact).toBe(true)
  })

  it('is for the auditor only: every other role is refused and nothing is read', async () => {
    for (const other of OTHERS) {
      await expect(listAuditEntries(testDb.db, other, q({}))).rejects.toBeInstanceOf(ForbiddenError)
      await expect(verifyAuditLog(testDb.db, other)).rejects.toBeInstanceOf(ForbiddenError)
      await expect(listAuditFilterChoices(testDb.db, other)).rejects.toBeInstanceOf(ForbiddenError)
      expect(() => exportAuditEntries(testDb.db, other, q({}))).toThrow(ForbiddenError)
    }
  })
})
