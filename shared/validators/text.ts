// One rule for control characters in what people submit: C0 controls other than tab, line feed
// and carriage return (NUL among them) and DEL. No name, number, code or sentence anyone means to
// store holds one, PostgreSQL's text type cannot hold U+0000 at all (binding it fails with 22021
// instead of matching nothing), and the others are invisible in every page and export. So a value
// holding one is refused with the field's message wherever it enters — a staff form, the bulk
// import and the exchange API (one cell rule, shared/import/normalize-cell.ts), the public API's
// parameters — and a key holding one names no row.
import { z } from 'zod'

const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** True when `value` holds a control character (tab, line feed and carriage return excepted). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value)
}

/** The message naming the field. */
export function controlCharacterMessage(label: string): string {
  return `${label}不能包含不可见的控制字符，请删除后重新填写`
}

/** A string schema that refuses control characters with the field's message (first, before any other check). */
export function plainString(label: string, required = `请填写${label}`) {
  return z.string({ error: required }).refine((s) => !hasControlCharacter(s), { error: controlCharacterMessage(label), abort: true })
}
