// The sums behind the regulator's summary tables: construction permits by issue date (issuedOn)
// and completion filings by filing date (filedOn), per issuing region (regionCode) and per day,
// whatever their status now. The only code that reads them for the statistics.
import type { Db } from '@db/client'

export interface InstantRange {
  gte: Date
  lt: Date
}

export interface RegionSums {
  count: number
  /** m²; missing areas count 0 */
  floorArea: number
  /** 万元, not rounded */
  amount: number
}

export interface DayCount {
  date: Date
  count: number
}

type DecimalLike = { toString(): string } | null

/**
 * A Decimal column's sum is read as average × count: on SQLite, groupBy's _sum (and _min/_max)
 * of a Decimal column is truncated to an integer in every group after one whose value is whole —
 * the better-sqlite3 adapter reads integers as BigInt (defaultSafeIntegers) and types the whole
 * result column from the first row — so 100.5 would read as 100. AVG is always a floating-point
 * value in SQLite and exact enough in PostgreSQL; the tables round the product to fen anyway.
 */
function regionSums(groups: { regionCode: string; count: number; area: number | null; average: DecimalLike }[]): Map<string, RegionSums> {
  return new Map(
    groups.map((g) => [
      g.regionCode,
      { count: g.count, floorArea: g.area ?? 0, amount: g.average === null ? 0 : Number(g.average.toString()) * g.count },
    ]),
  )
}

function regionCounts(groups: { regionCode: string; _count: { _all: number } }[]): Map<string, number> {
  return new Map(groups.map((g) => [g.regionCode, g._count._all]))
}

export function createStatisticsReportRepository(db: Db) {
  return {
    /** Permits issued in `issuedOn` per region: count, floor area, contract price. */
    async permitSumsByRegion(issuedOn: InstantRange): Promise<Map<string, RegionSums>> {
      const groups = await db.constructionPermit.groupBy({
        by: ['regionCode'],
        where: { issuedOn },
        _count: { _all: true },
        _sum: { floorArea: true },
        _avg: { contractPrice: true },
      })
      return regionSums(groups.map((g) => ({ regionCode: g.regionCode, count: g._count._all, area: g._sum.floorArea, average: g._avg.contractPrice })))
    },

    async permitCountsByRegion(issuedOn: InstantRange): Promise<Map<string, number>> {
      const groups = await db.constructionPermit.groupBy({ by: ['regionCode'], where: { issuedOn }, _count: { _all: true } })
      return regionCounts(groups)
    },

    async permitCountsByDay(issuedOn: InstantRange): Promise<DayCount[]> {
      const groups = await db.constructionPermit.groupBy({ by: ['issuedOn'], where: { issuedOn }, _count: { _all: true } })
      return groups.map((g) => ({ date: g.issuedOn, count: g._count._all }))
    },

    /** Completion filings filed in `filedOn` per region: count, actual area, actual cost. */
    async filingSumsByRegion(filedOn: InstantRange): Promise<Map<string, RegionSums>> {
      const groups = await db.completionFiling.groupBy({
        by: ['regionCode'],
        where: { filedOn },
        _count: { _all: true },
        _sum: { actualArea: true },
        _avg: { actualCost: true },
      })
      return regionSums(groups.map((g) => ({ regionCode: g.regionCode, count: g._count._all, area: g._sum.actualArea, average: g._avg.actualCost })))
    },

    async filingCountsByRegion(filedOn: InstantRange): Promise<Map<string, number>> {
      const groups = await db.completionFiling.groupBy({ by: ['regionCode'], where: { filedOn }, _count: { _all: true } })
      return regionCounts(groups)
    },

    async filingCountsByDay(filedOn: InstantRange): Promise<DayCount[]> {
      const groups = await db.completionFiling.groupBy({ by: ['filedOn'], where: { filedOn }, _count: { _all: true } })
      return groups.map((g) => ({ date: g.filedOn, count: g._count._all }))
    },
  }
}
