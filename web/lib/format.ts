// Number and date formats of the Chinese UI.
const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 })

/** 1234567 → '1,234,567' */
export function formatCount(value: number): string {
  return countFormat.format(value)
}

const chinaDateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
})

/** An instant as its China calendar date, e.g. '2026年11月24日'. */
export function formatChinaDate(instant: Date): string {
  return chinaDateFormat.format(instant)
}
