// 记录良好/不良行为: the subject, the category from the scoring standard, the decision; the
// publication period is shown before saving and follows from the standard.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { NewRecordForm } from '@web/components/admin/records/record-form'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { recordIntegrityAction } from '../actions'

export const metadata: Metadata = { title: '记录良好/不良行为', robots: { index: false } }

export default function NewRecordPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">记录良好/不良行为</h1>
      <p className="text-slate-700">保存后记录按评分标准计分并在公示期内公开，该主体的信用等级立即重算。</p>
      <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
        <Form />
      </Suspense>
    </div>
  )
}

async function Form() {
  await requireActor('records.write')
  return <NewRecordForm action={recordIntegrityAction} csrfToken={await currentCsrfToken()} />
}
