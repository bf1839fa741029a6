// Staff input is parsed in the use case too, not only by the form's server action: the bulk import
// and the exchange API call the same use cases, and a schema's failure must reach each of them as
// field errors (InputError), not as a ZodError.
import type { z } from 'zod'
import { InputError } from '@web/server/lib/errors'

/** Parses `input` with `schema`; throws InputError with the first message per field. */
export function parseStaffInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const fields: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form'
    fields[key] ??= issue.message
  }
  throw new InputError(fields)
}

/** 00:00 UTC of a calendar day, how every date column stores its day. */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`)
}

/** The fields whose values differ between two flat objects, as { before, after } for the audit log. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {}
  const a: Partial<T> = {}
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined) continue
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue
    b[key] = before[key]
    a[key] = after[key]
  }
  return { before: b, after: a }
}
