// PostgreSQL's text type cannot hold U+0000: a query that binds a string with it fails ("invalid
// byte sequence for encoding UTF8: 0x00") instead of matching nothing. Input that reaches a query
// is checked first, so such a value is an unknown key or a refused parameter, never a 500. The rule
// itself is shared/validators/text.ts (the forms, the import and the exchange API use it too).
import { hasControlCharacter } from '@shared/validators/text'

export { hasControlCharacter }

/**
 * A key from a URL or a form (an id, a serial, a tracking number) that can name a row: one with a
 * control character names none, so a lookup answers "not found" without asking the database.
 */
export function isLookupKey(key: string): boolean {
  return !hasControlCharacter(key)
}
