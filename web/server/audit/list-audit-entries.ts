// The auditor's list: entries newest first, filtered, one keyset page at a time ('audit.read').
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { createAuditEntriesRepository, toAuditEntry } from './audit-entries-repository'
import type { AuditQuery } from './audit-queries'
import type { AuditEntryPage } from './audit-schemas'

export const AUDIT_PAGE_SIZE = 50

export async function listAuditEntries(db: Db, actor: Actor, query: AuditQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditEntryPage> {
  authorize(actor, 'audit.read')
  const { after, ...filter } = query
  // one more than the page tells whether an older page exists
  const rows = await createAuditEntriesRepository(db).listEntries(filter, after, pageSize + 1)
  const page = rows.slice(0, pageSize)
  return { entries: page.map(toAuditEntry), nextAfter: rows.length > pageSize ? page[page.length - 1].seq : null }
}

