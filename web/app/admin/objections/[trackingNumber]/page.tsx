// One request for the reviewer: what the applicant asks and why (the contact phone masked;
// 显示完整联系电话 shows it on this view only, audited), the record in full, and the decision — 受理,
// 采纳 (correct / withdraw the record, or end its publication early for a repair) or 不予采纳 with a
// reason, each confirmed. A decided request shows its outcome.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS, RECORD_KIND_LABELS, RECORD_STATUS_LABELS } from '@shared/domain/enums'
import { daysBetween } from '@shared/scoring/days'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { pointsText } from '@web/components/admin/records/record-categories'
import { RecordDecisionFacts } from '@web/components/admin/records/record-decision-facts'
import { AcceptObjectionForm, OpenObjectionForm, RejectObjectionForm } from '@web/components/admin/objections/decision-forms'
import { RevealControl, RevealedValue, RevealScope } from '@web/components/admin/reveal-on-request'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { NotFoundError } from '@web/server/lib/errors'
import { getObjectionForReview } from '@web/server/objections/get-objection-for-review'
import { acceptObjectionAction, openObjectionAction, rejectObjectionAction, revealContactPhoneAction } from '../actions'

export const metadata: Metadata = { title: '审核申请', robots: { index: false } }

type Params = Promise<{ trackingNumber: string }>

export default function AdminObjectionPage({ params }: { params: Params }) {
  return (
    <div className="max-w-4xl space-y-8">
      <p>
        <Link href="/admin/objections" className="text-brand-800 underline">
          ← 异议和信用修复审核
        </Link>
      </p>
      <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
        <Review params={params} />
      </Suspense>
    </div>
  )
}

async function Review({ params }: { params: Params }) {
  const actor = await requireActor('objections.review')
  const { trackingNumber } = await params
  const o = await getObjectionForReview(getDb(), actor, decodeURIComponent(trackingNumber), { answerDays: env.OBJECTION_ANSWER_DAYS }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound()
    throw error
  })
  const r = o.record
  const open = o.status === 'SUBMITTED' || o.status === 'UNDER_REVIEW'
  const daysLeft = daysBetween(chinaDateOf(new Date()), o.deadline)
  const csrfToken = await currentCsrfToken()
  return (
    <>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-900">
          {OBJECTION_KIND_LABELS[o.kind]} <span className="font-mono text-xl">{o.trackingNumber}</span>
        </h1>
        <p className="text-slate-700">
          {OBJECTION_STATUS_LABELS[o.status]} · 提交于 {o.submittedOn} · 答复期限 {o.deadline}
          {open && (daysLeft < 0 ? <strong className="text-red-800">（已超期 {-daysLeft} 天）</strong> : `（剩 ${daysLeft} 天）`)}
        </p>
      </header>

      <section aria-labelledby="request-title" className="space-y-2">
        <h2 id="request-title" className="text-xl font-bold text-brand-900">
          申请内容
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">申请人</dt>
          <dd>{o.applicantName}</dd>
          <dt className="text-slate-600">联系电话</dt>
          <dd className="space-y-2">
            <RevealScope action={revealContactPhoneAction}>
              <p className="font-mono">
                <RevealedValue name="contactPhone" masked={o.contactPhoneMasked} />
              </p>
              <RevealControl
                csrfToken={csrfToken}
                target={{ trackingNumber: o.trackingNumber }}
                label="显示完整联系电话"
                hint="查看完整联系电话会记入审计日志（查看人、时间、地址）。"
              />
            </RevealScope>
          </dd>
          {o.email && (
            <>
              <dt className="text-slate-600">电子邮箱</dt>
              <dd>{o.email}</dd>
            </>
          )}
          <dt className="text-slate-600">{o.kind === 'REPAIR' ? '申请理由' : '异议理由'}</dt>
          <dd className="whitespace-pre-line">{o.reasons}</dd>
          {o.rectification && (
            <>
              <dt className="text-slate-600">整改情况</dt>
              <dd className="whitespace-pre-line">{o.rectification}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="record-title" className="space-y-2">
        <h2 id="record-title" className="text-xl font-bold text-brand-900">
          所涉记录
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">主体</dt>
          <dd>
            {o.subjectName}
            {o.enterprise && <span className="ml-1 font-mono">{o.enterprise.uscc}</span>}
          </dd>
          <dt className="text-slate-600">记录</dt>
          <dd>
            <Link href={`/admin/records/${r.id}` as Route} className="text-brand-800 underline">
              {r.title}
            </Link>
            （{RECORD_STATUS_LABELS[r.status]}）
          </dd>
          <dt className="text-slate-600">类别</dt>
          <dd>
            {RECORD_KIND_LABELS[r.kind]}：{r.categoryLabel}（{pointsText(r.points)}）
          </dd>
          <RecordDecisionFacts record={r} />
          {r.withdrawalReason && (
            <>
              <dt className="text-slate-600">撤销理由</dt>
              <dd>{r.withdrawalReason}</dd>
            </>
          )}
        </dl>
      </section>

      {open ? (
        <section aria-labelledby="decision-title" className="space-y-6">
          <h2 id="decision-title" className="text-xl font-bold text-brand-900">
            审核决定
          </h2>
          {o.status === 'SUBMITTED' && <OpenObjectionForm action={openObjectionAction} csrfToken={csrfToken} trackingNumber={o.trackingNumber} />}
          <div className="rounded border border-slate-200 p-4">
            <h3 className="mb-3 text-lg font-bold text-brand-900">采纳</h3>
            <AcceptObjectionForm
              action={acceptObjectionAction}
              csrfToken={csrfToken}
              trackingNumber={o.trackingNumber}
              kind={o.kind}
              record={{
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
          </div>
          <div className="rounded border border-red-200 p-4">
            <h3 className="mb-3 text-lg font-bold text-red-900">不予采纳</h3>
            <RejectObjectionForm action={rejectObjectionAction} csrfToken={csrfToken} trackingNumber={o.trackingNumber} />
          </div>
        </section>
      ) : (
        <section aria-labelledby="outcome-title" className="space-y-2 rounded border border-slate-200 p-4">
          <h2 id="outcome-title" className="text-xl font-bold text-brand-900">
            审核结果：{OBJECTION_STATUS_LABELS[o.status]}
          </h2>
          {o.statusChangedOn && <p>决定日期 {o.statusChangedOn}</p>}
          {o.statusReason && <p className="whitespace-pre-line">{o.statusReason}</p>}
        </section>
      )}
    </>
  )
}
