'use client'
// 查看完整信息: the ID number and phone stay masked until the officer asks; the server action
// records the view in the audit log and answers with the full values (reveal-on-request.tsx).
import { RevealControl, RevealedValue, RevealScope } from '@web/components/admin/reveal-on-request'
import type { StaffFormState } from '@web/lib/staff/form-state'

type Action = (previous: StaffFormState, formData: FormData) => Promise<StaffFormState>

export function RevealPersonalData({ action, csrfToken, personId, idNumberMasked, phoneMasked, canReveal }: {
  action: Action
  csrfToken: string
  personId: string
  idNumberMasked: string
  phoneMasked: string
  canReveal: boolean
}) {
  return (
    <RevealScope action={action}>
      <div className="space-y-3 rounded border border-slate-200 p-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-slate-600">身份证号</dt>
          <dd className="font-mono">
            <RevealedValue name="idNumber" masked={idNumberMasked} />
          </dd>
          <dt className="text-slate-600">联系电话</dt>
          <dd className="font-mono">
            <RevealedValue name="phone" masked={phoneMasked} />
          </dd>
        </dl>
        {canReveal && (
          <RevealControl csrfToken={csrfToken} target={{ id: personId }} label="查看完整信息" hint="查看完整身份证号和联系电话会记入审计日志（查看人、时间、地址）。" />
        )}
      </div>
    </RevealScope>
  )
}
