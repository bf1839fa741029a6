'use server'
// 确认导入: asks for the commit of a job whose dry run found no problem; the runner writes it after
// the response (or the worker, with IMPORT_RUNNER=worker).
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { runImportJobsAfterResponse } from '@web/lib/import/run-import-jobs'
import { staffAction } from '@web/lib/staff/staff-action'
import { portalImportEngine } from '@web/lib/import/portal-import-engine'
import { requestImportCommit } from '@web/server/import/request-import-commit'

const schema = z.object({
  id: z.string().min(1, { error: '缺少导入任务' }),
  confirm: z.literal('yes', { error: '请勾选确认' }),
})

export const commitImportAction = staffAction('data.import', schema, async (db, actor, { id }) => {
  await requestImportCommit(db, actor, portalImportEngine, id)
  runImportJobsAfterResponse()
  revalidatePath(`/admin/imports/${id}`)
  return '已确认导入，正在写入'
})
