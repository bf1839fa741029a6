// The credit-grade ranking (信用等级排行): the latest stored grade of every subject (CreditGrade rows
// marked isLatest, written by recompute-grades.ts), filtered, paged and exported. The only code that
// reads the ranking from the database.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { isoDate } from '@web/server/lib/values'
import { afterDescThenIdWhere, type DescThenIdCursor, keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import { countInBranches, findInBranches, keysetPage, type KeysetPage } from '@web/server/lib/keyset-page'
import { CREDIT_GRADE_ORDER, type CreditGradeFilters, type CreditGradeListQuery } from './credit-queries'
import { findSearchMatches, type SearchMatches } from '@web/server/search-index/search-matches-repository'
import { gradeListSelect, joinBranches, subjectSearchWhere, toListItem, withRegionBranches } from './credit-rows'
import type { CreditGradeListItem, GradeDays } from './credit-schemas'

/** The ranking's filter as disjoint branches (withRegionBranches). */
export function creditGradeBranches(filters: CreditGradeFilters, matches?: SearchMatches): Prisma.CreditGradeWhereInput[] {
  const base: Prisma.CreditGradeWhereInput = {
    isLatest: true,
    ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
    ...(filters.subjectClass ? { subjectClass: filters.subjectClass } : {}),
    ...(filters.grade ? { grade: filters.grade } : {}),
    ...(filters.blacklisted ? { blacklisted: filters.blacklisted === 'YES' } : {}),
    AND: subjectSearchWhere(filters.q, matches),
  }
  return withRegionBranches(base, filters.region, filters.subjectType)
}

export function creditGradeWhere(filters: CreditGradeFilters, matches?: SearchMatches): Prisma.CreditGradeWhereInput {
  return joinBranches(creditGradeBranches(filters, matches))
}

/** Score high to low, then the snapshot id (subject id and day): a total order. */
const rankingOrder = [{ score: 'desc' }, { id: 'asc' }] satisfies Prisma.CreditGradeOrderByWithRelationInput[]

export function createCreditGradesRepository(db: Db) {
  return {
    /** The latest grade of every subject that matches, score high to low, then id. */
    async listCreditGrades(query: CreditGradeListQuery): Promise<KeysetPage<CreditGradeListItem>> {
      const branches = creditGradeBranches(query, await findSearchMatches(db, query.q))
      const keyOf = (row: { score: number; id: string }) => ({ value: row.score, id: row.id })
      return keysetPage({
        order: CREDIT_GRADE_ORDER,
        query,
        find: (read) =>
          findInBranches(
            CREDIT_GRADE_ORDER,
            read,
            branches.length,
            (i, each) => db.creditGrade.findMany({ where: { AND: [branches[i], each.where] }, orderBy: each.orderBy, select: gradeListSelect, skip: each.skip, take: each.take }),
            keyOf,
          ),
        count: (take) => countInBranches(take, branches.length, (i, each) => db.creditGrade.count({ where: branches[i], take: each })),
        keyOf,
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
