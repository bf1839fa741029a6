// A batch of audit entries appended in one statement chains exactly like entries appended one by
// one: in order after the head, each linked to the one before, and the whole chain verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { appendAuditEntries, appendAuditEntry, verifyAuditChain, withAuditRetry } from './audit-log-repository'

const providers = await testProviders()

const entry = (entityId: string) => ({ userId: null, action: 'enterprise.create', entity: 'Enterprise', entityId, changes: { after: { entityId } }, at: new Date('2026-06-01T00:00:00Z') })

describe.each(providers)('appendAuditEntries on %s', (provider) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(provider)
  })
  afterAll(async () => {
    await t?.drop()
  })

  it('appends a batch in order after the existing head, chained, and the chain verifies', async () => {
    await withAuditRetry(t.db, (tx) => appendAuditEntry(tx, entry('before')))
    await withAuditRetry(t.db, (tx) => appendAuditEntries(tx, ['a', 'b', 'c', 'd'].map(entry)))
    await withAuditRetry(t.db, (tx) => appendAuditEntry(tx, entry('after')))
    const rows = await t.db.auditLog.findMany({ orderBy: { seq: 'asc' } })
    expect(rows.map((r) => r.entityId)).toEqual(['before', 'a', 'b', 'c', 'd', 'after'])
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash)
    expect(await verifyAuditChain(t.db)).toBeNull()
  })

  it('writes nothing for an empty batch', async () => {
    const before = await t.db.auditLog.count()
    await withAuditRetry(t.db, (tx) => appendAuditEntries(tx, []))
    expect(await t.db.auditLog.count()).toBe(before)
  })
})
