// Conversions from database values to the plain JSON the pages and the API publish. Calendar
// dates are stored as UTC midnight of the date, so their ISO date is the first ten characters.
type DecimalLike = { toString(): string }

export function isoDate(value: Date): string
export function isoDate(value: Date | null | undefined): string | null
export function isoDate(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null
}

/** 万元 amounts: a number with at most two decimals (the registers never record finer). */
export function amount(value: DecimalLike): number
export function amount(value: DecimalLike | null | undefined): number | null
export function amount(value: DecimalLike | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value.toString()) * 100) / 100
}
