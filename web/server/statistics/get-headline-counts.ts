import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { chinaCalendarYear } from '@shared/dates/china-year'
import { cachedRead } from '@web/server/cache/installed-cache'
import { PUBLIC_DATA } from '@web/server/cache/namespaces'
import { createStatisticsRepository } from './statistics-repository'

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

/**
 * The home page's headline figures as of `asOf`; "this year" is the China calendar year. Six
 * counts over the biggest tables on every home page view: cached (web/server/cache).
 */
export function getHeadlineCounts(db: Db, asOf: Date): Promise<HeadlineCounts> {
  return cachedRead({ name: 'home.headline-counts', namespaces: [PUBLIC_DATA], key: [chinaDateOf(asOf)] }, () =>
    createStatisticsRepository(db).countHeadlines(chinaCalendarYear(asOf), asOf),
  )
}
