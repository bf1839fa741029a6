// 项目管理: the projects of the actor's regions, searched by code or name, filtered by the stage reached.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { STAGES } from '@shared/domain/stages'
import { adminProjectQuerySchema } from '@shared/staff-forms/projects'
import { can } from '@shared/staff/permissions'
import { SearchError, searchedList } from '@web/components/admin/subjects/list-parts'
import { getDb } from '@web/lib/db'
import { requireActor } from '@web/lib/staff/session'
import { listStaffProjects } from '@web/server/projects/list-staff-projects'

export const metadata: Metadata = { title: '项目管理', robots: { index: false } }

const STAGE_FILTERS = [{ value: 'NONE', label: '仅登记' }, ...STAGES.map((s) => ({ value: s.stage, label: `已到${s.label}` }))]

async function ProjectList({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('workspace.read')
  const raw = await searchParams
  const query = adminProjectQuerySchema.parse({ q: raw.q, stage: raw.stage, page: raw.page })
  const { list, searchError } = await searchedList(listStaffProjects(getDb(), actor, query))
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize))
  const href = (page: number) => `/admin/projects?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.stage ? { stage: query.stage } : {}), page: String(page) })}` as Route
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">项目管理</h1>
        {can(actor.role, 'projects.write') && (
          <Link href="/admin/projects/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2">
            登记新项目
          </Link>
        )}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="查找项目">
        <div>
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">项目编码或名称</label>
          <input
            id="q"
            name="q"
            defaultValue={query.q ?? ''}
            aria-invalid={searchError ? true : undefined}
            aria-describedby={searchError ? 'q-error' : undefined}
            className={`mt-1 w-72 rounded border px-3 py-2 ${searchError ? 'border-seal' : 'border-slate-300'}`}
          />
          {searchError && <SearchError id="q-error" message={searchError} />}
        </div>
        <div>
          <label htmlFor="stage" className="block text-sm font-medium text-slate-800">办理进度</label>
          <select id="stage" name="stage" defaultValue={query.stage ?? ''} className="mt-1 rounded border border-slate-300 px-3 py-2">
            <option value="">全部</option>
            {STAGE_FILTERS.map((s) => (
              <option key={s.value} value={s.value}>{s.label}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-brand-700 px-4 py-2 text-brand-800 hover:bg-brand-50 focus:outline-none focus:ring-2 focus:ring-brand-600">查询</button>
      </form>
      <p className="text-sm text-slate-600" aria-live="polite">共 {list.total} 个项目</p>
      {list.items.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-slate-600">没有符合条件的项目</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">项目编码</th>
                <th scope="col" className="px-3 py-2">项目名称</th>
                <th scope="col" className="px-3 py-2">所在地</th>
                <th scope="col" className="px-3 py-2">建设单位</th>
                <th scope="col" className="px-3 py-2">登记日期</th>
                <th scope="col" className="px-3 py-2">已办理</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((p) => (
                <tr key={p.projectCode} className="border-t border-slate-200">
                  <td className="px-3 py-2 font-mono">
                    <Link href={`/admin/projects/${p.projectCode}` as Route} className="text-brand-800 underline">{p.projectCode}</Link>
                  </td>
                  <td className="px-3 py-2">{p.name}</td>
                  <td className="px-3 py-2">{p.regionName}</td>
                  <td className="px-3 py-2">{p.ownerName}</td>
                  <td className="px-3 py-2">{p.registeredOn}</td>
                  <td className="px-3 py-2">{p.stagesDone === 0 ? '仅登记' : STAGES[p.stagesDone - 1].label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="分页" className="flex gap-3">
          {query.page > 1 && <Link href={href(query.page - 1)} className="text-brand-800 underline">上一页</Link>}
          <span>第 {query.page} / {pages} 页</span>
          {query.page < pages && <Link href={href(query.page + 1)} className="text-brand-800 underline">下一页</Link>}
        </nav>
      )}
    </div>
  )
}

// the session is read at request time: inside a Suspense boundary, as cacheComponents requires
export default function AdminProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
      <ProjectList searchParams={searchParams} />
    </Suspense>
  )
}
