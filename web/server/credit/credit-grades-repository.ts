// The credit-grade ranking (信用等级排行): the latest stored grade of every subject (CreditGrade rows
// marked isLatest, written by recompute-grades.ts), filtered, paged and exported. The only code that
// reads the ranking from the database.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { isoDate } from '@web/server/lib/values'
import { afterDescThenIdWhere, type DescThenIdCursor, keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import { keysetPage, type KeysetPage } from '@web/server/lib/keyset-page'
import { CREDIT_GRADE_ORDER, type CreditGradeFilters, type CreditGradeListQuery } from './credit-queries'
import { gradeListSelect, regionWhere, subjectSearchWhere, toListItem } from './credit-rows'
import type { CreditGradeListItem, GradeDays } from './credit-schemas'

export function creditGradeWhere(filters: CreditGradeFilters): Prisma.CreditGradeWhereInput {
  return {
    isLatest: true,
    ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
    ...(filters.subjectClass ? { subjectClass: filters.subjectClass } : {}),
    ...(filters.grade ? { grade: filters.grade } : {}),
    ...(filters.blacklisted ? { blacklisted: filters.blacklisted === 'YES' } : {}),
    AND: [...regionWhere(filters.region), ...subjectSearchWhere(filters.q)],
  }
}

/** Score high to low, then the snapshot id (subject id and day): a total order. */
const rankingOrder = [{ score: 'desc' }, { id: 'asc' }] satisfies Prisma.CreditGradeOrderByWithRelationInput[]

export function createCreditGradesRepository(db: Db) {
  return {
    /** The latest grade of every subject that matches, score high to low, then id. */
    async listCreditGrades(query: CreditGradeListQuery): Promise<KeysetPage<CreditGradeListItem>> {
      const where = creditGradeWhere(query)
      return keysetPage({
        order: CREDIT_GRADE_ORDER,
        query,
        find: (read) => db.creditGrade.findMany({ where: { AND: [where, read.where] }, orderBy: read.orderBy, select: gradeListSelect, skip: read.skip, take: read.take }),
        count: (take) => db.creditGrade.count({ where, take }),
        keyOf: (row) => ({ value: row.score, id: row.id }),
        map: (rows) => rows.map(toListItem),
      })
    },

    /** The filtered ranking in display order, in keyset batches of `batchSize` (default 1,000). */
    exportCreditGrades(filters: CreditGradeFilters, batchSize?: number): AsyncGenerator<CreditGradeListItem[]> {
      const where = creditGradeWhere(filters)
      return mapBatches(
        keysetBatches(
          (after: DescThenIdCursor<number> | undefined, take) =>
            db.creditGrade.findMany({ where: { AND: [where, afterDescThenIdWhere('score', after)] }, orderBy: rankingOrder, select: gradeListSelect, take }),
          (row) => ({ value: row.score, id: row.id }),
          batchSize,
        ),
        toListItem,
      )
    },

    /** The day (or the range of days) of the latest stored grades. */
    async latestGradeDays(): Promise<GradeDays> {
      const agg = await db.creditGrade.aggregate({ where: { isLatest: true }, _min: { asOf: true }, _max: { asOf: true } })
      return agg._min.asOf && agg._max.asOf ? { from: isoDate(agg._min.asOf), to: isoDate(agg._max.asOf) } : null
    },
  }
}
