// One import job as its page shows it: the stored state, the live count of the process running it
// (when that is this process), the time left, and the first problems of its report.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { NotFoundError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createImportJobsRepository, type ImportJobRow, type StoredProblem } from './import-jobs-repository'
import { importProgress, secondsLeft, type LiveProgress } from './import-progress'

export interface ImportJobView {
  job: ImportJobRow
  live: LiveProgress | null
  secondsLeft: number | null
  problems: StoredProblem[]
}

/** The job of the actor's authority (another's answers as missing), with up to `problemRows` problems. */
export async function getImportJob(db: Db, actor: Actor, id: string, problemRows = 200, now = new Date()): Promise<ImportJobView> {
  authorize(actor, 'data.import')
  const jobs = createImportJobsRepository(db)
  const job = await jobs.findForActor(actor, id)
  if (!job) throw new NotFoundError('导入任务')
  const live = job.status === 'VALIDATING' || job.status === 'COMMITTING' ? importProgress.get(job.id) : null
  const problems = job.problemCount > 0 ? await jobs.listProblems(job.id, problemRows) : []
  return { job, live, secondsLeft: live ? secondsLeft(live, now) : null, problems }
}

/** Every stored problem of the job, in batches, for the downloadable report. */
export async function exportImportProblems(db: Db, actor: Actor, id: string): Promise<{ job: ImportJobRow; batches: AsyncIterable<StoredProblem[]> }> {
  authorize(actor, 'data.import')
  const jobs = createImportJobsRepository(db)
  const job = await jobs.findForActor(actor, id)
  if (!job) throw new NotFoundError('导入任务')
  return { job, batches: jobs.problemBatches(job.id) }
}
