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

const amountFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 })

/** 万元 amounts: 12345.6 → '12,345.6 万元' */
export function formatAmount(value: number): string {
  return `${amountFormat.format(value)} 万元`
}

/** m² areas: 12345.67 → '12,345.67 平方米' */
export function formatArea(value: number): string {
  return `${amountFormat.format(value)} 平方米`
}
