'use client'
// Permits (or filings) per city/county as horizontal bars, largest first: region names stay
// legible on a 360 px phone, where vertical bars would need slanted labels.
import { useMemo } from 'react'
import { BAR_COLOR } from './chart-colors'
import { useEChart } from './use-echart'

export interface RegionBar {
  name: string
  value: number
}

const BAR_HEIGHT = 22

export function RegionBarChart({ bars, seriesName }: { bars: readonly RegionBar[]; seriesName: string }) {
  const sorted = useMemo(() => [...bars].sort((a, b) => b.value - a.value), [bars])
  const option = useMemo(
    () => ({
      grid: { left: 4, right: 48, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 3, axisLabel: { color: '#4a5568' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: sorted.map((b) => b.name),
        axisTick: { show: false },
        axisLabel: { color: '#1a1a1a', fontSize: 13 },
      },
      series: [
        {
          name: seriesName,
          type: 'bar',
          data: sorted.map((b) => b.value),
          itemStyle: { color: BAR_COLOR },
          barMaxWidth: 16,
          label: { show: true, position: 'right', color: '#1a1a1a', fontSize: 12 },
        },
      ],
    }),
    [sorted, seriesName],
  )
  const ref = useEChart(option)
  return <div ref={ref} aria-hidden="true" className="w-full" style={{ height: sorted.length * BAR_HEIGHT + 48 }} />
}
