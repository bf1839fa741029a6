'use client'
// Personal data that staff see masked until they ask for it (a practitioner's ID number and phone,
// an applicant's contact phone). The server action behind the button records the view in the audit
// log and answers with the full values in its form state; they live only in this scope's state, so
// a reload shows the masks again. The pieces are separate so that a page can put the values where
// they belong (a row of its own list) and the button beside them:
//
//   <RevealScope action={…}>
//     <dl>… <dd><RevealedValue name="phone" masked={…} /></dd> …</dl>
//     <RevealControl csrfToken={…} target={{ id }} label="查看完整信息" hint="…会记入审计日志…" />
//   </RevealScope>
import { createContext, useActionState, useContext, useId, type ReactNode } from 'react'
import { CSRF_FIELD, INITIAL_STAFF_FORM_STATE, type StaffFormState } from '@web/lib/staff/form-state'

type Action = (previous: StaffFormState, formData: FormData) => Promise<StaffFormState>

interface Reveal {
  state: StaffFormState
  formAction: (formData: FormData) => void
  pending: boolean
  /** the full values, once the action answered */
  revealed: Record<string, string> | undefined
}

const RevealContext = createContext<Reveal | null>(null)

function useReveal(): Reveal {
  const reveal = useContext(RevealContext)
  if (!reveal) throw new Error('RevealedValue and RevealControl belong inside a RevealScope')
  return reveal
}

export function RevealScope({ action, children }: { action: Action; children: ReactNode }) {
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, INITIAL_STAFF_FORM_STATE)
  const revealed = state.status === 'ok' ? state.values : undefined
  return <RevealContext.Provider value={{ state, formAction, pending, revealed }}>{children}</RevealContext.Provider>
}

/** The full value once revealed, the masked one before; `empty` for a value not on record. */
export function RevealedValue({ name, masked, empty = '未登记' }: { name: string; masked: string; empty?: string }) {
  const { revealed } = useReveal()
  return <>{(revealed ? revealed[name] : masked) || empty}</>
}

/**
 * The button (gone once the values are shown), the hint saying the view is audited, and the
 * action's answer. `target` names the object in hidden fields, as the action's schema expects.
 */
export function RevealControl({ csrfToken, target, label, hint }: { csrfToken: string; target: Record<string, string>; label: string; hint: string }) {
  const { state, formAction, pending, revealed } = useReveal()
  const hintId = useId()
  return (
    <>
      {!revealed && (
        <form action={formAction}>
          <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
          {Object.entries(target).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button
            type="submit"
            disabled={pending}
            aria-describedby={hintId}
            className="rounded border border-brand-700 px-4 py-2 text-brand-800 hover:bg-brand-50 focus:outline-none focus:ring-2 focus:ring-brand-600 disabled:opacity-60"
          >
            {pending ? '正在读取…' : label}
          </button>
          <p id={hintId} className="mt-1 text-xs text-slate-500">
            {hint}
          </p>
        </form>
      )}
      {state.message && (
        <p role={state.status === 'error' ? 'alert' : 'status'} className={state.status === 'error' ? 'rounded bg-red-50 p-3 text-red-800' : 'text-sm text-slate-600'}>
          {state.message}
        </p>
      )}
    </>
  )
}
