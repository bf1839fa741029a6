import type { Db } from '@db/client'
import type { ProjectFilters } from './project-queries'
import { createProjectsRepository } from './projects-repository'
import type { ProjectListItem } from './projects-schemas'

/** The whole filtered project list in the list's order, in keyset batches (constant memory). */
export function exportProjects(db: Db, filters: ProjectFilters, batchSize?: number): AsyncGenerator<ProjectListItem[]> {
  return createProjectsRepository(db).exportProjects(filters, batchSize)
}
