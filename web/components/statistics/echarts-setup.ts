// The parts of ECharts the statistics charts use, and nothing else: the core, bar and line
// charts, the plain cartesian grid and the SVG renderer (≈500 kB minified, ≈172 kB gzip; all of
// ECharts is ≈1.1 MB / 383 kB). No tooltips: the bars carry their values as labels and the
// tables hold every figure (tooltips and their axis pointer would add ≈16 kB gzip). Loaded on
// demand by useEChart, so the page and its tables never wait for it.
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridSimpleComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridSimpleComponent, SVGRenderer])

export { echarts }
