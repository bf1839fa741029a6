'use client'
// This year to date against the same dates last year, per region, as paired horizontal bars (the
// public statistics' chart helpers; no legend component in the ECharts bundle, so the page draws
// the legend in HTML with the same colours). The table beside it holds every figure.
import { useMemo } from 'react'
import { TREND_COLORS } from '@web/components/statistics/chart-colors'
import { useEChart } from '@web/components/statistics/use-echart'

export interface YearComparisonBar {
  name: string
  current: number
  previous: number
}

const ROW_HEIGHT = 34

export function YearComparisonChart({ bars }: { bars: readonly YearComparisonBar[] }) {
  const option = useMemo(
    () => ({
      grid: { left: 4, right: 48, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 3, axisLabel: { color: '#4a5568' } },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name), axisTick: { show: false }, axisLabel: { color: '#1a1a1a', fontSize: 13 } },
      series: [
        { name: '本年', type: 'bar', data: bars.map((b) => b.current), itemStyle: { color: TREND_COLORS.current }, barMaxWidth: 12, label: { show: true, position: 'right', fontSize: 11 } },
        { name: '上年同期', type: 'bar', data: bars.map((b) => b.previous), itemStyle: { color: TREND_COLORS.previous }, barMaxWidth: 12, label: { show: true, position: 'right', fontSize: 11 } },
      ],
    }),
    [bars],
  )
  const ref = useEChart(option)
  return <div ref={ref} aria-hidden="true" className="w-full" style={{ height: bars.length * ROW_HEIGHT + 48 }} />
}
