import type { Db } from '@db/client'
import type { Page } from '@web/server/lib/pagination'
import type { PractitionerProjectsQuery } from './practitioner-queries'
import { createPractitionersRepository } from './practitioners-repository'
import type { KeyRoleItem } from './practitioners-schemas'

/** The practitioner's key roles on platform projects, latest first; null for an unknown id. */
export function listPractitionerProjects(db: Db, id: string, query: PractitionerProjectsQuery): Promise<Page<KeyRoleItem> | null> {
  return createPractitionersRepository(db).listPractitionerProjects(id, query)
}
