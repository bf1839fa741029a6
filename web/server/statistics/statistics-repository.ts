// Headline figures for the home page.
import { getDb, type Db } from '@web/lib/db'
import { chinaCalendarYear } from '@shared/dates/china-year'
import { publicAtWhere } from '@web/server/records/publication-where'

export interface HeadlineCounts {
  enterprises: number
  practitioners: number
  projects: number
  /** construction permits issued in the China calendar year of `asOf`, whatever their status now */
  permitsThisYear: number
  /** completion filings filed in the China calendar year of `asOf` */
  completionFilingsThisYear: number
  /** integrity records on the exposure board at `asOf`: active and inside their publication period */
  activeExposureRecords: number
}

export function createStatisticsRepository(db: Db) {
  return {
    async getHeadlineCounts(asOf: Date): Promise<HeadlineCounts> {
      const year = chinaCalendarYear(asOf)
      const [enterprises, practitioners, projects, permitsThisYear, completionFilingsThisYear, activeExposureRecords] =
        await Promise.all([
          db.enterprise.count(),
          db.person.count(),
          db.project.count(),
          db.constructionPermit.count({ where: { issuedOn: { gte: year.start, lt: year.end } } }),
          db.completionFiling.count({ where: { filedOn: { gte: year.start, lt: year.end } } }),
          // the same rule as the exposure board itself, by Beijing calendar day
          db.integrityRecord.count({ where: publicAtWhere(asOf) }),
        ])
      return { enterprises, practitioners, projects, permitsThisYear, completionFilingsThisYear, activeExposureRecords }
    },
  }
}

export function getHeadlineCounts(asOf: Date): Promise<HeadlineCounts> {
  return createStatisticsRepository(getDb()).getHeadlineCounts(asOf)
}
