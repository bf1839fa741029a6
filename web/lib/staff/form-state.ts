// What a back-office server action hands back to its form (web/lib/staff/staff-action.ts): kept
// apart from the action wrapper so that client components can import it without pulling server
// code into the browser bundle.
export interface StaffFormState {
  status: 'idle' | 'error' | 'ok'
  /** a form-level message (success or refusal), Chinese */
  message?: string
  /** a Chinese message per field name that is wrong */
  fieldErrors?: Record<string, string>
  /** the fields as submitted (passwords, codes and the CSRF token left out), to fill the form again */
  values?: Record<string, string>
}

export const INITIAL_STAFF_FORM_STATE: StaffFormState = { status: 'idle' }

/** The hidden field that carries the session's CSRF token. */
export const CSRF_FIELD = 'csrfToken'
