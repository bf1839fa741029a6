// The filtered audit entries as batches for the CSV export, walked by seq with the one keyset helper.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import { authorize } from '@web/server/staff/authorize'
import { createAuditEntriesRepository, toAuditEntry } from './audit-entries-repository'
import type { AuditQuery } from './audit-queries'
import type { AuditEntry } from './audit-schemas'

export function exportAuditEntries(db: Db, actor: Actor, query: AuditQuery, batchSize = 1000): AsyncGenerator<AuditEntry[]> {
  authorize(actor, 'audit.read')
  const { after: _ignored, ...filter } = query
  const repository = createAuditEntriesRepository(db)
  return mapBatches(
    keysetBatches((after: number | undefined, take) => repository.listEntries(filter, after, take), (row) => row.seq, batchSize),
    toAuditEntry,
  )
}
