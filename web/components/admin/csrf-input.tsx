// The hidden CSRF field with a token already in hand: safe to import from client components
// (csrf-field.tsx's <CsrfField /> reads the session and is server-only).
import { CSRF_FIELD } from '@web/lib/staff/form-state'

export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />
}
