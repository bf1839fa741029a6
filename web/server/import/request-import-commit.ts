// Staff ask for a validated job to be written. Only a job whose dry run found no problem, of the
// actor's authority, once; the job's kind permission is checked again (the role may have changed).
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { ConflictError, NotFoundError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createImportJobsRepository } from './import-jobs-repository'
import type { ImportEngine } from './run-import-job'

export async function requestImportCommit(db: Db, actor: Actor, engine: Pick<ImportEngine, 'handlerFor'>, id: string, now = new Date()): Promise<void> {
  authorize(actor, 'data.import')
  const jobs = createImportJobsRepository(db)
  const job = await jobs.findForActor(actor, id)
  if (!job) throw new NotFoundError('导入任务')
  const handler = engine.handlerFor(job.kind)
  if (!handler) throw new ConflictError(`不支持的导入类型：${job.kind}`)
  authorize(actor, handler.permission)
  if (job.status !== 'VALID') throw new ConflictError(job.status === 'INVALID' ? '预检发现问题，不能导入；请修改文件后重新上传' : '该导入任务当前不能提交（尚未预检完成或已经提交）')
  if (!(await jobs.requestCommit(job.id, now))) throw new ConflictError('该导入任务已经提交')
}
