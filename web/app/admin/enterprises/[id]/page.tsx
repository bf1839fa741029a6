// One enterprise in the back office: its basic data (editable by the region's officers) and its
// qualifications, each with an edit form, and the form to add one.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { can } from '@shared/staff/permissions'
import { StaffForm } from '@web/components/admin/projects/staff-form'
import { enterpriseFields, qualificationFields } from '@web/components/admin/subjects/subject-fields'
import { SubjectHeader } from '@web/components/admin/subjects/subject-header'
import { getDb } from '@web/lib/db'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { getStaffEnterprise } from '@web/server/enterprises/get-staff-enterprise'
import { NotFoundError } from '@web/server/lib/errors'
import { addQualificationAction, updateEnterpriseAction, updateQualificationAction } from '../actions'

export const metadata: Metadata = { title: '企业信息', robots: { index: false } }

type Params = Promise<{ id: string }>

export default function AdminEnterprisePage({ params }: { params: Params }) {
  return (
    <div className="max-w-4xl space-y-8">
      <p>
        <Link href="/admin/enterprises" className="text-brand-800 underline">
          ← 企业管理
        </Link>
      </p>
      <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
        <Enterprise params={params} />
      </Suspense>
    </div>
  )
}

async function Enterprise({ params }: { params: Params }) {
  const actor = await requireActor('workspace.read')
  const { id } = await params
  const e = await getStaffEnterprise(getDb(), actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound()
    throw error
  })
  const writable = can(actor.role, 'subjects.write')
  const csrfToken = await currentCsrfToken()
  return (
    <>
      <SubjectHeader name={e.name} publicHref={`/enterprises/${e.uscc}` as Route}>
        <span className="font-mono">{e.uscc}</span> · {e.regionName}
        {!e.inProvince && '（省外企业）'}
      </SubjectHeader>

      {writable ? (
        <section aria-labelledby="basic-title" className="space-y-3">
          <h2 id="basic-title" className="text-xl font-bold text-brand-900">
            基本信息
          </h2>
          <StaffForm title="企业基本信息" action={updateEnterpriseAction} csrfToken={csrfToken} submitLabel="保存企业信息" fields={enterpriseFields(actor, e)} />
        </section>
      ) : (
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <dt className="text-slate-600">法定代表人</dt>
          <dd>{e.legalRepresentative}</dd>
          <dt className="text-slate-600">注册资本</dt>
          <dd>{e.registeredCapital} 万元</dd>
          <dt className="text-slate-600">成立日期</dt>
          <dd>{e.establishedOn}</dd>
          <dt className="text-slate-600">注册地址</dt>
          <dd>{e.registeredAddress}</dd>
        </dl>
      )}

      <section aria-labelledby="qualifications-title" className="space-y-4">
        <h2 id="qualifications-title" className="text-xl font-bold text-brand-900">
          资质（{e.qualifications.length}）
        </h2>
        {e.qualifications.length === 0 && <p className="text-slate-600">尚未登记资质。</p>}
        {e.qualifications.map((q) => (
          <details key={q.id} className="rounded border border-slate-200 p-4">
            <summary className="cursor-pointer font-medium">
              {q.category} {q.grade} · <span className="font-mono">{q.certificateNumber}</span> · 有效期至 {q.validUntil}
            </summary>
            <div className="mt-4">
              {writable ? (
                <StaffForm title={`修改资质 ${q.certificateNumber}`} action={updateQualificationAction} csrfToken={csrfToken} submitLabel="保存资质" fields={qualificationFields(e.id, q)} />
              ) : (
                <p className="text-slate-700">
                  发证机关 {q.issuedBy}，发证日期 {q.issuedOn}
                </p>
              )}
            </div>
          </details>
        ))}
        {writable && (
          <div className="rounded border border-slate-200 p-4">
            <h3 className="mb-3 text-lg font-bold text-brand-900">添加资质</h3>
            <StaffForm title="添加资质" action={addQualificationAction} csrfToken={csrfToken} submitLabel="添加资质" fields={qualificationFields(e.id)} />
          </div>
        )}
      </section>
    </>
  )
}
