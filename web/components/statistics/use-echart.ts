'use client'
// Draws an ECharts option into a div once ECharts has loaded, redraws when the div's size
// changes (a phone turned sideways) and cleans up on unmount. Animation is off for readers who
// ask for reduced motion.
import { useEffect, useRef } from 'react'
import type { EChartsCoreOption } from 'echarts/core'

export const CHART_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'

export function useEChart<T extends HTMLElement = HTMLDivElement>(option: EChartsCoreOption) {
  const ref = useRef<T>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    let cancelled = false
    let cleanup = () => {}
    import('./echarts-setup')
      .then(({ echarts }) => {
        if (cancelled) return
        const chart = echarts.init(element, null, { renderer: 'svg' })
        const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
        chart.setOption({ textStyle: { fontFamily: CHART_FONT }, ...option, animation: !reducedMotion })
        const observer = new ResizeObserver(() => chart.resize())
        observer.observe(element)
        cleanup = () => {
          observer.disconnect()
          chart.dispose()
        }
      })
      .catch((error: unknown) => console.error('[statistics] the chart could not be drawn', error))
    return () => {
      cancelled = true
      cleanup()
    }
  }, [option])
  return ref
}
