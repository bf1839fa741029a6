// How an import job's state reads in the back office.
import type { ImportJobRow } from '@web/server/import/import-jobs-repository'

export { IMPORT_JOB_STATUS_LABELS as IMPORT_STATUS_LABELS } from '@shared/domain/enums'

/** 'N 行（新增 a，更新 b，无变化 c）' once the dry run has counted them. */
export function jobCounts(job: Pick<ImportJobRow, 'rowsTotal' | 'toCreate' | 'toChange' | 'unchanged' | 'problemCount'>): string {
  if (job.rowsTotal === null) return '—'
  const parts = [`新增 ${job.toCreate}`, `更新 ${job.toChange}`, `无变化 ${job.unchanged}`]
  if (job.problemCount > 0) parts.push(`有问题 ${job.problemCount}`)
  return `${job.rowsTotal} 行（${parts.join('，')}）`
}

export function isRunning(status: ImportJobRow['status']): boolean {
  return status === 'UPLOADED' || status === 'VALIDATING' || status === 'COMMITTING'
}
