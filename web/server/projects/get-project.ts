import type { Db } from '@db/client'
import { createProjectsRepository } from './projects-repository'
import type { ProjectDetail } from './projects-schemas'

/**
 * One project page: the five-stage timeline, participants by role, key personnel and the
 * integrity records about the project that are public on `asOf`'s China calendar day; null for
 * an unknown project code.
 */
export function getProject(db: Db, projectCode: string, asOf: Date = new Date()): Promise<ProjectDetail | null> {
  return createProjectsRepository(db).getProject(projectCode, asOf)
}
