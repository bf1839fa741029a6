// 企业管理: the enterprises of the actor's regions, searched by USCC or name.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { can } from '@shared/staff/permissions'
import { EmptyState, listQuery, Pager, PRIMARY_LINK, SearchForm, searchedList } from '@web/components/admin/subjects/list-parts'
import { getDb } from '@web/lib/db'
import { requireActor } from '@web/lib/staff/session'
import { listStaffEnterprises } from '@web/server/enterprises/list-staff-enterprises'

export const metadata: Metadata = { title: '企业管理', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default function AdminEnterprisesPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="space-y-6">
      <Suspense fallback={<h1 className="text-2xl font-bold text-brand-900">企业管理</h1>}>
        <Enterprises searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

async function Enterprises({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('workspace.read')
  const query = listQuery(await searchParams)
  const { list, searchError } = await searchedList(listStaffEnterprises(getDb(), actor, query))
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">企业管理</h1>
        {can(actor.role, 'subjects.write') && (
          <Link href="/admin/enterprises/new" className={PRIMARY_LINK}>
            登记企业
          </Link>
        )}
      </div>
      <SearchForm label="统一社会信用代码或企业名称" hint="代码可只填开头几位" q={query.q} error={searchError} />
      <p className="text-sm text-slate-600" aria-live="polite">
        共 {list.total} 家企业
      </p>
      {list.items.length === 0 ? (
        <EmptyState>没有符合条件的企业</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">统一社会信用代码</th>
                <th scope="col" className="px-3 py-2">企业名称</th>
                <th scope="col" className="px-3 py-2">企业类型</th>
                <th scope="col" className="px-3 py-2">所在地区</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((e) => (
                <tr key={e.id} className="border-t border-slate-200">
                  <td className="px-3 py-2 font-mono">
                    <Link href={`/admin/enterprises/${e.id}` as Route} className="text-brand-800 underline">
                      {e.uscc}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{e.name}</td>
                  <td className="px-3 py-2">{e.typeLabel}</td>
                  <td className="px-3 py-2">
                    {e.regionName}
                    {!e.inProvince && <span className="ml-1 rounded bg-slate-100 px-1 text-xs">省外</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/admin/enterprises" q={query.q} page={list.page} total={list.total} pageSize={list.pageSize} />
    </>
  )
}
