// The export cursor: opaque to callers, it names the last audit-log entry whose changes an export
// has sent (everything up to and including that seq). A version field lets a later format be told
// apart from this one instead of being misread.
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding'
import { z } from 'zod'

const cursorSchema = z.object({ v: z.literal(1), seq: z.number().int().nonnegative() }).strict()

export class MinistryCursorError extends Error {
  constructor() {
    super('导出游标无效：请使用上一次导出给出的游标')
    this.name = 'MinistryCursorError'
  }
}

export function encodeMinistryCursor(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`audit seq must be a non-negative integer, got ${seq}`)
  return encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify({ v: 1, seq })))
}

/** The audit seq the cursor names; MinistryCursorError for anything this code did not make. */
export function decodeMinistryCursor(cursor: string): number {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new MinistryCursorError()
    const json = new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64urlIgnorePadding(cursor))
    const parsed = cursorSchema.safeParse(JSON.parse(json))
    if (!parsed.success) throw new MinistryCursorError()
    return parsed.data.seq
  } catch {
    throw new MinistryCursorError()
  }
}
