'use client'
// A back-office form described by its fields: labels on every field, the error under the field it
// belongs to (aria-invalid + aria-describedby), the form-level message in a live region, pickers
// for enterprises (by USCC or name) and for practitioners registered with the chosen enterprise,
// and the unsaved-changes warning. Posts to a server action built with staffAction.
import { useActionState, useEffect, useId, useRef, useState } from 'react'
import { CSRF_FIELD, INITIAL_STAFF_FORM_STATE, type StaffFormState } from '@web/lib/staff/form-state'
import { useUnsavedChangesGuard } from './unsaved-changes-guard'

export type FieldSpec =
  | { kind: 'text' | 'date' | 'number' | 'textarea'; name: string; label: string; required?: boolean; hint?: string; defaultValue?: string; step?: string }
  | { kind: 'select'; name: string; label: string; required?: boolean; hint?: string; defaultValue?: string; options: { value: string; label: string }[] }
  | { kind: 'hidden'; name: string; value: string }
  | { kind: 'checkbox'; name: string; label: string; required?: boolean; hint?: string }
  | { kind: 'enterprise'; name: string; label: string; required?: boolean; hint?: string; defaultValue?: string; enterpriseType?: string }
  | { kind: 'practitioner'; name: string; label: string; required?: boolean; hint?: string; defaultValue?: string; enterpriseField: string; registrationKind: 'manager' | 'chief' }

const inputClass =
  'mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/40 aria-[invalid=true]:border-red-600'

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms)
    return () => clearTimeout(id)
  }, [value, ms])
  return v
}

function EnterpriseInput({ id, name, defaultValue, enterpriseType, describedBy, invalid, required, onValue }: {
  id: string; name: string; defaultValue?: string; enterpriseType?: string; describedBy: string; invalid: boolean; required?: boolean; onValue(v: string): void
}) {
  const [value, setValue] = useState(defaultValue ?? '')
  const [options, setOptions] = useState<{ uscc: string; name: string }[]>([])
  const q = useDebounced(value, 250)
  useEffect(() => {
    if (q.trim().length < 2) return
    const ctrl = new AbortController()
    const params = new URLSearchParams({ kind: 'enterprises', q })
    if (enterpriseType) params.set('type', enterpriseType)
    fetch(`/admin/api/lookup?${params}`, { signal: ctrl.signal, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .then((body: { items: { uscc: string; name: string }[] }) => setOptions(body.items))
      .catch(() => {})
    return () => ctrl.abort()
  }, [q, enterpriseType])
  const listId = `${id}-options`
  return (
    <>
      <input
        id={id}
        name={name}
        value={value}
        list={listId}
        autoComplete="off"
        required={required}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className={inputClass}
        onChange={(e) => {
          // choosing "USCC 名称" from the list keeps the USCC only
          const v = e.target.value.split(' ')[0]
          setValue(v)
          onValue(v)
        }}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.uscc} value={`${o.uscc} ${o.name}`} />
        ))}
      </datalist>
    </>
  )
}

function PractitionerSelect({ id, name, defaultValue, enterpriseUscc, registrationKind, describedBy, invalid, required }: {
  id: string; name: string; defaultValue?: string; enterpriseUscc: string; registrationKind: 'manager' | 'chief'; describedBy: string; invalid: boolean; required?: boolean
}) {
  const [people, setPeople] = useState<{ personId: string; name: string; registrationNumber: string }[]>([])
  const uscc = useDebounced(enterpriseUscc.trim(), 250)
  useEffect(() => {
    if (uscc.length !== 18) {
      setPeople([])
      return
    }
    const ctrl = new AbortController()
    fetch(`/admin/api/lookup?${new URLSearchParams({ kind: 'practitioners', uscc, role: registrationKind })}`, { signal: ctrl.signal, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .then((body: { items: typeof people }) => setPeople(body.items))
      .catch(() => {})
    return () => ctrl.abort()
  }, [uscc, registrationKind])
  return (
    // the people arrive after the first render: mounted again with them, so a prefilled choice is selected
    <select key={`${defaultValue ?? ''}|${people.map((p) => p.personId).join()}`} id={id} name={name} defaultValue={defaultValue ?? ''} required={required} aria-invalid={invalid} aria-describedby={describedBy} className={inputClass}>
      <option value="">{uscc.length === 18 ? (people.length ? '请选择' : '该企业没有有效注册的人员') : '请先填写企业统一社会信用代码'}</option>
      {people.map((p) => (
        <option key={p.personId} value={p.personId}>
          {p.name}（{p.registrationNumber}）
        </option>
      ))}
    </select>
  )
}

export type StaffServerAction = (previous: StaffFormState, formData: FormData) => Promise<StaffFormState>

export function StaffForm({ action, csrfToken, fields, submitLabel, title }: {
  action: StaffServerAction
  csrfToken: string
  fields: FieldSpec[]
  submitLabel: string
  title?: string
}) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, INITIAL_STAFF_FORM_STATE)
  const formRef = useRef<HTMLFormElement>(null)
  const guard = useUnsavedChangesGuard(formRef)
  const baseId = useId()
  const [enterpriseValues, setEnterpriseValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.filter((f) => f.kind === 'enterprise').map((f) => [f.name, (f as { defaultValue?: string }).defaultValue ?? ''])),
  )
  useEffect(() => {
    if (state.status === 'ok') guard.markClean()
  }, [state, guard])
  const errors = state.fieldErrors ?? {}
  const formError = errors.form ?? errors._form
  return (
    <form ref={formRef} action={formAction} className="space-y-4" noValidate aria-label={title}>
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      {state.message && (
        <p role={state.status === 'error' ? 'alert' : 'status'} className={state.status === 'error' ? 'rounded bg-red-50 p-3 text-red-800' : 'rounded bg-green-50 p-3 text-green-800'}>
          {state.message}
          {formError ? `：${formError}` : ''}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => {
          if (f.kind === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={f.value} />
          const id = `${baseId}-${f.name}`
          const errorId = `${id}-error`
          const hintId = `${id}-hint`
          const error = errors[f.name]
          const describedBy = [f.hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ')
          const previous = state.status === 'error' ? state.values?.[f.name] : undefined
          const defaultValue = previous ?? ('defaultValue' in f ? f.defaultValue : undefined)
          let control
          if (f.kind === 'checkbox') {
            return (
              <div key={f.name} className="sm:col-span-2">
                <label htmlFor={id} className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
                  <input id={id} type="checkbox" name={f.name} value="yes" required={f.required} aria-invalid={!!error} aria-describedby={error ? errorId : undefined} className="h-4 w-4" />
                  {f.label}
                </label>
                {error && (
                  <p id={errorId} className="mt-1 text-sm text-red-700">
                    {error}
                  </p>
                )}
              </div>
            )
          }
          if (f.kind === 'select') {
            control = (
              <select id={id} name={f.name} defaultValue={defaultValue ?? ''} required={f.required} aria-invalid={!!error} aria-describedby={describedBy} className={inputClass}>
                <option value="">请选择</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )
          } else if (f.kind === 'textarea') {
            control = <textarea id={id} name={f.name} defaultValue={defaultValue} required={f.required} aria-invalid={!!error} aria-describedby={describedBy} className={inputClass} rows={3} />
          } else if (f.kind === 'enterprise') {
            control = (
              <EnterpriseInput
                id={id}
                name={f.name}
                defaultValue={defaultValue}
                enterpriseType={f.enterpriseType}
                describedBy={describedBy}
                invalid={!!error}
                required={f.required}
                onValue={(v) => setEnterpriseValues((prev) => ({ ...prev, [f.name]: v }))}
              />
            )
          } else if (f.kind === 'practitioner') {
            control = (
              <PractitionerSelect
                id={id}
                name={f.name}
                defaultValue={defaultValue}
                enterpriseUscc={enterpriseValues[f.enterpriseField] ?? ''}
                registrationKind={f.registrationKind}
                describedBy={describedBy}
                invalid={!!error}
                required={f.required}
              />
            )
          } else {
            control = (
              <input
                id={id}
                name={f.name}
                type={f.kind === 'number' ? 'text' : f.kind}
                inputMode={f.kind === 'number' ? 'decimal' : undefined}
                defaultValue={defaultValue}
                required={f.required}
                aria-invalid={!!error}
                aria-describedby={describedBy}
                className={inputClass}
              />
            )
          }
          return (
            <div key={f.name} className={f.kind === 'textarea' ? 'sm:col-span-2' : undefined}>
              <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                {f.label}
                {f.required && <span className="text-red-700"> *</span>}
              </label>
              {control}
              {f.hint && (
                <p id={hintId} className="mt-1 text-xs text-slate-500">
                  {f.hint}
                </p>
              )}
              {error && (
                <p id={errorId} className="mt-1 text-sm text-red-700">
                  {error}
                </p>
              )}
            </div>
          )
        })}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 disabled:opacity-60">
        {pending ? '正在提交…' : submitLabel}
      </button>
    </form>
  )
}
