import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { PROJECT_CATEGORY_LABELS, STAGE_STATUSES, STAGE_STATUS_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import type { FilterField } from '@web/components/list/filter-form'
import { FilteredList, type SearchParams } from '@web/components/list/filtered-list'
import { ListLoading } from '@web/components/list/list-summary'
import { RecordItem } from '@web/components/list/record-list'
import { StageStatusBadge } from '@web/components/list/stage-status-badge'
import { formatAmount, formatArea } from '@web/lib/format'
import { categoryOptions, FIRST_YEAR, regionOptions } from '@web/lib/listing/filter-options'
import { completionFilingListQuerySchema } from '@web/server/completion-filings/completion-filing-queries'
import { getDb } from '@web/lib/db'
import { listCompletionFilings } from '@web/server/completion-filings/list-completion-filings'

export const metadata: Metadata = {
  title: '竣工验收备案公开',
  description: '海南省房屋建筑和市政基础设施工程竣工验收备案公开信息：按备案编号、工程名称、项目编码、建设单位或施工单位查询，按市县、年份、工程类别筛选，可导出。',
  alternates: { types: { 'application/rss+xml': [{ url: '/feeds/completion-filings.xml', title: '竣工验收备案（RSS）' }] } },
}

const fields = (thisYear: number): FilterField[] => [
  { kind: 'search', name: 'q', label: '关键词', placeholder: '备案编号、工程名称、项目编码、建设单位或施工单位' },
  { kind: 'select', name: 'region', label: '市县', options: regionOptions, allLabel: '全省' },
  { kind: 'year', name: 'year', label: '备案年份', from: FIRST_YEAR, to: thisYear },
  { kind: 'select', name: 'category', label: '工程类别', options: categoryOptions },
  { kind: 'select', name: 'status', label: '状态', options: STAGE_STATUSES.map((s) => ({ value: s, label: STAGE_STATUS_LABELS[s] })) },
  { kind: 'date', name: 'from', label: '备案日期起' },
  { kind: 'date', name: 'to', label: '备案日期止' },
]

export default function CompletionFilingsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '竣工验收备案' }]} />
      <h1 className="text-2xl font-bold text-brand-900">竣工验收备案公开</h1>
      <p className="mt-2 text-muted">全省各级住房和城乡建设主管部门办理的房屋建筑和市政基础设施工程竣工验收备案，按备案日期由近及远排列。</p>
      <Suspense fallback={<ListLoading />}>
        <FilteredList
          searchParams={searchParams}
          schema={completionFilingListQuerySchema}
          basePath="/completion-filings"
          exportPath="/api/v1/completion-filings/export"
          fields={() => fields(new Date().getUTCFullYear())}
          listLabel="竣工验收备案列表"
          load={(query) => listCompletionFilings(getDb(), query)}
          renderItem={(f) => (
            <RecordItem
              key={f.filingNumber}
              title={<Link href={`/completion-filings/${f.filingNumber}` as Route}>{f.projectName}</Link>}
              badge={<StageStatusBadge status={f.status} />}
              facts={[
                { label: '备案编号', value: <span className="tabular-nums">{f.filingNumber}</span> },
                { label: '备案日期', value: f.filedOn },
                { label: '竣工验收日期', value: f.acceptedOn },
                { label: '市县', value: f.regionName },
                { label: '建设单位', value: f.ownerName },
                ...(f.contractors.length ? [{ label: '施工单位', value: f.contractors.map((c) => c.name).join('、') }] : []),
                { label: '工程类别', value: PROJECT_CATEGORY_LABELS[f.category] },
                { label: '实际造价', value: formatAmount(f.actualCost) },
                ...(f.actualArea !== null ? [{ label: '实际建筑面积', value: formatArea(f.actualArea) }] : []),
              ]}
            />
          )}
        />
      </Suspense>
    </>
  )
}
