// The counts behind the home page's headline figures.
import type { Db } from '@db/client'
import type { InstantRange } from '@shared/dates/china-year'
import { publicAtWhere } from '@web/server/records/publication-where'

export function createStatisticsRepository(db: Db) {
  return {
    /** Register sizes, permits issued and filings filed within `year`, records on the exposure board at `asOf`. */
    async countHeadlines(year: InstantRange, asOf: Date) {
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
