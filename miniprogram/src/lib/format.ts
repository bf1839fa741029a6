// Dates and times as inspectors read them: China Standard Time (UTC+8, no daylight saving),
// whatever time zone the phone is set to, like everything else on the platform.

const CHINA_OFFSET_MS = 8 * 3600 * 1000

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function chinaParts(instant: Date) {
  const t = new Date(instant.getTime() + CHINA_OFFSET_MS)
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  }
}

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** 'YYYY-MM-DD' of an instant in China time. */
export function chinaDate(value: string | Date): string {
  const d = toDate(value)
  if (!d) return ''
  const p = chinaParts(d)
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`
}

/**
 * "2025-03-01 14:03:22" in China time; "今天 14:03:22" when `now` is given and it is the same
 * China day. An unparsable value comes back as it was.
 */
export function formatDateTime(value: string | Date, now?: Date): string {
  const d = toDate(value)
  if (!d) return String(value)
  const p = chinaParts(d)
  const time = `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
  const day = `${p.y}-${pad(p.mo)}-${pad(p.d)}`
  if (now && chinaDate(now) === day) return `今天 ${time}`
  return `${day} ${time}`
}

/** "18650.5 万元" style number without float noise. */
export function formatNumber(n: number, maxFractionDigits = 2): string {
  if (!Number.isFinite(n)) return ''
  const factor = 10 ** maxFractionDigits
  return String(Math.round(n * factor) / factor)
}

/** How long ago, coarsely: "刚刚", "5 分钟前", "3 小时前", "3 天前" (a time ahead of now reads 刚刚). */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  if (!Number.isFinite(ms) || minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟前`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} 小时前`
  return `${Math.floor(hours / 24)} 天前`
}
