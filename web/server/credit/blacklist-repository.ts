// The blacklist (建筑市场主体“黑名单”) as the public sees it: subjects whose latest stored grade
// (recompute-grades.ts) lists them and whose listing has not ended, with the records their grounds
// rest on that are still public. The only code that reads the blacklist from the database.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { isoDate } from '@web/server/lib/values'
import { afterDescThenIdWhere, type DescThenIdCursor, keysetBatches } from '@web/server/lib/keyset-batches'
import { joinBranches, keysetPageInBranches, type KeysetPage } from '@web/server/lib/keyset-page'
import { withSubjectRegion } from '@web/server/subjects/subject-region-where'
import { publicOnWhere } from '@web/server/records/publication-where'
import { BLACKLIST_ORDER, type BlacklistFilters, type BlacklistListQuery } from './credit-queries'
import { findSearchMatches, type SearchMatches } from '@web/server/search-index/search-matches-repository'
import { gradeListSelect, recordRefSelect, subjectSearchWhere, toListItem, toRecordRef } from './credit-rows'
import type { BlacklistEntry } from './credit-schemas'
import { dayDate } from './grade-snapshots-repository'
import type { SnapshotGround } from './snapshots'

const blacklistSelect = { ...gradeListSelect, listedOn: true, removableOn: true, blacklistGrounds: true } satisfies Prisma.CreditGradeSelect
type BlacklistRow = Prisma.CreditGradeGetPayload<{ select: typeof blacklistSelect }>

/**
 * Listings in force on `today`: the latest snapshot lists the subject and its listing has not
 * ended by today. A listing that began after the snapshot shows from the next recompute.
 */
export function blacklistBranches(filters: BlacklistFilters, today: string, matches?: SearchMatches): Prisma.CreditGradeWhereInput[] {
  const base: Prisma.CreditGradeWhereInput = {
    isLatest: true,
    blacklisted: true,
    removableOn: { gt: dayDate(today) },
    ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
    AND: subjectSearchWhere(filters.q, matches),
  }
  return withSubjectRegion(base, filters.region, filters.subjectType)
}

/** The blacklist's whole filter (blacklistBranches joined by OR). */
export function blacklistWhere(filters: BlacklistFilters, today: string, matches?: SearchMatches): Prisma.CreditGradeWhereInput {
  return joinBranches(blacklistBranches(filters, today, matches))
}

/** Latest listing first, then the snapshot id. */
const blacklistOrder = [{ listedOn: 'desc' }, { id: 'asc' }] satisfies Prisma.CreditGradeOrderByWithRelationInput[]

export function createBlacklistRepository(db: Db) {
  /** Blacklist rows with their grounds' records public on `today`, read in one query for the whole batch. */
  async function toEntries(rows: BlacklistRow[], today: string): Promise<BlacklistEntry[]> {
    const grounds = new Map(rows.map((r) => [r.id, (r.blacklistGrounds ? JSON.parse(r.blacklistGrounds) : []) as SnapshotGround[]]))
    const ids = [...new Set([...grounds.values()].flatMap((gs) => gs.flatMap((g) => g.recordIds)))]
    const records = new Map(
      (ids.length ? await db.integrityRecord.findMany({ where: { id: { in: ids }, ...publicOnWhere(today) }, select: recordRefSelect }) : []).map((r) => [r.id, toRecordRef(r)]),
    )
    return rows.map((row) => {
      const item = toListItem(row)
      return {
        subject: item.subject,
        regionCode: item.regionCode,
        regionName: item.regionName,
        listedOn: isoDate(row.listedOn!),
        removableOn: isoDate(row.removableOn!),
        grounds: grounds.get(row.id)!.map((g) => ({
          code: g.code,
          label: g.label,
          since: g.since,
          until: g.until,
          // a record deleted, withdrawn or ended since the snapshot is left out: it is no longer public
          records: g.recordIds.flatMap((id) => (records.has(id) ? [records.get(id)!] : [])),
        })),
        score: item.score,
        grade: item.grade,
        asOf: item.asOf,
        standardVersion: item.standardVersion,
      }
    })
  }

  return {
    /** Subjects on the blacklist on `today` (a China calendar day), latest listing first. */
    async listBlacklist(query: BlacklistListQuery, today: string): Promise<KeysetPage<BlacklistEntry>> {
      const branches = blacklistBranches(query, today, await findSearchMatches(db, query.q))
      return keysetPageInBranches({
        order: BLACKLIST_ORDER,
        query,
        branches,
        findMany: (args) => db.creditGrade.findMany({ ...args, select: blacklistSelect }),
        count: (args) => db.creditGrade.count(args),
        // listed rows always carry listedOn (blacklistBranches requires blacklisted)
        keyOf: (row) => ({ value: row.listedOn!, id: row.id }),
        map: (rows) => toEntries(rows, today),
      })
    },

    /** The filtered blacklist in display order, in keyset batches of `batchSize` (default 500). */
    async *exportBlacklist(filters: BlacklistFilters, today: string, batchSize = 500): AsyncGenerator<BlacklistEntry[]> {
      const where = blacklistWhere(filters, today)
      const batches = keysetBatches(
        (after: DescThenIdCursor<Date> | undefined, take) =>
          db.creditGrade.findMany({ where: { AND: [where, afterDescThenIdWhere('listedOn', after)] }, orderBy: blacklistOrder, select: blacklistSelect, take }),
        // listed rows always carry listedOn (blacklistWhere requires blacklisted)
        (row) => ({ value: row.listedOn!, id: row.id }),
        batchSize,
      )
      for await (const batch of batches) yield await toEntries(batch, today)
    },
  }
}
