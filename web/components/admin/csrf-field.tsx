// The hidden field that carries the session's CSRF token in every back-office form (checked by
// web/lib/staff/staff-action.ts). <CsrfField /> reads the token itself (a server component: put
// it in server-rendered forms, or pass it as children into a client form); <CsrfInput token=… />
// is for client components that got the token as a prop.
import { CSRF_FIELD } from '@web/lib/staff/form-state'
import { currentCsrfToken } from '@web/lib/staff/session'

export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />
}

export async function CsrfField() {
  return <CsrfInput token={await currentCsrfToken()} />
}
