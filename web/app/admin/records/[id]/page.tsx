// One integrity record in the back office: its terms, subject and publication, and (for the
// region's officers, while it is not withdrawn) the correction and withdrawal forms.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { RECORD_KIND_LABELS, RECORD_STATUS_LABELS } from '@shared/domain/enums'
import { can } from '@shared/staff/permissions'
import { categoryByCode, pointsText } from '@web/components/admin/records/record-categories'
import { RecordDecisionFacts } from '@web/components/admin/records/record-decision-facts'
import { CorrectRecordForm, WithdrawRecordForm } from '@web/components/admin/records/record-form'
import { getDb } from '@web/lib/db'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { NotFoundError } from '@web/server/lib/errors'
import { getStaffRecord } from '@web/server/records/get-staff-record'
import { correctRecordAction, withdrawRecordAction } from '../actions'

export const metadata: Metadata = { title: '诚信记录', robots: { index: false } }

type Params = Promise<{ id: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default function AdminRecordPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  return (
    <div className="max-w-4xl space-y-8">
      <p>
        <Link href="/admin/records" className="text-brand-800 underline">
          ← 诚信记录
        </Link>
      </p>
      <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
        <RecordView params={params} searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

async function RecordView({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireActor('workspace.read')
  const { id } = await params
  const saved = (await searchParams).saved === '1'
  const r = await getStaffRecord(getDb(), actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound()
    throw error
  })
  const category = categoryByCode(r.categoryCode)
  const writable = can(actor.role, 'records.write') && r.status === 'ACTIVE'
  const csrfToken = await currentCsrfToken()
  const subjectHref = (r.enterprise ? `/enterprises/${r.enterprise.uscc}` : null) as Route | null
  return (
    <>
      {saved && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-800">
          记录已保存，该主体的信用等级已重算。
        </p>
      )}
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">{r.title}</h1>
        <p className="text-slate-700">
          {subjectHref ? (
            <Link href={subjectHref} className="text-brand-800 underline">
              {r.subjectName}
            </Link>
          ) : (
            r.subjectName
          )}
          {r.enterprise && <span className="ml-1 font-mono">{r.enterprise.uscc}</span>} · {RECORD_KIND_LABELS[r.kind]} ·{' '}
          {r.status === 'WITHDRAWN' ? <strong className="text-red-800">{RECORD_STATUS_LABELS.WITHDRAWN}</strong> : RECORD_STATUS_LABELS.ACTIVE}
        </p>
      </header>

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">记录类别</dt>
        <dd>
          {category?.label ?? r.categoryCode}（{pointsText(r.points)}）
        </dd>
        <RecordDecisionFacts record={r} />
        {r.status === 'WITHDRAWN' && (
          <>
            <dt className="text-slate-600">撤销理由</dt>
            <dd>
              {r.withdrawalReason}
              {r.withdrawnAt && `（${r.withdrawnAt.slice(0, 10)}）`}
            </dd>
          </>
        )}
      </dl>

      {writable && (
        <>
          <section aria-labelledby="correct-title" className="space-y-3 rounded border border-slate-200 p-4">
            <h2 id="correct-title" className="text-xl font-bold text-brand-900">
              更正记录
            </h2>
            <p className="text-sm text-slate-600">记录主体有误的，请撤销后重新记录。</p>
            <CorrectRecordForm
              action={correctRecordAction}
              csrfToken={csrfToken}
              recordId={r.id}
              defaults={{
                categoryCode: r.categoryCode,
                title: r.title,
                description: r.description,
                decisionNumber: r.decisionNumber,
                issuedBy: r.issuedBy,
                decidedOn: r.decidedOn,
                penaltyLastDay: r.penaltyLastDay,
                publishFrom: r.publishFrom,
              }}
            />
          </section>
          <section aria-labelledby="withdraw-title" className="space-y-3 rounded border border-red-200 p-4">
            <h2 id="withdraw-title" className="text-xl font-bold text-red-900">
              撤销记录
            </h2>
            <WithdrawRecordForm action={withdrawRecordAction} csrfToken={csrfToken} recordId={r.id} />
          </section>
        </>
      )}
    </>
  )
}
