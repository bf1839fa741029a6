// The status of an objection or credit-repair request, for whoever holds its tracking number:
// submitted → under review → accepted / rejected (with the reason). Contact details masked.
import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { OBJECTION_STATUS_LABELS, type ObjectionStatus } from '@shared/domain/enums'
import { formatTrackingNumber } from '@shared/objections/tracking-number'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { ObjectionRecordFacts } from '@web/components/credit/objection-record-summary'
import { FactTable } from '@web/components/fact-table'
import { ListLoading } from '@web/components/list/list-summary'
import { StatusBadge } from '@web/components/status-badge'
import { flattenSearchParams } from '@web/lib/listing/search-params'
import { trackingNumberParam } from '@web/server/objections/objection-queries'
import { getDb } from '@web/lib/db'
import { getObjection } from '@web/server/objections/get-objection'

export const metadata: Metadata = {
  title: '申请办理进度',
  // a capability URL: never in a search index
  robots: { index: false, follow: false },
}

type Params = Promise<{ trackingNumber: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

const STEPS: ObjectionStatus[] = ['SUBMITTED', 'UNDER_REVIEW']

/** An ISO instant as Beijing time, 'YYYY-MM-DD HH:mm'. */
function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

export default function ObjectionStatusPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '信用等级', href: '/credit' }, { label: '申请办理进度', href: '/credit/objections' }, { label: '办理进度' }]} />
      <Suspense fallback={<ListLoading />}>
        <ObjectionStatus params={params} searchParams={searchParams} />
      </Suspense>
    </>
  )
}

async function ObjectionStatus({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection()
  const parsed = trackingNumberParam((await params).trackingNumber)
  if (!parsed.ok) notFound()
  const view = await getObjection(getDb(), parsed.trackingNumber)
  if (!view) notFound()
  const submitted = flattenSearchParams(await searchParams).submitted === '1'
  const decided = view.status === 'ACCEPTED' || view.status === 'REJECTED'
  const reachedIndex = decided ? 2 : STEPS.indexOf(view.status)
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{view.kindLabel}办理进度</h1>
      {submitted && (
        <div role="status" className="mt-4 border-l-4 border-green-700 bg-green-50 px-4 py-3">
          <p className="font-bold text-green-800">申请已提交</p>
          <p className="mt-1">
            受理编号 <strong className="tabular-nums">{formatTrackingNumber(view.trackingNumber)}</strong>。请保存本页网址或记下受理编号，凭编号查询办理进度。
          </p>
        </div>
      )}
      <p className="mt-4 flex flex-wrap items-center gap-3">
        <span>当前状态</span>
        <StatusBadge tone={view.status === 'REJECTED' ? 'bad' : view.status === 'ACCEPTED' ? 'good' : 'neutral'}>
          <span data-testid="objection-status">{view.statusLabel}</span>
        </StatusBadge>
      </p>
      <ol aria-label="办理环节" className="mt-3 flex flex-wrap gap-x-2 gap-y-1 text-sm">
        {[...STEPS.map((s) => ({ key: s, label: OBJECTION_STATUS_LABELS[s] })), { key: 'RESULT', label: decided ? view.statusLabel : '审核结果' }].map((step, i) => (
          <li key={step.key} className={i <= reachedIndex ? 'font-bold text-brand-900' : 'text-muted'} aria-current={i === reachedIndex ? 'step' : undefined}>
            {i > 0 && <span aria-hidden="true">→ </span>}
            {step.label}
          </li>
        ))}
      </ol>
      {view.statusReason && (
        <p className="mt-3 rounded border border-line px-4 py-3">
          <span className="font-medium">{view.status === 'REJECTED' ? '未予采纳的理由：' : '办理说明：'}</span>
          {view.statusReason}
        </p>
      )}
      <FactTable
        rows={[
          { label: '受理编号', value: <span className="tabular-nums">{formatTrackingNumber(view.trackingNumber)}</span> },
          { label: '申请类型', value: view.kindLabel },
          { label: '提交时间', value: `${chinaTime(view.submittedAt)}（北京时间）` },
          ...(view.statusChangedAt ? [{ label: '状态更新', value: `${chinaTime(view.statusChangedAt)}（北京时间）` }] : []),
          { label: '申请人', value: view.applicantNameMasked },
          { label: '联系电话', value: <span className="tabular-nums" data-testid="objection-phone">{view.contactPhoneMasked}</span> },
          ...(view.emailMasked ? [{ label: '电子邮箱', value: view.emailMasked }] : []),
        ]}
      />
      <p className="mt-2 text-sm text-muted">为保护个人信息，申请人、联系电话和电子邮箱仅显示部分内容。</p>

      <h2 className="mt-8 text-xl font-bold text-brand-900">申请所涉记录</h2>
      <ObjectionRecordFacts record={view.record} />

      <h2 className="mt-8 text-xl font-bold text-brand-900">申请内容</h2>
      <h3 className="mt-3 font-bold">{view.kind === 'REPAIR' ? '申请理由' : '异议理由'}</h3>
      <p className="mt-1 whitespace-pre-line break-words">{view.reasons}</p>
      {view.rectification && (
        <>
          <h3 className="mt-3 font-bold">整改情况</h3>
          <p className="mt-1 whitespace-pre-line break-words">{view.rectification}</p>
        </>
      )}
      <p className="mt-6 text-sm">
        <Link href="/credit">返回信用等级</Link>
      </p>
    </>
  )
}
