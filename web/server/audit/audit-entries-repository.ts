// Reading the audit log for the auditor: newest first by seq, filtered, in keyset pages. Reads
// only; the log is written by audit-log-repository.ts (appendAuditEntry) and nothing edits it.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { chinaDateRange } from '@shared/dates/china-date-range'
import type { AuditQuery } from './audit-queries'
import type { AuditEntry } from './audit-schemas'

const entrySelect = {
  seq: true,
  at: true,
  userId: true,
  clientIp: true,
  action: true,
  entity: true,
  entityId: true,
  changes: true,
  hash: true,
  user: { select: { username: true, displayName: true } },
} satisfies Prisma.AuditLogSelect

type EntryRow = Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>

export function toAuditEntry(row: EntryRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    userId: row.userId,
    username: row.user?.username ?? null,
    displayName: row.user?.displayName ?? null,
    clientIp: row.clientIp,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    changes: row.changes,
    hash: row.hash,
  }
}

export type AuditFilter = Omit<AuditQuery, 'after'>

function filterWhere(filter: AuditFilter) {
  const at: { gte?: Date; lt?: Date } = {}
  if (filter.from) at.gte = chinaDateRange(filter.from, filter.from).gte
  if (filter.to) at.lt = chinaDateRange(filter.to, filter.to).lt
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.user ? { user: { username: filter.user } } : {}),
    ...(at.gte || at.lt ? { at } : {}),
  } satisfies Prisma.AuditLogWhereInput
}

export function createAuditEntriesRepository(db: Db) {
  return {
    /** Up to `take` entries matching `filter` older than seq `after`, newest first. */
    async listEntries(filter: AuditFilter, after: number | undefined, take: number): Promise<EntryRow[]> {
      return db.auditLog.findMany({
        where: { ...filterWhere(filter), ...(after === undefined ? {} : { seq: { lt: after } }) },
        orderBy: { seq: 'desc' },
        take,
        select: entrySelect,
      })
    },

    countEntries(filter: AuditFilter = {}): Promise<number> {
      return db.auditLog.count({ where: filterWhere(filter) })
    },

    /** The newest entry's seq and hash, or null for an empty log. */
    findHead() {
      return db.auditLog.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } })
    },

    findHash(seq: number) {
      return db.auditLog.findUnique({ where: { seq }, select: { hash: true } })
    },

    findEntry(seq: number) {
      return db.auditLog.findUnique({ where: { seq }, select: { seq: true, at: true, action: true, entity: true, entityId: true } })
    },

    /** The distinct actions and entity types, for the filter's choices. */
    async filterChoices(): Promise<{ actions: string[]; entities: string[] }> {
      const [actions, entities] = await Promise.all([
        db.auditLog.groupBy({ by: ['action'], orderBy: { action: 'asc' } }),
        db.auditLog.groupBy({ by: ['entity'], orderBy: { entity: 'asc' } }),
      ])
      return { actions: actions.map((a) => a.action), entities: entities.map((e) => e.entity) }
    },
  }
}
