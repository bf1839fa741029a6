// The dashboard views rendered to HTML: the lagging mark with its reason, the own row, the queue.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LAG_RULE, describeLagRule } from '@web/server/dashboard/lag-rule'
import type { OfficerDashboard, PeriodCounts, ProvinceTable } from '@web/server/dashboard/dashboard-schemas'
import { OfficerDashboardView } from './officer-dashboard'
import { ProvinceTableView } from './province-table-view'

const counts = (month: number, year: number, yearLastYear: number): PeriodCounts => ({
  month,
  monthLastYear: 0,
  monthChange: month,
  monthChangePercent: null,
  year,
  yearLastYear,
  yearChange: year - yearLastYear,
  yearChangePercent: yearLastYear ? Math.round(((year - yearLastYear) / yearLastYear) * 1000) / 10 : null,
})

describe('ProvinceTableView', () => {
  const table: ProvinceTable = {
    asOf: '2026-06-15',
    monthLabel: '2026年6月1日至15日',
    monthPreviousLabel: '2025年6月1日至15日',
    yearLabel: '2026年1月1日至6月15日',
    yearPreviousLabel: '2025年1月1日至6月15日',
    rule: DEFAULT_LAG_RULE,
    ruleText: describeLagRule(DEFAULT_LAG_RULE),
    rows: [
      { regionCode: '460100', regionName: '海口市', permits: counts(2, 3, 1), completionFilings: counts(0, 1, 0), lagReasons: [], lagging: false, own: true },
      { regionCode: '460200', regionName: '三亚市', permits: counts(1, 1, 3), completionFilings: counts(0, 0, 0), lagReasons: ['本年施工许可比上年同期下降超过 20%'], lagging: true, own: false },
    ],
    total: { permits: counts(3, 4, 4), completionFilings: counts(0, 1, 0) },
  }
  const html = renderToStaticMarkup(createElement(ProvinceTableView, { table }))

  it('marks the lagging region with its reason and highlights the own one', () => {
    expect(html).toContain('<strong>落后</strong>：本年施工许可比上年同期下降超过 20%')
    expect(html).toMatch(/<tr[^>]*aria-current="true"[^>]*>.*?海口市<span[^>]*>（本地区）/)
    expect(html).toContain('全省合计')
    expect(html).toContain('−66.7%')
  })
})

describe('OfficerDashboardView', () => {
  const dashboard: OfficerDashboard = {
    asOf: '2026-06-15',
    regions: ['460100'],
    waiting: {
      byStage: [
        { stage: 'CONTRACT_FILING', stageLabel: '合同备案', count: 1 },
        { stage: 'DRAWING_REVIEW', stageLabel: '施工图审查', count: 0 },
        { stage: 'SUPERVISION_FILING', stageLabel: '质量安全报监', count: 0 },
        { stage: 'CONSTRUCTION_PERMIT', stageLabel: '施工许可', count: 0 },
      ],
      oldest: [{ projectCode: '2026-460100-47-01-000001', name: '某项目', regionCode: '460100', stage: 'CONTRACT_FILING', stageLabel: '合同备案', since: '2026-01-05', days: 161 }],
    },
    permitsDue: { count: 0, oldest: [] },
    objections: { count: 2, oldestSubmittedOn: '2026-06-01', oldestDays: 14 },
    counts: { monthLabel: '2026年6月1日至15日', yearLabel: '2026年1月1日至6月15日', permits: counts(2, 3, 1), completionFilings: counts(0, 1, 0) },
  }
  const html = renderToStaticMarkup(createElement(OfficerDashboardView, { dashboard, regionLabel: '海口市' }))

  it('shows the queue, the permits due, the objections and the counts', () => {
    expect(html).toContain('海口市网上办理情况')
    expect(html).toContain('待办理的下一环节（1 个项目）')
    expect(html).toContain('href="/projects/2026-460100-47-01-000001"')
    expect(html).toContain('161')
    expect(html).toContain('应办理竣工验收备案的施工许可（0 件）')
    expect(html).toContain('最早一件提交于 2026-06-01（已 14 天）')
  })
})
