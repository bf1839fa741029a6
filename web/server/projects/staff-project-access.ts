// What every staff write of a project does first: validate the input with its shared schema
// (field errors as InputError) and find the project within the actor's regions (another region's
// project answers exactly like a missing one: NotFoundError, 404). And how a form runs its write
// body: in its own transaction, with the audit entry the body pushed.
import type { z } from 'zod'
import type { Db } from '@db/client'
import { fieldErrors } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { appendAuditEntry, withAuditRetry, type AuditEntryInput, type Tx } from '@web/server/audit/audit-log-repository'
import { InputError, NotFoundError } from '@web/server/lib/errors'
import { assertRegion } from '@web/server/staff/authorize'
import { createProjectStagesRepository, type ProjectForWrite, type StageRecordRef } from './project-stages-repository'
import { lookedUp, type ProjectWriteLookups } from './project-write-lookups'
import { assertEarlierStageEditable } from './stage-order'

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new InputError(fieldErrors(parsed.error))
  return parsed.data
}

/** The authority a stage record is filed with: the actor's own; an account of none may not file. */
export function actingAuthorityId(actor: Actor): string {
  if (!actor.authorityId) throw new InputError({ form: '您的账号不属于任何主管部门，不能办理业务' })
  return actor.authorityId
}

export async function projectInRegion(tx: Tx, actor: Actor, projectCode: string, lookups: ProjectWriteLookups = {}): Promise<ProjectForWrite> {
  const project = await lookedUp(lookups.projects, projectCode, () => createProjectStagesRepository(tx).findProjectForWrite(projectCode))
  if (!project) throw new NotFoundError('项目')
  assertRegion(actor, project.regionCode, '项目')
  return project
}

/** The project of a stage 1-3 record being edited: in the actor's regions, its permit not yet certified. */
export async function editableProject(tx: Tx, actor: Actor, record: StageRecordRef, lookups: ProjectWriteLookups = {}): Promise<ProjectForWrite> {
  const identity = await createProjectStagesRepository(tx).findProjectOfRecord(record)
  if (!identity) throw new NotFoundError('办理记录')
  const project = await projectInRegion(tx, actor, identity.projectCode, lookups)
  assertEarlierStageEditable(project)
  return project
}

/**
 * A form's write: the body in its own transaction, then the entry it pushed, one by one as a
 * single change is appended (a form's change has one), retried when another writer appended first.
 */
export function inAuditedTransaction<T>(db: Db, body: (tx: Tx, audit: AuditEntryInput[]) => Promise<T>): Promise<T> {
  return withAuditRetry(db, async (tx) => {
    const audit: AuditEntryInput[] = []
    const result = await body(tx, audit)
    for (const entry of audit) await appendAuditEntry(tx, entry)
    return result
  })
}
