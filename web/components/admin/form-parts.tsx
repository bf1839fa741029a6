// Pieces of the back-office forms: the form-level message (announced) and a field with its label,
// hint and error, wired for screen readers the way the public objection form is.
import type { InputHTMLAttributes, ReactNode } from 'react'
import type { StaffFormState } from '@web/lib/staff/form-state'

export const CONTROL = 'mt-1 block w-full rounded border bg-white px-3 py-2 text-base'
export const PRIMARY_BUTTON = 'rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60'
export const SECONDARY_BUTTON = 'rounded border border-line bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60'

export function FormMessage({ state }: { state: StaffFormState }) {
  if (!state.message) return null
  if (state.status === 'ok') {
    return (
      <div role="status" className="border-l-4 border-brand-700 bg-brand-50 px-4 py-3">
        <p className="font-medium whitespace-pre-line">{state.message}</p>
      </div>
    )
  }
  return (
    <div role="alert" className="border-l-4 border-seal bg-red-50 px-4 py-3">
      <p className="font-bold text-seal-dark">{state.message}</p>
      {state.fieldErrors?._form && <p className="mt-1">{state.fieldErrors._form}</p>}
    </div>
  )
}

export function Field({
  name,
  label,
  hint,
  state,
  children,
  ...input
}: { name: string; label: string; hint?: ReactNode; state: StaffFormState; children?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const error = state.fieldErrors?.[name]
  const describedBy = [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined
  return (
    <div>
      <label htmlFor={name} className="font-medium">
        {label}
      </label>
      {children ?? (
        <input
          id={name}
          name={name}
          defaultValue={state.values?.[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${CONTROL} ${error ? 'border-seal' : 'border-line'}`}
          {...input}
        />
      )}
      {hint && (
        <p id={`${name}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="mt-1 font-medium text-seal-dark">
          {error}
        </p>
      )}
    </div>
  )
}
