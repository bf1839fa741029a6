import type { Db } from '@db/client'
import { toPage, type Page } from '@web/server/lib/pagination'
import type { IntegrityRecordItem } from '@web/server/subjects/subjects-schemas'
import type { PractitionerProjectsQuery } from './practitioner-queries'
import { createPractitionersRepository } from './practitioners-repository'
import type { KeyRoleItem, PractitionerProfile } from './practitioners-schemas'

export interface PractitionerProfilePage {
  profile: PractitionerProfile
  /** the asked page of key roles; null when the page's filter was invalid (the caller shows why) */
  projects: Page<KeyRoleItem> | null
  /** the newest `recordsShown` records public on the day */
  records: Page<IntegrityRecordItem>
}

/**
 * Everything the practitioner profile page shows but the grade explanation: the profile, a page of
 * key roles and the public records, all judged on the same day; null for an unknown id.
 */
export async function getPractitionerProfilePage(
  db: Db,
  id: string,
  options: { projects: PractitionerProjectsQuery | null; recordsShown: number },
  asOf = new Date(),
): Promise<PractitionerProfilePage | null> {
  const repo = createPractitionersRepository(db)
  const profile = await repo.getPractitioner(id, asOf)
  if (!profile) return null
  const [projects, records] = await Promise.all([
    options.projects ? repo.listPractitionerProjects(id, options.projects) : null,
    repo.listPractitionerRecords(id, { page: 1, pageSize: options.recordsShown }, asOf),
  ])
  // null only if the person was deleted between the queries: then there is nothing to list
  return { profile, projects, records: records ?? toPage([], 0, { page: 1, pageSize: options.recordsShown }) }
}
