// What every staff write of a project does first: validate the input with its shared schema
// (field errors as InputError) and find the project within the actor's regions (another region's
// project answers exactly like a missing one: NotFoundError, 404).
import type { z } from 'zod'
import { fieldErrors } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { InputError, NotFoundError } from '@web/server/lib/errors'
import { assertRegion } from '@web/server/staff/authorize'
import { findProjectForWrite, type ProjectForWrite } from './project-stages-repository'

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new InputError(fieldErrors(parsed.error))
  return parsed.data
}

export async function projectInRegion(tx: Tx, actor: Actor, projectCode: string): Promise<ProjectForWrite> {
  const project = await findProjectForWrite(tx, projectCode)
  if (!project) throw new NotFoundError('项目')
  assertRegion(actor, project.regionCode, '项目')
  return project
}
