import type { Db } from '@db/client'
import type { KeysetPage } from '@web/server/lib/keyset-page'
import type { ProjectListQuery } from './project-queries'
import { createProjectsRepository } from './projects-repository'
import type { ProjectListItem } from './projects-schemas'

/** One page of the project register (项目库), newest registration first, each with the furthest stage reached. */
export function listProjects(db: Db, query: ProjectListQuery): Promise<KeysetPage<ProjectListItem>> {
  return createProjectsRepository(db).listProjects(query)
}
