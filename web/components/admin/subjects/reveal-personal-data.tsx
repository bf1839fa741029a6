'use client'
// 查看完整信息: the ID number and phone stay masked until the officer asks; the server action
// records the view in the audit log and answers with the full values, which live only in this
// component's state — a reload shows the masked values again.
import { useActionState } from 'react'
import { CSRF_FIELD, INITIAL_STAFF_FORM_STATE, type StaffFormState } from '@web/lib/staff/form-state'

type Action = (previous: StaffFormState, formData: FormData) => Promise<StaffFormState>

export function RevealPersonalData({ action, csrfToken, personId, idNumberMasked, phoneMasked, canReveal }: {
  action: Action
  csrfToken: string
  personId: string
  idNumberMasked: string
  phoneMasked: string
  canReveal: boolean
}) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, INITIAL_STAFF_FORM_STATE)
  const revealed = state.status === 'ok' ? state.values : undefined
  return (
    <div className="space-y-3 rounded border border-slate-200 p-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="text-slate-600">身份证号</dt>
        <dd className="font-mono">{revealed ? revealed.idNumber : idNumberMasked}</dd>
        <dt className="text-slate-600">联系电话</dt>
        <dd className="font-mono">{revealed ? revealed.phone || '未登记' : phoneMasked || '未登记'}</dd>
      </dl>
      {canReveal && !revealed && (
        <form action={formAction}>
          <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
          <input type="hidden" name="id" value={personId} />
          <button
            type="submit"
            disabled={pending}
            aria-describedby="reveal-hint"
            className="rounded border border-brand-700 px-4 py-2 text-brand-800 hover:bg-brand-50 focus:outline-none focus:ring-2 focus:ring-brand-600 disabled:opacity-60"
          >
            {pending ? '正在读取…' : '查看完整信息'}
          </button>
          <p id="reveal-hint" className="mt-1 text-xs text-slate-500">
            查看完整身份证号和联系电话会记入审计日志（查看人、时间、地址）。
          </p>
        </form>
      )}
      {state.message && (
        <p role={state.status === 'error' ? 'alert' : 'status'} className={state.status === 'error' ? 'rounded bg-red-50 p-3 text-red-800' : 'text-sm text-slate-600'}>
          {state.message}
        </p>
      )}
    </div>
  )
}
