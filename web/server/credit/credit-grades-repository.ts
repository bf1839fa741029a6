// The credit-grade ranking (信用等级排行): the latest stored grade of every subject (CreditGrade rows
// marked isLatest, written by recompute-grades.ts), filtered, paged and exported. The only code that
// reads the ranking from the database.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import { isoDate } from '@web/server/lib/values'
import { afterDescThenIdWhere, type DescThenIdCursor, keysetBatches, mapBatches } from '@web/server/lib/keyset-batches'
import { joinBranches, keysetPageInBranches, type KeysetPage } from '@web/server/lib/keyset-page'
import { withSubjectRegion } from '@web/server/subjects/subject-region-where'
import { CREDIT_GRADE_ORDER, type CreditGradeFilters, type CreditGradeListQuery } from './credit-queries'
import { findSearchMatches, type SearchMatches } from '@web/server/search-index/search-matches-repository'
import { gradeListSelect, subjectSearchWhere, toListItem } from './credit-rows'
import type { CreditGradeListItem, GradeDays } from './credit-schemas'

/** The ranking's filter as disjoint branches, one per kind of subject when a region is asked (withSubjectRegion). */
export function creditGradeBranches(filters: CreditGradeFilters, matches?: SearchMatches): Prisma.CreditGradeWhereInput[] {
  const base: Prisma.CreditGradeWhereInput = {
    isLatest: true,
    ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
    ...(filters.subjectClass ? { subjectClass: filters.subjectClass } : {}),
    ...(filters.grade ? { grade: filters.grade } : {}),
    ...(filters.blacklisted ? { blacklisted: filters.blacklisted === 'YES' } : {}),
    AND: subjectSearchWhere(filters.q, matches),
  }
  return withSubjectRegion(base, filters.region, filters.subjectType)
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
      return keysetPageInBranches({
        order: CREDIT_GRADE_ORDER,
        query,
        branches,
        findMany: (args) => db.creditGrade.findMany({ ...args, select: gradeListSelect }),
        count: (args) => db.creditGrade.count(args),
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
