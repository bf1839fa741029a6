// One practitioner in the back office: ID number and phone masked (查看完整信息 shows them on this
// view only, audited), the basic data and employer, the practising registrations with edit forms
// and the form to add one.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { REGISTRATION_TYPE_LABELS, type RegistrationType } from '@shared/domain/enums'
import { can } from '@shared/staff/permissions'
import { StaffForm } from '@web/components/admin/projects/staff-form'
import { RevealPersonalData } from '@web/components/admin/subjects/reveal-personal-data'
import { practitionerEditFields, registrationFields } from '@web/components/admin/subjects/subject-fields'
import { SubjectHeader } from '@web/components/admin/subjects/subject-header'
import { getDb } from '@web/lib/db'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { NotFoundError } from '@web/server/lib/errors'
import { getStaffPractitioner } from '@web/server/practitioners/get-staff-practitioner'
import { addRegistrationAction, revealPersonalDataAction, updatePractitionerAction, updateRegistrationAction } from '../actions'

export const metadata: Metadata = { title: '从业人员信息', robots: { index: false } }

type Params = Promise<{ id: string }>

export default function AdminPractitionerPage({ params }: { params: Params }) {
  return (
    <div className="max-w-4xl space-y-8">
      <p>
        <Link href="/admin/practitioners" className="text-brand-800 underline">
          ← 从业人员管理
        </Link>
      </p>
      <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
        <Practitioner params={params} />
      </Suspense>
    </div>
  )
}

async function Practitioner({ params }: { params: Params }) {
  const actor = await requireActor('workspace.read')
  const { id } = await params
  const p = await getStaffPractitioner(getDb(), actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound()
    throw error
  })
  const writable = can(actor.role, 'subjects.write')
  const csrfToken = await currentCsrfToken()
  return (
    <>
      <SubjectHeader name={p.name} publicHref={`/practitioners/${p.id}` as Route}>
        {p.gender} · 聘用单位 {p.employer ? `${p.employer.name}（${p.employer.uscc}）` : '无'}
      </SubjectHeader>

      <section aria-labelledby="personal-title" className="space-y-3">
        <h2 id="personal-title" className="text-xl font-bold text-brand-900">
          身份信息
        </h2>
        <RevealPersonalData
          action={revealPersonalDataAction}
          csrfToken={csrfToken}
          personId={p.id}
          idNumberMasked={p.idNumberMasked}
          phoneMasked={p.phoneMasked}
          canReveal={can(actor.role, 'personal-data.view')}
        />
      </section>

      {writable && (
        <section aria-labelledby="basic-title" className="space-y-3">
          <h2 id="basic-title" className="text-xl font-bold text-brand-900">
            基本信息
          </h2>
          <p className="text-sm text-slate-600">身份证号是人员的标识，不能在此修改；登记错误的人员请联系省级主管部门。</p>
          <StaffForm title="从业人员基本信息" action={updatePractitionerAction} csrfToken={csrfToken} submitLabel="保存人员信息" fields={practitionerEditFields(p)} />
        </section>
      )}

      <section aria-labelledby="registrations-title" className="space-y-4">
        <h2 id="registrations-title" className="text-xl font-bold text-brand-900">
          执业注册（{p.registrations.length}）
        </h2>
        {p.registrations.length === 0 && <p className="text-slate-600">尚未登记执业注册。</p>}
        {p.registrations.map((r) => (
          <details key={r.id} className="rounded border border-slate-200 p-4">
            <summary className="cursor-pointer font-medium">
              {REGISTRATION_TYPE_LABELS[r.type as RegistrationType] ?? r.type} · <span className="font-mono">{r.number}</span> · {r.specialty} · 有效期至 {r.validUntil}
            </summary>
            {writable && (
              <div className="mt-4">
                <StaffForm title={`修改执业注册 ${r.number}`} action={updateRegistrationAction} csrfToken={csrfToken} submitLabel="保存执业注册" fields={registrationFields(p.id, r)} />
              </div>
            )}
          </details>
        ))}
        {writable && (
          <div className="rounded border border-slate-200 p-4">
            <h3 className="mb-3 text-lg font-bold text-brand-900">添加执业注册</h3>
            <p className="mb-3 text-sm text-slate-600">注册单位为该人员当前的聘用单位。</p>
            <StaffForm title="添加执业注册" action={addRegistrationAction} csrfToken={csrfToken} submitLabel="添加执业注册" fields={registrationFields(p.id)} />
          </div>
        )}
      </section>
    </>
  )
}
