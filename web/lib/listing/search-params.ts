// Query strings for list links: the current filters plus what a link changes, without empty values,
// so a copied link reproduces the same view.
export type QueryValues = Record<string, string | number | undefined | null>

export function queryString(values: QueryValues, overrides: QueryValues = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...values, ...overrides })) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

/** Next's searchParams (string | string[] | undefined values) as plain strings; the last value wins. */
export function flattenSearchParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      if (value.length) out[key] = value[value.length - 1]
    } else if (value !== undefined) out[key] = value
  }
  return out
}
