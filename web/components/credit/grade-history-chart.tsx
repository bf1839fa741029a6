'use client'
// A subject's stored credit score over time as a step line (a snapshot's score holds until the
// next one), each point labelled with its grade where the grade changes. ECharts is loaded on
// demand (useEChart); the table beside it holds every figure for readers without the chart.
import { useMemo } from 'react'
import { TREND_COLORS } from '../statistics/chart-colors'
import { useEChart } from '../statistics/use-echart'

export interface HistoryPoint {
  asOf: string
  score: number
  grade: string
}

export function GradeHistoryChart({ points }: { points: readonly HistoryPoint[] }) {
  const option = useMemo(
    () => ({
      grid: { left: 4, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: points.map((p) => p.asOf),
        axisTick: { alignWithLabel: true },
        axisLabel: { color: '#4a5568', interval: 'auto', hideOverlap: true },
      },
      yAxis: { type: 'value', scale: true, splitNumber: 4, axisLabel: { color: '#4a5568' } },
      series: [
        {
          name: '信用分',
          type: 'line',
          step: 'end',
          data: points.map((p, i) => ({
            value: p.score,
            label: { show: i === 0 || points[i - 1].grade !== p.grade, formatter: p.grade, position: 'top', color: '#082b66', fontWeight: 'bold' },
          })),
          itemStyle: { color: TREND_COLORS.current },
          lineStyle: { width: 3 },
          symbol: 'circle',
          symbolSize: 6,
        },
      ],
    }),
    [points],
  )
  const ref = useEChart(option)
  return <div ref={ref} aria-hidden="true" className="h-56 w-full sm:h-72" />
}
