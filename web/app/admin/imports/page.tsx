// 批量导入: upload a CSV or Excel file of one kind (it is checked first, nothing is written until the
// officer commits a clean dry run), download the kind's template, and follow the authority's jobs.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { importKindList } from '@shared/import/import-kinds'
import { ImportUploadForm } from '@web/components/admin/imports/upload-form'
import { EmptyState } from '@web/components/admin/subjects/list-parts'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { importKindsFor } from '@web/server/import/import-engine'
import { portalImportEngine } from '@web/lib/import/portal-import-engine'
import { listImportJobs } from '@web/server/import/list-import-jobs'
import { IMPORT_STATUS_LABELS, jobCounts } from '@web/components/admin/imports/job-status'

export const metadata: Metadata = { title: '批量导入', robots: { index: false } }

export default function AdminImportsPage() {
  return (
    <div className="space-y-6">
      <Suspense fallback={<h1 className="text-2xl font-bold text-brand-900">批量导入</h1>}>
        <Imports />
      </Suspense>
    </div>
  )
}

async function Imports() {
  const actor = await requireActor('data.import')
  const [jobs, csrfToken] = await Promise.all([listImportJobs(getDb(), actor), currentCsrfToken()])
  const kinds = importKindsFor(actor, portalImportEngine)
  const labels = new Map(importKindList().map((k) => [k.id as string, k.label]))
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">批量导入</h1>
      <p className="max-w-3xl text-slate-700">
        从 Excel（.xlsx）或 CSV 文件批量导入数据。上传后系统先逐行预检，列出每一个有问题的单元格；预检全部通过后，由您确认导入，
        全部写入或全部不写入。同一文件重复导入不会重复写入。
      </p>
      {kinds.length === 0 ? (
        <EmptyState>您的账号没有可导入的数据类型</EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="upload-heading" className="space-y-3">
            <h2 id="upload-heading" className="text-lg font-bold">
              上传文件
            </h2>
            <ImportUploadForm kinds={kinds} csrfToken={csrfToken} maxMb={env.IMPORT_MAX_FILE_MB} />
          </section>
          <section aria-labelledby="templates-heading" className="space-y-3">
            <h2 id="templates-heading" className="text-lg font-bold">
              下载模板
            </h2>
            <p className="text-sm text-slate-600">模板含填写说明和代码表。Excel 模板中的代码列已设为文本格式，请勿改为数字。</p>
            <ul className="divide-y divide-slate-200 rounded border border-line bg-white">
              {kinds.map((k) => (
                <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                  <span>{k.label}</span>
                  <span className="space-x-3 text-sm">
                    <a href={`/admin/imports/template?kind=${k.id}&format=xlsx`} className="text-brand-800 underline">
                      Excel 模板
                    </a>
                    <a href={`/admin/imports/template?kind=${k.id}&format=csv`} className="text-brand-800 underline">
                      CSV 模板
                    </a>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      <section aria-labelledby="jobs-heading" className="space-y-3">
        <h2 id="jobs-heading" className="text-lg font-bold">
          导入记录
        </h2>
        {jobs.length === 0 ? (
          <EmptyState>还没有导入记录</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">文件</th>
                  <th scope="col" className="px-3 py-2">数据类型</th>
                  <th scope="col" className="px-3 py-2">状态</th>
                  <th scope="col" className="px-3 py-2">行数</th>
                  <th scope="col" className="px-3 py-2">上传人</th>
                  <th scope="col" className="px-3 py-2">上传时间</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((j) => (
                  <tr key={j.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2">
                      <Link href={`/admin/imports/${j.id}` as Route} className="text-brand-800 underline">
                        {j.fileName}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{labels.get(j.kind) ?? j.kind}</td>
                    <td className="px-3 py-2">{IMPORT_STATUS_LABELS[j.status]}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{jobCounts(j)}</td>
                    <td className="px-3 py-2">{j.createdBy.displayName}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{j.createdAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}
