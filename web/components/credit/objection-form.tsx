'use client'
// The objection / credit-repair form. Every field is checked on the server (the action); the
// messages come back per field, next to the field, and are announced. The browser's own checks are
// kept light (required, lengths) so that a phone keyboard user is not blocked by a format rule the
// server states better.
import { useActionState } from 'react'
import { APPLICANT_NAME_MAX, EMAIL_MAX, REASONS_MAX, type ObjectionField } from '@shared/objections/input'
import { submitObjectionAction } from '@web/app/credit/objections/new/actions'
import { INITIAL_FORM_STATE } from '@web/app/credit/objections/new/form-state'

const CONTROL = 'mt-1 block w-full rounded border bg-white px-3 py-2 text-base'

export function ObjectionForm({ recordId, kind }: { recordId: string; kind: 'OBJECTION' | 'REPAIR' }) {
  const [state, action, pending] = useActionState(submitObjectionAction, INITIAL_FORM_STATE)
  const error = (f: ObjectionField) => state.fieldErrors[f]
  const value = (f: ObjectionField) => state.values[f] ?? ''
  const described = (f: ObjectionField, hint?: boolean) => [error(f) ? `${f}-error` : null, hint ? `${f}-hint` : null].filter(Boolean).join(' ') || undefined
  const field = (f: ObjectionField) => ({
    id: f,
    name: f,
    defaultValue: value(f),
    'aria-invalid': error(f) ? true : undefined,
    className: `${CONTROL} ${error(f) ? 'border-seal' : 'border-line'}`,
  })
  return (
    <form action={action} noValidate aria-label={kind === 'REPAIR' ? '信用修复申请' : '异议申请'} className="mt-6 space-y-5">
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="kind" value={kind} />
      {state.status === 'error' && state.message && (
        <div role="alert" className="border-l-4 border-seal bg-red-50 px-4 py-3">
          <p className="font-bold text-seal-dark">{state.message}</p>
          {(error('recordId') || error('kind')) && <p className="mt-1">{error('recordId') ?? error('kind')}</p>}
        </div>
      )}
      <div>
        <label htmlFor="applicantName" className="font-medium">
          申请人 <span className="text-seal-dark">*</span>
        </label>
        <input {...field('applicantName')} type="text" autoComplete="organization" maxLength={APPLICANT_NAME_MAX} required aria-describedby={described('applicantName', true)} />
        <p id="applicantName-hint" className="mt-1 text-sm text-muted">
          单位全称或个人姓名
        </p>
        <FieldError field="applicantName" message={error('applicantName')} />
      </div>
      <div>
        <label htmlFor="contactPhone" className="font-medium">
          联系电话 <span className="text-seal-dark">*</span>
        </label>
        <input {...field('contactPhone')} type="tel" inputMode="tel" autoComplete="tel" maxLength={30} required aria-describedby={described('contactPhone', true)} />
        <p id="contactPhone-hint" className="mt-1 text-sm text-muted">
          手机号码或带区号的固定电话，仅供工作人员联系，不予公开
        </p>
        <FieldError field="contactPhone" message={error('contactPhone')} />
      </div>
      <div>
        <label htmlFor="email" className="font-medium">
          电子邮箱（选填）
        </label>
        <input {...field('email')} type="email" autoComplete="email" maxLength={EMAIL_MAX} aria-describedby={described('email')} />
        <FieldError field="email" message={error('email')} />
      </div>
      <div>
        <label htmlFor="reasons" className="font-medium">
          {kind === 'REPAIR' ? '申请理由' : '异议理由'} <span className="text-seal-dark">*</span>
        </label>
        <textarea {...field('reasons')} rows={5} maxLength={REASONS_MAX} required aria-describedby={described('reasons', true)} />
        <p id="reasons-hint" className="mt-1 text-sm text-muted">
          {kind === 'REPAIR' ? '说明申请提前结束公示的理由，至少 10 个字。' : '说明记录哪里有误、正确的情况是什么，可注明证明材料，至少 10 个字。'}
        </p>
        <FieldError field="reasons" message={error('reasons')} />
      </div>
      {kind === 'REPAIR' && (
        <div>
          <label htmlFor="rectification" className="font-medium">
            整改情况 <span className="text-seal-dark">*</span>
          </label>
          <textarea {...field('rectification')} rows={5} maxLength={REASONS_MAX} required aria-describedby={described('rectification', true)} />
          <p id="rectification-hint" className="mt-1 text-sm text-muted">
            说明已完成的整改、履行的处罚决定（如已缴纳罚款）和防止再次发生的措施，至少 10 个字。
          </p>
          <FieldError field="rectification" message={error('rectification')} />
        </div>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-6 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? '正在提交…' : '提交申请'}
      </button>
    </form>
  )
}

function FieldError({ field, message }: { field: ObjectionField; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={`${field}-error`} className="mt-1 font-medium text-seal-dark">
      {message}
    </p>
  )
}
