// appendAuditEntries writes its rows with raw multi-row INSERTs: on both databases a raw row is
// indistinguishable from the row Prisma's create writes (read back through Prisma, every field;
// and the stored columns themselves), several statements keep the input order and the chain,
// mixed single and batch appends verify, and a collision surfaces as P2002 so that withAuditRetry
// still retries it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { auditEntryHash, GENESIS_HASH } from '@shared/audit/audit-hash'
import { appendAuditEntries, appendAuditEntry, AUDIT_ROWS_PER_INSERT, verifyAuditChain, withAuditRetry, type AuditEntryInput, type Tx } from './audit-log-repository'

const providers = await testProviders()
const USER = 'u-import-officer'

/** What appendAuditEntries wrote before it went raw: the same chain, one Prisma create per entry. */
async function appendWithPrismaCreate(tx: Tx, inputs: readonly AuditEntryInput[]): Promise<void> {
  const last = await tx.auditLog.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } })
  let prevHash = last?.hash ?? GENESIS_HASH
  for (const input of inputs) {
    const content = {
      at: input.at!,
      userId: input.userId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      changes: JSON.stringify(input.changes),
      clientIp: input.clientIp ?? null,
    }
    const hash = auditEntryHash(prevHash, content)
    await tx.auditLog.create({ data: { ...content, prevHash, hash } })
    prevHash = hash
  }
}

const EDGE_CASES: AuditEntryInput[] = [
  { userId: USER, clientIp: '203.0.113.7', action: 'enterprise.create', entity: 'Enterprise', entityId: 'e1', changes: { after: { name: '海口椰城建设工程有限公司（集团）' } }, at: new Date('2026-06-01T08:09:10.123Z') },
  { userId: null, clientIp: null, action: 'import.commit', entity: 'ImportJob', entityId: 'j1', changes: { fileName: '企业 2026.csv', note: 'emoji 🏗️, quote " backslash \\ newline \n tab \t' }, at: new Date('2026-06-01T08:09:10.001Z') },
  { userId: USER, action: 'record.correct', entity: 'IntegrityRecord', entityId: 'r1', changes: { before: { title: '旧' }, after: { title: '新' }, reason: '批量导入更正（文件：诚信记录.csv）' }, at: new Date('2026-06-01T15:59:59.999Z') },
  { userId: null, clientIp: '2001:db8::1', action: 'certificate.revoke', entity: 'Certificate', entityId: 'c1', changes: {}, at: new Date('2000-02-29T00:00:00.000Z') },
  { userId: USER, clientIp: null, action: 'enterprise.update', entity: 'Enterprise', entityId: 'e1', changes: { after: { registeredCapital: 1234.56, inProvince: true, nothing: null } }, at: new Date('2026-12-31T23:59:59.500Z') },
]

/** enough entries for several INSERT statements, each a little different */
const MANY: AuditEntryInput[] = Array.from({ length: 2 * AUDIT_ROWS_PER_INSERT + 345 }, (_, i) => ({
  userId: i % 3 === 0 ? null : USER,
  clientIp: i % 4 === 0 ? null : `10.0.${i % 256}.${i % 7}`,
  action: i % 2 ? 'enterprise.create' : 'enterprise.update',
  entity: 'Enterprise',
  entityId: `e-${i}`,
  changes: { after: { name: `海口批量企业${i}号有限公司`, n: i } },
  at: new Date(Date.UTC(2026, 5, 1, 0, 0, 0, i)),
}))

/** Every column as stored, to text, in seq order: what the database itself holds. */
async function storedColumns(t: TestDatabase): Promise<unknown[]> {
  if (t.provider === 'sqlite') {
    return t.db.$queryRawUnsafe(
      `SELECT "seq", typeof("at") AS "atType", CAST("at" AS TEXT) AS "at", typeof("userId") AS "userIdType", "userId", typeof("clientIp") AS "clientIpType", "clientIp", "action", "entity", "entityId", "changes", "prevHash", "hash" FROM "AuditLog" ORDER BY "seq"`,
    )
  }
  return t.db.$queryRawUnsafe(
    `SELECT "seq", pg_typeof("at")::text AS "atType", "at"::text AS "at", "userId" IS NULL AS "userIdNull", "userId", "clientIp" IS NULL AS "clientIpNull", "clientIp", "action", "entity", "entityId", "changes", "prevHash", "hash" FROM "AuditLog" ORDER BY "seq"`,
  )
}

describe.each(providers)('audit entries written raw on %s', (provider) => {
  let raw: TestDatabase
  let prisma: TestDatabase
  beforeAll(async () => {
    raw = await createTestDatabase(provider)
    prisma = await createTestDatabase(provider)
    for (const t of [raw, prisma]) await t.db.user.create({ data: { id: USER, username: 'hk-officer', displayName: '海口经办人', passwordHash: 'x', role: 'REGION_OFFICER' } })
  })
  afterAll(async () => {
    await raw?.drop()
    await prisma?.drop()
  })

  it('reads back exactly as the same entries written by Prisma create, and is stored the same', async () => {
    await raw.db.$transaction((tx) => appendAuditEntries(tx, EDGE_CASES))
    await raw.db.$transaction((tx) => appendAuditEntries(tx, MANY))
    await prisma.db.$transaction((tx) => appendWithPrismaCreate(tx, EDGE_CASES))
    await prisma.db.$transaction((tx) => appendWithPrismaCreate(tx, MANY), { timeout: 60_000 })

    const written = await raw.db.auditLog.findMany({ orderBy: { seq: 'asc' } })
    const expected = await prisma.db.auditLog.findMany({ orderBy: { seq: 'asc' } })
    expect(written).toHaveLength(EDGE_CASES.length + MANY.length)
    expect(written).toEqual(expected)
    // the fields themselves, not only their agreement
    expect(written.map((e) => e.entityId)).toEqual([...EDGE_CASES, ...MANY].map((e) => e.entityId))
    expect(written.map((e) => e.seq)).toEqual(written.map((_, i) => i + 1))
    expect(written[0].at.toISOString()).toBe('2026-06-01T08:09:10.123Z')
    expect(written[1]).toMatchObject({ userId: null, clientIp: null })
    expect(JSON.parse(written[1].changes).note).toBe('emoji 🏗️, quote " backslash \\ newline \n tab \t')
    expect(written[3].clientIp).toBe('2001:db8::1')
    expect(written.slice(EDGE_CASES.length).map((e) => e.at.getTime())).toEqual(MANY.map((e) => e.at!.getTime()))

    expect(await storedColumns(raw)).toEqual(await storedColumns(prisma))
    expect(await verifyAuditChain(raw.db)).toBeNull()
  })

  it('keeps one chain through single and batch appends, across statements', async () => {
    const entry = (entityId: string): AuditEntryInput => ({ userId: USER, clientIp: '10.0.0.1', action: 'enterprise.update', entity: 'Enterprise', entityId, changes: { entityId } })
    const before = await raw.db.auditLog.count()
    await withAuditRetry(raw.db, (tx) => appendAuditEntry(tx, entry('single-1')))
    await withAuditRetry(raw.db, (tx) => appendAuditEntries(tx, ['b1', 'b2', 'b3'].map(entry)))
    await withAuditRetry(raw.db, (tx) => appendAuditEntry(tx, entry('single-2')))
    const big = Array.from({ length: AUDIT_ROWS_PER_INSERT + 1 }, (_, i) => entry(`big-${i}`))
    await withAuditRetry(raw.db, async (tx) => {
      await appendAuditEntries(tx, big.slice(0, 10))
      await appendAuditEntry(tx, entry('single-3'))
      await appendAuditEntries(tx, big.slice(10))
    })
    const rows = await raw.db.auditLog.findMany({ orderBy: { seq: 'asc' }, skip: before })
    expect(rows.map((r) => r.entityId)).toEqual(['single-1', 'b1', 'b2', 'b3', 'single-2', ...big.slice(0, 10).map((e) => e.entityId), 'single-3', ...big.slice(10).map((e) => e.entityId)])
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash)
    expect(rows.every((r) => Math.abs(r.at.getTime() - Date.now()) < 10 * 60_000)).toBe(true)
    expect(await verifyAuditChain(raw.db)).toBeNull()
  })

  it('reports a collision on the chain as P2002, which withAuditRetry retries', async () => {
    const head = await raw.db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })
    // another writer's entry already linked to the head (placed below it, so the head stays the head)
    const collide = (tx: Tx) => tx.auditLog.create({ data: { seq: -1, action: 'other.write', entity: 'Other', entityId: 'o', changes: '{}', prevHash: head.hash, hash: 'f'.repeat(64) } })
    const entry: AuditEntryInput = { userId: null, action: 'enterprise.create', entity: 'Enterprise', entityId: 'late', changes: {} }
    for (const append of [(tx: Tx) => appendAuditEntry(tx, entry), (tx: Tx) => appendAuditEntries(tx, [entry, { ...entry, entityId: 'later' }])]) {
      await expect(
        raw.db.$transaction(async (tx) => {
          await collide(tx)
          await append(tx)
        }),
      ).rejects.toMatchObject({ code: 'P2002', meta: { modelName: 'AuditLog' } })
    }
    expect(await raw.db.auditLog.count({ where: { seq: -1 } })).toBe(0)

    let attempts = 0
    await withAuditRetry(raw.db, async (tx) => {
      if (++attempts === 1) await collide(tx)
      await appendAuditEntries(tx, [entry])
    })
    expect(attempts).toBe(2)
    expect((await raw.db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })).prevHash).toBe(head.hash)
    expect(await verifyAuditChain(raw.db)).toBeNull()
  })
})
