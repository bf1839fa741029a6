// What every staff write of a project does first: validate the input with its shared schema
// (field errors as InputError) and find the project within the actor's regions (another region's
// project answers exactly like a missing one: NotFoundError, 404).
import type { z } from 'zod'
import { fieldErrors } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import type { Tx } from '@web/server/audit/audit-log-repository'
import { InputError, NotFoundError } from '@web/server/lib/errors'
import { assertRegion } from '@web/server/staff/authorize'
import { createProjectStagesRepository, type ProjectForWrite, type StageRecordRef } from './project-stages-repository'
import { assertEarlierStageEditable } from './stage-order'

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new InputError(fieldErrors(parsed.error))
  return parsed.data
}

export async function projectInRegion(tx: Tx, actor: Actor, projectCode: string): Promise<ProjectForWrite> {
  const project = await createProjectStagesRepository(tx).findProjectForWrite(projectCode)
  if (!project) throw new NotFoundError('项目')
  assertRegion(actor, project.regionCode, '项目')
  return project
}

/** The project of a stage 1-3 record being edited: in the actor's regions, its permit not yet certified. */
export async function editableProject(tx: Tx, actor: Actor, record: StageRecordRef): Promise<ProjectForWrite> {
  const identity = await createProjectStagesRepository(tx).findProjectOfRecord(record)
  if (!identity) throw new NotFoundError('办理记录')
  const project = await projectInRegion(tx, actor, identity.projectCode)
  assertEarlierStageEditable(project)
  return project
}
