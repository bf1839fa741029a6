// 从业人员管理: the practitioners employed in the actor's regions, searched by name or
// registration number; ID numbers and phones masked.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { can } from '@shared/staff/permissions'
import { EmptyState, listQuery, Pager, PRIMARY_LINK, SearchForm, searchedList } from '@web/components/admin/subjects/list-parts'
import { getDb } from '@web/lib/db'
import { requireActor } from '@web/lib/staff/session'
import { listStaffPractitioners } from '@web/server/practitioners/list-staff-practitioners'

export const metadata: Metadata = { title: '从业人员管理', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default function AdminPractitionersPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="space-y-6">
      <Suspense fallback={<h1 className="text-2xl font-bold text-brand-900">从业人员管理</h1>}>
        <Practitioners searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

async function Practitioners({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('workspace.read')
  const query = listQuery(await searchParams)
  const { list, searchError } = await searchedList(listStaffPractitioners(getDb(), actor, query))
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">从业人员管理</h1>
        {can(actor.role, 'subjects.write') && (
          <Link href="/admin/practitioners/new" className={PRIMARY_LINK}>
            登记从业人员
          </Link>
        )}
      </div>
      <SearchForm label="姓名或执业注册编号" hint="注册编号可只填开头几位" q={query.q} error={searchError} />
      <p className="text-sm text-slate-600" aria-live="polite">
        共 {list.total} 名从业人员
      </p>
      {list.items.length === 0 ? (
        <EmptyState>没有符合条件的从业人员</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">姓名</th>
                <th scope="col" className="px-3 py-2">性别</th>
                <th scope="col" className="px-3 py-2">身份证号</th>
                <th scope="col" className="px-3 py-2">联系电话</th>
                <th scope="col" className="px-3 py-2">聘用单位</th>
                <th scope="col" className="px-3 py-2">执业注册</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((p) => (
                <tr key={p.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">
                    <Link href={`/admin/practitioners/${p.id}` as Route} className="text-brand-800 underline">
                      {p.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{p.gender}</td>
                  <td className="px-3 py-2 font-mono">{p.idNumberMasked}</td>
                  <td className="px-3 py-2 font-mono">{p.phoneMasked || '—'}</td>
                  <td className="px-3 py-2">{p.employerName ?? '—'}</td>
                  <td className="px-3 py-2">{p.registrations} 项</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/admin/practitioners" q={query.q} page={list.page} total={list.total} pageSize={list.pageSize} />
    </>
  )
}
