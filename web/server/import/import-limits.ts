// How much one import file may hold. The web layer passes its settings; these defaults fit the
// issue's largest case (1,000,000 rows of enterprises is about 190 MB as UTF-8 CSV).

export interface ImportLimits {
  /** bytes of the uploaded file, counted as they stream in (a declared size is not trusted) */
  maxBytes: number
  /** data rows, blank rows not counted */
  maxRows: number
  /**
   * characters of one CSV record. A quote that is never closed makes the rest of the file one
   * record; this bounds what the parser buffers before giving up.
   */
  maxRecordChars: number
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxBytes: 256 * 1024 * 1024,
  maxRows: 1_000_000,
  maxRecordChars: 1_000_000,
})

export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...overrides }
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`import limit ${name} must be a positive integer, got ${value}`)
  }
  return limits
}

/** 256 MB, 1.5 KB: how the messages state a byte count. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`
  return `${n} 字节`
}
