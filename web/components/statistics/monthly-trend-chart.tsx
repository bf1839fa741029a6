'use client'
// The month-by-month count of a year against the year before, as two lines. Months that have not
// begun are gaps, not zeros.
import { useMemo } from 'react'
import { TREND_COLORS } from './chart-colors'
import { useEChart } from './use-echart'

export function MonthlyTrendChart({
  current,
  previous,
  currentName,
  previousName,
}: {
  current: readonly (number | null)[]
  previous: readonly number[]
  currentName: string
  previousName: string
}) {
  const option = useMemo(
    () => ({
      grid: { left: 4, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: current.map((_, i) => `${i + 1}月`),
        axisTick: { alignWithLabel: true },
        axisLabel: { color: '#4a5568', interval: 'auto' },
      },
      yAxis: { type: 'value', minInterval: 1, splitNumber: 4, axisLabel: { color: '#4a5568' } },
      series: [
        {
          name: previousName,
          type: 'line',
          data: [...previous],
          itemStyle: { color: TREND_COLORS.previous },
          lineStyle: { type: 'dashed', width: 2 },
          symbol: 'emptyCircle',
        },
        {
          name: currentName,
          type: 'line',
          data: [...current],
          itemStyle: { color: TREND_COLORS.current },
          lineStyle: { width: 3 },
          symbol: 'circle',
          symbolSize: 6,
        },
      ],
    }),
    [current, previous, currentName, previousName],
  )
  const ref = useEChart(option)
  return <div ref={ref} aria-hidden="true" className="h-64 w-full sm:h-80" />
}
