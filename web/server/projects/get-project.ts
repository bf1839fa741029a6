import type { Db } from '@db/client'
import { hasControlCharacter } from '@web/server/lib/database-text'
import { createProjectsRepository } from './projects-repository'
import type { ProjectDetail } from './projects-schemas'

/**
 * One project page: the five-stage timeline, participants by role, key personnel and the
 * integrity records about the project that are public on `asOf`'s China calendar day; null for
 * an unknown project code.
 */
export async function getProject(db: Db, projectCode: string, asOf: Date = new Date()): Promise<ProjectDetail | null> {
  // no code holds one, and PostgreSQL refuses to bind a NUL (database-text.ts)
  if (hasControlCharacter(projectCode)) return null
  return createProjectsRepository(db).getProject(projectCode, asOf)
}
