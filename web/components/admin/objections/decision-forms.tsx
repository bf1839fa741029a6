'use client'
// The reviewer's decision on one request: 受理, 采纳 (an objection corrects — the record's fields
// prefilled, the publication period shown — or withdraws the record; a credit-repair request ends
// its publication early) or 不予采纳 with the reason the applicant will read. Each decision asks for
// a confirmation; errors come back under their field with the values kept.
import { useActionState, useEffect, useId, useRef, useState } from 'react'
import type { ObjectionKind } from '@shared/domain/enums'
import { useUnsavedChangesGuard } from '@web/components/admin/projects/unsaved-changes-guard'
import { ConfirmBox, DANGER_CLASS, describe, FormStatus, INPUT_CLASS, Labeled, RecordFields, SUBMIT_CLASS, type RecordDefaults, type StaffServerAction } from '@web/components/admin/records/record-form'
import { CSRF_FIELD, INITIAL_STAFF_FORM_STATE, type StaffFormState } from '@web/lib/staff/form-state'

const SECONDARY_CLASS =
  'rounded border border-brand-700 px-4 py-2 text-brand-800 hover:bg-brand-50 focus:outline-none focus:ring-2 focus:ring-brand-600 disabled:opacity-60'

export function OpenObjectionForm({ action, csrfToken, trackingNumber }: { action: StaffServerAction; csrfToken: string; trackingNumber: string }) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, INITIAL_STAFF_FORM_STATE)
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <input type="hidden" name="trackingNumber" value={trackingNumber} />
      <FormStatus state={state} />
      {state.status !== 'ok' && (
        <button type="submit" disabled={pending} className={SECONDARY_CLASS}>
          {pending ? '正在受理…' : '受理（状态改为审核中）'}
        </button>
      )}
    </form>
  )
}

function useGuardedAction(action: StaffServerAction) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, INITIAL_STAFF_FORM_STATE)
  const formRef = useRef<HTMLFormElement>(null)
  const guard = useUnsavedChangesGuard(formRef)
  useEffect(() => {
    if (state.status === 'ok') guard.markClean()
  }, [state, guard])
  return { state, formAction, pending, formRef, errors: state.status === 'error' ? (state.fieldErrors ?? {}) : {} }
}

const RESOLUTION_LABELS = {
  CORRECT: '更正记录：异议部分成立，按核实的内容更正',
  WITHDRAW: '撤销记录：异议成立，记录不再公示、不再计分',
} as const

export function AcceptObjectionForm({ action, csrfToken, trackingNumber, kind, record }: {
  action: StaffServerAction
  csrfToken: string
  trackingNumber: string
  kind: ObjectionKind
  record: RecordDefaults
}) {
  const { state, formAction, pending, formRef, errors } = useGuardedAction(action)
  const prefix = useId()
  const submitted = state.status === 'error' ? state.values : undefined
  const [resolution, setResolution] = useState(kind === 'REPAIR' ? 'END_PUBLICATION' : (submitted?.resolution ?? ''))
  return (
    <form ref={formRef} action={formAction} noValidate aria-label="采纳" className="space-y-4">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <input type="hidden" name="trackingNumber" value={trackingNumber} />
      <FormStatus state={state} />
      {kind === 'REPAIR' ? (
        <>
          <input type="hidden" name="resolution" value="END_PUBLICATION" />
          <p>采纳信用修复申请即提前结束该记录的公示：记录自明日起不再公示、不再计分，该主体的信用等级立即重算。</p>
          {errors.resolution && <p className="text-sm text-red-700">{errors.resolution}</p>}
        </>
      ) : (
        <fieldset aria-describedby={errors.resolution ? `${prefix}-resolution-error` : undefined}>
          <legend className="text-sm font-medium text-slate-800">
            处理方式<span className="text-red-700"> *</span>
          </legend>
          <div className="mt-2 space-y-2">
            {(Object.keys(RESOLUTION_LABELS) as (keyof typeof RESOLUTION_LABELS)[]).map((r) => (
              <label key={r} className="flex items-start gap-2">
                <input type="radio" name="resolution" value={r} checked={resolution === r} onChange={() => setResolution(r)} className="mt-1 h-4 w-4" />
                {RESOLUTION_LABELS[r]}
              </label>
            ))}
          </div>
          {errors.resolution && (
            <p id={`${prefix}-resolution-error`} className="mt-1 text-sm text-red-700">
              {errors.resolution}
            </p>
          )}
        </fieldset>
      )}
      {resolution === 'CORRECT' && (
        <div className="rounded border border-slate-200 p-4">
          <h3 className="mb-3 font-bold text-brand-900">更正后的记录</h3>
          <RecordFields state={state} defaults={record} idPrefix={`${prefix}-record`} />
        </div>
      )}
      <Labeled id={`${prefix}-note`} label="处理说明" hint="申请人在状态页看到；可不填" error={errors.note}>
        <textarea name="note" rows={2} defaultValue={submitted?.note} className={INPUT_CLASS} {...describe(`${prefix}-note`, errors.note, true)} />
      </Labeled>
      <ConfirmBox id={`${prefix}-confirm`} label="确认采纳；记录随之变更，该主体的信用等级立即重算" error={errors.confirm} />
      <button type="submit" disabled={pending} className={SUBMIT_CLASS}>
        {pending ? '正在提交…' : '采纳'}
      </button>
    </form>
  )
}

export function RejectObjectionForm({ action, csrfToken, trackingNumber }: { action: StaffServerAction; csrfToken: string; trackingNumber: string }) {
  const { state, formAction, pending, formRef, errors } = useGuardedAction(action)
  const prefix = useId()
  return (
    <form ref={formRef} action={formAction} noValidate aria-label="不予采纳" className="space-y-4">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <input type="hidden" name="trackingNumber" value={trackingNumber} />
      <FormStatus state={state} />
      <Labeled id={`${prefix}-reason`} label="不予采纳的理由" required hint="申请人在状态页看到" error={errors.reason}>
        <textarea
          name="reason"
          rows={3}
          defaultValue={state.status === 'error' ? state.values?.reason : undefined}
          className={INPUT_CLASS}
          {...describe(`${prefix}-reason`, errors.reason, true)}
        />
      </Labeled>
      <ConfirmBox id={`${prefix}-confirm`} label="确认不予采纳；记录保持不变" error={errors.confirm} />
      <button type="submit" disabled={pending} className={DANGER_CLASS}>
        {pending ? '正在提交…' : '不予采纳'}
      </button>
    </form>
  )
}
