// PostgreSQL's text type cannot hold U+0000: a query that binds a string with it fails ("invalid
// byte sequence for encoding UTF8: 0x00") instead of matching nothing. Input that reaches a query
// is checked here first, so such a value is an unknown key or a refused parameter, never a 500.

/** C0 control characters other than tab, line feed and carriage return; NUL among them. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** True when `value` holds a control character no stored key or search term contains. */
export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value)
}
