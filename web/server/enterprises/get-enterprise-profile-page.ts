import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { cachedRead } from '@web/server/cache/installed-cache'
import { PUBLIC_DATA } from '@web/server/cache/namespaces'
import { toPage, type Page } from '@web/server/lib/pagination'
import type { IntegrityRecordItem } from '@web/server/subjects/subjects-schemas'
import type { EnterpriseProjectsQuery } from './enterprise-queries'
import { createEnterprisesRepository } from './enterprises-repository'
import type { EnterpriseProfile, EnterpriseRegistrationItem, TrackRecordItem } from './enterprises-schemas'

export interface EnterpriseProfilePage {
  profile: EnterpriseProfile
  /** the first `registrationsShown` registrations */
  registrations: Page<EnterpriseRegistrationItem>
  /** the asked page of the track record; null when the page's filter was invalid (the caller shows why) */
  projects: Page<TrackRecordItem> | null
  /** the newest `recordsShown` records public on the day */
  records: Page<IntegrityRecordItem>
}

type ProfilePageOptions = { projects: EnterpriseProjectsQuery | null; registrationsShown: number; recordsShown: number }

/**
 * Everything the enterprise profile page shows but the grade explanation: the profile, the first
 * registrations, a page of the track record and the public records, all judged on the same day;
 * null for an unknown USCC. Four reads a view of the most visited detail page: cached
 * (web/server/cache); the grade explanation is computed live.
 */
export function getEnterpriseProfilePage(db: Db, uscc: string, options: ProfilePageOptions, asOf = new Date()): Promise<EnterpriseProfilePage | null> {
  return cachedRead(
    { name: 'enterprise.profile-page', namespaces: [PUBLIC_DATA], key: [chinaDateOf(asOf), uscc, JSON.stringify(options)] },
    () => readEnterpriseProfilePage(db, uscc, options, asOf),
  )
}

async function readEnterpriseProfilePage(db: Db, uscc: string, options: ProfilePageOptions, asOf: Date): Promise<EnterpriseProfilePage | null> {
  const repo = createEnterprisesRepository(db)
  const profile = await repo.getEnterprise(uscc, asOf)
  if (!profile) return null
  const [registrations, projects, records] = await Promise.all([
    repo.listEnterpriseRegistrations(uscc, { page: 1, pageSize: options.registrationsShown }, asOf),
    options.projects ? repo.listEnterpriseProjects(uscc, options.projects) : null,
    repo.listEnterpriseRecords(uscc, { page: 1, pageSize: options.recordsShown }, asOf),
  ])
  // null only if the enterprise was deleted between the queries: then it has nothing to list
  return {
    profile,
    registrations: registrations ?? toPage([], 0, { page: 1, pageSize: options.registrationsShown }),
    projects,
    records: records ?? toPage([], 0, { page: 1, pageSize: options.recordsShown }),
  }
}
