// Number formats of the statistics tables: the unit is in the column header, the cell holds the
// number only.
const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 })
const twoDecimals = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const oneDecimal = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

export const formatInteger = (n: number) => integer.format(n)
export const formatArea = (n: number) => integer.format(Math.round(n))
export const formatWanYuan = (n: number) => twoDecimals.format(n)

/** +12, −3, 0 (a true minus sign, as printed tables use) */
export function formatChange(n: number): string {
  if (n > 0) return `+${integer.format(n)}`
  if (n < 0) return `−${integer.format(-n)}`
  return '0'
}

/** +12.5%, −3.0%, or — when there is nothing to compare with */
export function formatChangePercent(p: number | null): string {
  if (p === null) return '—'
  if (p > 0) return `+${oneDecimal.format(p)}%`
  if (p < 0) return `−${oneDecimal.format(-p)}%`
  return '0.0%'
}

/** A sentence fragment: 增加 12 件（+5.0%） / 减少 3 件（−2.0%） / 持平 */
export function describeChange(change: number, percent: number | null, unit: string): string {
  if (change === 0) return '持平'
  const word = change > 0 ? '增加' : '减少'
  return `${word} ${integer.format(Math.abs(change))} ${unit}${percent === null ? '' : `（${formatChangePercent(percent)}）`}`
}
