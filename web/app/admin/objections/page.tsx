// 异议审核: the reviewer's queue — requests of the region waiting for an answer, oldest first, with
// the days left before the answer deadline (OBJECTION_ANSWER_DAYS) and the overdue ones marked.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { EmptyState } from '@web/components/admin/subjects/list-parts'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { requireActor } from '@web/lib/staff/session'
import { listObjectionQueue } from '@web/server/objections/list-objection-queue'

export const metadata: Metadata = { title: '异议审核', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default function AdminObjectionsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">异议和信用修复审核</h1>
      <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
        <Queue searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `已超期 ${-daysLeft} 天`
  if (daysLeft === 0) return '今天到期'
  return `剩 ${daysLeft} 天`
}

async function Queue({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('objections.review')
  const raw = await searchParams
  const queue = await listObjectionQueue(getDb(), actor, { answerDays: env.OBJECTION_ANSWER_DAYS })
  const decided = typeof raw.decided === 'string' ? raw.decided : null
  const overdue = queue.filter((o) => o.daysLeft < 0).length
  return (
    <>
      {decided && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-800">
          受理编号 <span className="font-mono">{decided}</span> 已{raw.outcome === 'rejected' ? '决定不予采纳' : '采纳'}，申请人的状态页已显示结果。
        </p>
      )}
      <p className="text-slate-700">
        应在提交之日起 {env.OBJECTION_ANSWER_DAYS} 日内答复。待处理 {queue.length} 件
        {overdue > 0 && <strong className="text-red-800">，其中 {overdue} 件已超期</strong>}。
      </p>
      {queue.length === 0 ? (
        <EmptyState>没有待处理的申请</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">受理编号</th>
                <th scope="col" className="px-3 py-2">类型</th>
                <th scope="col" className="px-3 py-2">主体 / 所涉记录</th>
                <th scope="col" className="px-3 py-2">提交日期</th>
                <th scope="col" className="px-3 py-2">答复期限</th>
                <th scope="col" className="px-3 py-2">状态</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((o) => (
                <tr key={o.trackingNumber} className={`border-t border-slate-200 align-top ${o.daysLeft < 0 ? 'bg-red-50' : ''}`}>
                  <td className="px-3 py-2 font-mono">
                    <Link href={`/admin/objections/${o.trackingNumber}` as Route} className="text-brand-800 underline">
                      {o.trackingNumber}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{o.kindLabel}</td>
                  <td className="px-3 py-2">
                    {o.subjectName}
                    <br />
                    <span className="text-slate-600">
                      {o.recordTitle}（{o.decisionNumber}）
                    </span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{o.submittedOn}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {o.deadline}
                    <br />
                    <span className={o.daysLeft < 0 ? 'font-bold text-red-800' : o.daysLeft <= 3 ? 'font-medium text-amber-800' : 'text-slate-600'}>{daysLeftText(o.daysLeft)}</span>
                  </td>
                  <td className="px-3 py-2">{o.statusLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
