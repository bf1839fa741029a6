'use client'
// The integrity-record forms: record (subject + terms), correct (terms + reason + confirmation)
// and withdraw (reason + confirmation). The category select is grouped 良好行为 / 不良行为 with the
// standard's labels, points and months; the penalty's last day appears for bad records only; the
// publication period the record will get is shown before saving (record-categories.ts). Field
// errors come from staffAction under their field, the values as submitted stay in the form.
import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useUnsavedChangesGuard } from '@web/components/admin/projects/unsaved-changes-guard'
import { CSRF_FIELD, INITIAL_STAFF_FORM_STATE, type StaffFormState } from '@web/lib/staff/form-state'
import { CATEGORY_GROUPS, categoryByCode, categoryOptionLabel, pointsText, publicationPreview } from './record-categories'

export type StaffServerAction = (previous: StaffFormState, formData: FormData) => Promise<StaffFormState>

export const INPUT_CLASS =
  'mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/40 aria-[invalid=true]:border-red-600'
export const SUBMIT_CLASS =
  'rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 disabled:opacity-60'
export const DANGER_CLASS =
  'rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 focus:outline-none focus:ring-2 focus:ring-red-600 focus:ring-offset-2 disabled:opacity-60'

/** A labelled control with its hint and its error (aria-describedby), ids unique per form. */
export function Labeled({ id, label, required, hint, error, wide, children }: {
  id: string
  label: string
  required?: boolean
  hint?: ReactNode
  error?: string
  wide?: boolean
  children: ReactNode
}) {
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required && <span className="text-red-700"> *</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

/** The aria attributes of a control with an optional hint and error. */
export function describe(id: string, error?: string, hint?: boolean) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined }
}

export function FormStatus({ state }: { state: StaffFormState }) {
  if (!state.message) return null
  const formError = state.fieldErrors?.form ?? state.fieldErrors?._form
  return (
    <p role={state.status === 'error' ? 'alert' : 'status'} className={state.status === 'error' ? 'rounded bg-red-50 p-3 text-red-800' : 'rounded bg-green-50 p-3 text-green-800'}>
      {state.message}
      {formError ? `：${formError}` : ''}
    </p>
  )
}

export function ConfirmBox({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <div>
      <label htmlFor={id} className="inline-flex items-start gap-2 text-sm font-medium text-slate-800">
        <input id={id} type="checkbox" name="confirm" value="yes" className="mt-0.5 h-4 w-4" {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})} />
        {label}
      </label>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

/** The record's terms as stored values (ISO days), for the correction form's defaults. */
export interface RecordDefaults {
  categoryCode?: string
  title?: string
  description?: string
  decisionNumber?: string
  issuedBy?: string
  decidedOn?: string
  penaltyLastDay?: string | null
  publishFrom?: string
}

/** The record's fields (without the subject or a reason): shared by recording, correcting, and an upheld objection. */
export function RecordFields({ state, defaults = {}, idPrefix }: { state: StaffFormState; defaults?: RecordDefaults; idPrefix: string }) {
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}
  const submitted = state.status === 'error' ? state.values : undefined
  const initial = (name: keyof RecordDefaults) => submitted?.[name] ?? defaults[name] ?? ''
  const [categoryCode, setCategoryCode] = useState(() => initial('categoryCode'))
  const [decidedOn, setDecidedOn] = useState(() => initial('decidedOn'))
  const [penaltyLastDay, setPenaltyLastDay] = useState(() => initial('penaltyLastDay'))
  const [publishFrom, setPublishFrom] = useState(() => initial('publishFrom'))
  const category = categoryByCode(categoryCode)
  const preview = publicationPreview({ categoryCode, decidedOn, publishFrom, penaltyLastDay })
  const id = (name: string) => `${idPrefix}-${name}`
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="kind" value={category?.kind ?? ''} />
      <Labeled id={id('categoryCode')} label="记录类别" required wide hint="按现行评分标准；分值和公示期限由类别决定" error={errors.categoryCode ?? errors.kind}>
        <select
          name="categoryCode"
          value={categoryCode}
          onChange={(e) => setCategoryCode(e.target.value)}
          className={INPUT_CLASS}
          {...describe(id('categoryCode'), errors.categoryCode ?? errors.kind, true)}
        >
          <option value="">请选择</option>
          {CATEGORY_GROUPS.map((g) => (
            <optgroup key={g.kind} label={g.label}>
              {g.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {categoryOptionLabel(c)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Labeled>
      <Labeled id={id('title')} label="记录标题" required wide error={errors.title}>
        <input name="title" defaultValue={initial('title')} className={INPUT_CLASS} {...describe(id('title'), errors.title)} />
      </Labeled>
      <Labeled id={id('description')} label="记录内容" required wide hint="事实、依据和处理结果" error={errors.description}>
        <textarea name="description" rows={4} defaultValue={initial('description')} className={INPUT_CLASS} {...describe(id('description'), errors.description, true)} />
      </Labeled>
      <Labeled id={id('decisionNumber')} label="决定文号" required hint="如：琼建罚〔2026〕12号" error={errors.decisionNumber}>
        <input name="decisionNumber" defaultValue={initial('decisionNumber')} className={INPUT_CLASS} {...describe(id('decisionNumber'), errors.decisionNumber, true)} />
      </Labeled>
      <Labeled id={id('issuedBy')} label="实施机关" required error={errors.issuedBy}>
        <input name="issuedBy" defaultValue={initial('issuedBy')} className={INPUT_CLASS} {...describe(id('issuedBy'), errors.issuedBy)} />
      </Labeled>
      <Labeled id={id('decidedOn')} label="决定日期" required error={errors.decidedOn}>
        <input type="date" name="decidedOn" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} className={INPUT_CLASS} {...describe(id('decidedOn'), errors.decidedOn)} />
      </Labeled>
      {category?.kind === 'BAD' && (
        <Labeled id={id('penaltyLastDay')} label="处罚期限截止日" hint="限制、暂停等处罚的最后一天；公示期不短于处罚期。没有期限的处罚可不填" error={errors.penaltyLastDay}>
          <input
            type="date"
            name="penaltyLastDay"
            value={penaltyLastDay}
            onChange={(e) => setPenaltyLastDay(e.target.value)}
            className={INPUT_CLASS}
            {...describe(id('penaltyLastDay'), errors.penaltyLastDay, true)}
          />
        </Labeled>
      )}
      <Labeled id={id('publishFrom')} label="公示起始日" hint="留空即为决定日期" error={errors.publishFrom}>
        <input type="date" name="publishFrom" value={publishFrom} onChange={(e) => setPublishFrom(e.target.value)} className={INPUT_CLASS} {...describe(id('publishFrom'), errors.publishFrom, true)} />
      </Labeled>
      <div className="rounded border border-brand-100 bg-brand-50 p-3 sm:col-span-2" aria-live="polite">
        <p className="text-sm font-medium text-brand-900">保存后的公示期限</p>
        {preview.ready ? (
          <p className="mt-1">
            {preview.publishFrom} 至 {preview.lastPublicDay}（含）公示，计 {pointsText(preview.points)}
            {preview.extendedByPenalty && '；处罚期长于该类别的公示期，公示至处罚期满'}
          </p>
        ) : (
          <p className="mt-1 text-slate-600">{preview.missing}后显示</p>
        )}
      </div>
    </div>
  )
}

function useFormBasics(action: StaffServerAction) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, INITIAL_STAFF_FORM_STATE)
  const formRef = useRef<HTMLFormElement>(null)
  const guard = useUnsavedChangesGuard(formRef)
  useEffect(() => {
    if (state.status === 'ok') guard.markClean()
  }, [state, guard])
  return { state, formAction, pending, formRef }
}

/** 记录良好/不良行为: the subject by USCC or practising registration number, then the record. */
export function NewRecordForm({ action, csrfToken }: { action: StaffServerAction; csrfToken: string }) {
  const { state, formAction, pending, formRef } = useFormBasics(action)
  const prefix = useId()
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}
  return (
    <form ref={formRef} action={formAction} noValidate aria-label="记录良好或不良行为" className="space-y-4">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <FormStatus state={state} />
      <Labeled id={`${prefix}-subjectCode`} label="记录主体" required hint="企业填统一社会信用代码（18位），从业人员填执业注册编号" error={errors.subjectCode}>
        <input
          name="subjectCode"
          autoComplete="off"
          spellCheck={false}
          defaultValue={state.status === 'error' ? state.values?.subjectCode : undefined}
          className={`${INPUT_CLASS} font-mono`}
          {...describe(`${prefix}-subjectCode`, errors.subjectCode, true)}
        />
      </Labeled>
      <RecordFields state={state} idPrefix={prefix} />
      <button type="submit" disabled={pending} className={SUBMIT_CLASS}>
        {pending ? '正在保存…' : '保存记录'}
      </button>
    </form>
  )
}

/** 更正记录: the record's terms prefilled, the reason, and a confirmation. */
export function CorrectRecordForm({ action, csrfToken, recordId, defaults }: { action: StaffServerAction; csrfToken: string; recordId: string; defaults: RecordDefaults }) {
  const { state, formAction, pending, formRef } = useFormBasics(action)
  const prefix = useId()
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}
  return (
    <form ref={formRef} action={formAction} noValidate aria-label="更正记录" className="space-y-4">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <input type="hidden" name="id" value={recordId} />
      <FormStatus state={state} />
      <RecordFields state={state} defaults={defaults} idPrefix={prefix} />
      <Labeled id={`${prefix}-reason`} label="更正理由" required hint="记入审计日志" error={errors.reason}>
        <textarea name="reason" rows={2} defaultValue={state.status === 'error' ? state.values?.reason : undefined} className={INPUT_CLASS} {...describe(`${prefix}-reason`, errors.reason, true)} />
      </Labeled>
      <ConfirmBox id={`${prefix}-confirm`} label="我已核对更正后的内容，确认更正；该主体的信用等级将立即重算" error={errors.confirm} />
      <button type="submit" disabled={pending} className={SUBMIT_CLASS}>
        {pending ? '正在保存…' : '保存更正'}
      </button>
    </form>
  )
}

/** 撤销记录: a reason and a confirmation. */
export function WithdrawRecordForm({ action, csrfToken, recordId }: { action: StaffServerAction; csrfToken: string; recordId: string }) {
  const { state, formAction, pending, formRef } = useFormBasics(action)
  const prefix = useId()
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}
  return (
    <form ref={formRef} action={formAction} noValidate aria-label="撤销记录" className="space-y-4">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      <input type="hidden" name="id" value={recordId} />
      <FormStatus state={state} />
      <Labeled id={`${prefix}-reason`} label="撤销理由" required hint="记入审计日志；撤销后记录不再公示，也不再计分" error={errors.reason}>
        <textarea name="reason" rows={2} defaultValue={state.status === 'error' ? state.values?.reason : undefined} className={INPUT_CLASS} {...describe(`${prefix}-reason`, errors.reason, true)} />
      </Labeled>
      <ConfirmBox id={`${prefix}-confirm`} label="确认撤销此记录（不可恢复）" error={errors.confirm} />
      <button type="submit" disabled={pending} className={DANGER_CLASS}>
        {pending ? '正在撤销…' : '撤销记录'}
      </button>
    </form>
  )
}
