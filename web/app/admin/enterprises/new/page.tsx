// 登记企业: the enterprise's basic data; qualifications are added on its page after saving.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { StaffForm } from '@web/components/admin/projects/staff-form'
import { enterpriseFields } from '@web/components/admin/subjects/subject-fields'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { createEnterpriseAction } from '../actions'

export const metadata: Metadata = { title: '登记企业', robots: { index: false } }

export default function NewEnterprisePage() {
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">登记企业</h1>
      <p className="text-slate-700">保存后进入该企业的页面，在那里添加资质。</p>
      <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
        <NewEnterpriseForm />
      </Suspense>
    </div>
  )
}

async function NewEnterpriseForm() {
  const actor = await requireActor('subjects.write')
  return <StaffForm title="登记企业" action={createEnterpriseAction} csrfToken={await currentCsrfToken()} submitLabel="登记企业" fields={enterpriseFields(actor)} />
}
