'use client'
// 确认导入 with its confirmation box: the counts the dry run found are repeated in the label, so the
// officer confirms what will be written.
import { useActionState } from 'react'
import { ConfirmBox } from '@web/components/admin/records/record-form'
import { PRIMARY_BUTTON } from '@web/components/admin/form-parts'
import { CSRF_FIELD, INITIAL_STAFF_FORM_STATE, type StaffFormState } from '@web/lib/staff/form-state'

type Action = (previous: StaffFormState, formData: FormData) => Promise<StaffFormState>

export function CommitImportForm({ action, csrfToken, jobId, summary }: { action: Action; csrfToken: string; jobId: string; summary: string }) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, INITIAL_STAFF_FORM_STATE)
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}
  return (
    <form action={formAction} noValidate aria-label="确认导入" className="space-y-3 rounded border border-line bg-white p-4">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <input type="hidden" name="id" value={jobId} />
      {state.message && (
        <p role={state.status === 'error' ? 'alert' : 'status'} className={state.status === 'error' ? 'rounded bg-red-50 p-3 text-red-800' : 'rounded bg-green-50 p-3 text-green-800'}>
          {state.message}
        </p>
      )}
      <ConfirmBox id="commit-confirm" label={`我已核对预检结果，确认导入：${summary}。导入将记入审计日志。`} error={errors.confirm} />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {pending ? '正在提交…' : '确认导入'}
      </button>
    </form>
  )
}
