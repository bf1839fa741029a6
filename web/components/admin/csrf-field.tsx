// The hidden field that carries the session's CSRF token in every back-office form (checked by
// web/lib/staff/staff-action.ts). <CsrfField /> reads the token itself: a server component, for
// server-rendered forms or passed as children into a client form. Client components that got the
// token as a prop use <CsrfInput token=… /> from ./csrf-input (this module reads the session and
// must not reach the browser bundle).
import { currentCsrfToken } from '@web/lib/staff/session'
import { CsrfInput } from './csrf-input'

export { CsrfInput }

export async function CsrfField() {
  return <CsrfInput token={await currentCsrfToken()} />
}
