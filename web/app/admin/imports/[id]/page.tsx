// One import job: its file, the dry run's counts and problems (the first 200 on screen, all of them
// in the downloadable report), the live progress while it runs, and 确认导入 once the dry run is
// clean. A waiting job (new, commit asked, or its runner gone) is handed to the runner again.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import { importKindSchema } from '@shared/import/import-kind-ids'
import { CommitImportForm } from '@web/components/admin/imports/commit-form'
import { IMPORT_STATUS_LABELS, isRunning, jobCounts } from '@web/components/admin/imports/job-status'
import { RefreshWhileRunning } from '@web/components/admin/imports/refresh-while-running'
import { getDb } from '@web/lib/db'
import { runImportJobsAfterResponse } from '@web/lib/import/run-import-jobs'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { getImportJob } from '@web/server/import/get-import-job'
import { NotFoundError } from '@web/server/lib/errors'
import { commitImportAction } from '../actions'

export const metadata: Metadata = { title: '导入任务', robots: { index: false } }

type Params = Promise<{ id: string }>

export default function ImportJobPage({ params }: { params: Params }) {
  return (
    <div className="space-y-6">
      <Link href="/admin/imports" className="text-brand-800 underline">
        返回批量导入
      </Link>
      <Suspense fallback={<p>正在加载…</p>}>
        <Job params={params} />
      </Suspense>
    </div>
  )
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`
  const minutes = Math.floor(seconds / 60)
  return minutes < 60 ? `${minutes} 分 ${seconds % 60} 秒` : `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`
}

async function Job({ params }: { params: Params }) {
  const actor = await requireActor('data.import')
  const { id } = await params
  const view = await getImportJob(getDb(), actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound()
    throw error
  })
  const { job, live, problems } = view
  const kind = importKindSchema.safeParse(job.kind)
  const label = kind.success ? IMPORT_KINDS[kind.data].label : job.kind
  const running = isRunning(job.status) || (job.status === 'VALID' && job.commitRequestedAt !== null)
  if (running && !live) runImportJobsAfterResponse()
  const csrfToken = job.status === 'VALID' && job.commitRequestedAt === null ? await currentCsrfToken() : ''
  return (
    <>
      <RefreshWhileRunning running={running} />
      <h1 className="text-2xl font-bold text-brand-900">导入任务：{job.fileName}</h1>
      <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="text-slate-600">数据类型</dt>
        <dd>{label}</dd>
        <dt className="text-slate-600">状态</dt>
        <dd aria-live="polite" className="font-medium">
          {job.status === 'VALID' && job.commitRequestedAt ? '已确认导入，等待写入' : IMPORT_STATUS_LABELS[job.status]}
        </dd>
        {live && (
          <>
            <dt className="text-slate-600">进度</dt>
            <dd aria-live="polite">
              已{job.status === 'COMMITTING' ? '写入' : '预检'} {live.rowsDone} 行{live.rowsTotal !== null ? ` / 共 ${live.rowsTotal} 行` : ''}
              {view.secondsLeft !== null ? `，预计还需 ${duration(view.secondsLeft)}` : ''}
            </dd>
          </>
        )}
        <dt className="text-slate-600">行数</dt>
        <dd>{jobCounts(job)}</dd>
        <dt className="text-slate-600">文件大小</dt>
        <dd>{(job.fileSize / 1024).toFixed(1)} KB</dd>
        <dt className="text-slate-600">SHA-256</dt>
        <dd className="font-mono text-xs break-all">{job.fileSha256}</dd>
        <dt className="text-slate-600">上传人</dt>
        <dd>
          {job.createdBy.displayName}，{job.createdAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}
        </dd>
        {job.finishedAt && (
          <>
            <dt className="text-slate-600">完成时间</dt>
            <dd>{job.finishedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</dd>
          </>
        )}
      </dl>
      {job.error && (
        <div role="alert" className="border-l-4 border-seal bg-red-50 px-4 py-3 font-medium text-seal-dark">
          {job.error}
        </div>
      )}
      {job.status === 'COMMITTED' && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-800">
          已全部写入：新增 {job.toCreate} 行，更新 {job.toChange} 行，{job.unchanged} 行无变化。
        </p>
      )}
      {job.status === 'VALID' && job.commitRequestedAt === null && (
        <CommitImportForm action={commitImportAction} csrfToken={csrfToken} jobId={job.id} summary={`新增 ${job.toCreate} 行，更新 ${job.toChange} 行，${job.unchanged} 行无变化`} />
      )}
      {job.problemCount > 0 && (
        <section aria-labelledby="problems-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="problems-heading" className="text-lg font-bold">
              问题清单（共 {job.problemCount} 处{job.problemCount > problems.length ? `，下面列出前 ${problems.length} 处` : ''}）
            </h2>
            <a href={`/admin/imports/${job.id}/problems`} className="text-brand-800 underline">
              下载问题清单（CSV）
            </a>
          </div>
          <p className="text-sm text-slate-600">文件中有问题的行一行也没有写入。请按清单修改文件后重新上传。</p>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">行号</th>
                  <th scope="col" className="px-3 py-2">列</th>
                  <th scope="col" className="px-3 py-2">值</th>
                  <th scope="col" className="px-3 py-2">原因</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2">{p.row}</td>
                    <td className="px-3 py-2">{p.column}</td>
                    <td className="px-3 py-2 font-mono break-all">{p.value}</td>
                    <td className="px-3 py-2">{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  )
}
