// The instants of a span of China calendar dates. A period covers 00:00 Beijing time of its first
// day up to 00:00 Beijing time after its last (as china-year.ts does for years), so a calendar
// date stored as 00:00 UTC (08:00 Beijing) — the portal's convention — falls in the period of its
// own date, and so would one stored at 00:00 Beijing time.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 86_400_000

/** 00:00 Beijing time of an ISO date, as an instant. */
function chinaMidnight(isoDate: string): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - CHINA_OFFSET_MS)
}

/** [00:00 Beijing of from, 00:00 Beijing after to) */
export function chinaDateRange(from: string, to: string): { gte: Date; lt: Date } {
  return { gte: chinaMidnight(from), lt: new Date(chinaMidnight(to).getTime() + DAY_MS) }
}
