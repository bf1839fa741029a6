// 登记从业人员: basic data and the employer; practising registrations are added on the person's page.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { StaffForm } from '@web/components/admin/projects/staff-form'
import { practitionerCreateFields } from '@web/components/admin/subjects/subject-fields'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { createPractitionerAction } from '../actions'

export const metadata: Metadata = { title: '登记从业人员', robots: { index: false } }

export default function NewPractitionerPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">登记从业人员</h1>
      <p className="text-slate-700">保存后进入该人员的页面，在那里添加执业注册。身份证号保存后只以遮挡形式显示。</p>
      <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
        <NewPractitionerForm />
      </Suspense>
    </div>
  )
}

async function NewPractitionerForm() {
  await requireActor('subjects.write')
  return <StaffForm title="登记从业人员" action={createPractitionerAction} csrfToken={await currentCsrfToken()} submitLabel="登记从业人员" fields={practitionerCreateFields()} />
}
