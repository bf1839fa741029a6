// 诚信记录: the good and bad records of subjects in the actor's regions (withdrawn ones marked),
// searched by 文号, title or subject, newest decision first.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { RECORD_KIND_LABELS, RECORD_STATUS_LABELS } from '@shared/domain/enums'
import { addDays } from '@shared/scoring/days'
import { can } from '@shared/staff/permissions'
import { pointsText } from '@web/components/admin/records/record-categories'
import { EmptyState, listQuery, Pager, PRIMARY_LINK, SearchForm, searchedList } from '@web/components/admin/subjects/list-parts'
import { getDb } from '@web/lib/db'
import { requireActor } from '@web/lib/staff/session'
import { listStaffRecords } from '@web/server/records/list-staff-records'

export const metadata: Metadata = { title: '诚信记录', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default function AdminRecordsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="space-y-6">
      <Suspense fallback={<h1 className="text-2xl font-bold text-brand-900">诚信记录</h1>}>
        <Records searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

async function Records({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('workspace.read')
  const query = listQuery(await searchParams)
  const { list, searchError } = await searchedList(listStaffRecords(getDb(), actor, query))
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">诚信记录</h1>
        {can(actor.role, 'records.write') && (
          <Link href="/admin/records/new" className={PRIMARY_LINK}>
            记录良好/不良行为
          </Link>
        )}
      </div>
      <SearchForm label="决定文号、记录标题或主体名称" q={query.q} error={searchError} />
      <p className="text-sm text-slate-600" aria-live="polite">
        共 {list.total} 条记录
      </p>
      {list.items.length === 0 ? (
        <EmptyState>没有符合条件的记录</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">主体</th>
                <th scope="col" className="px-3 py-2">类别</th>
                <th scope="col" className="px-3 py-2">决定文号</th>
                <th scope="col" className="px-3 py-2">决定日期</th>
                <th scope="col" className="px-3 py-2">公示至</th>
                <th scope="col" className="px-3 py-2">状态</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">
                    <Link href={`/admin/records/${r.id}` as Route} className="text-brand-800 underline">
                      {r.subjectName}
                    </Link>
                    <br />
                    <span className="text-slate-600">{r.title}</span>
                  </td>
                  <td className="px-3 py-2">
                    <span className={r.kind === 'BAD' ? 'text-red-800' : 'text-green-800'}>{RECORD_KIND_LABELS[r.kind]}</span>：{r.categoryLabel}（{pointsText(r.points)}）
                  </td>
                  <td className="px-3 py-2">{r.decisionNumber}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{r.decidedOn}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{addDays(r.publishUntil, -1)}</td>
                  <td className="px-3 py-2">{r.status === 'WITHDRAWN' ? <span className="rounded bg-slate-100 px-1">{RECORD_STATUS_LABELS.WITHDRAWN}</span> : RECORD_STATUS_LABELS.ACTIVE}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/admin/records" q={query.q} page={list.page} total={list.total} pageSize={list.pageSize} />
    </>
  )
}
