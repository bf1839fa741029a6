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
import { permitListQuerySchema } from '@web/server/permits/permit-queries'
import { getDb } from '@web/lib/db'
import { listPermits } from '@web/server/permits/list-permits'

export const metadata: Metadata = {
  title: '施工许可公开',
  description: '海南省建筑工程施工许可证公开信息：按编号、工程名称、施工单位查询，按市县、年份、工程类别筛选，可导出。',
  alternates: { types: { 'application/rss+xml': [{ url: '/feeds/permits.xml', title: '施工许可（RSS）' }] } },
}

const fields = (thisYear: number): FilterField[] => [
  { kind: 'search', name: 'q', label: '关键词', placeholder: '许可证编号、工程名称、项目编码或施工单位' },
  { kind: 'select', name: 'region', label: '市县', options: regionOptions, allLabel: '全省' },
  { kind: 'year', name: 'year', label: '发证年份', from: FIRST_YEAR, to: thisYear },
  { kind: 'select', name: 'category', label: '工程类别', options: categoryOptions },
  { kind: 'select', name: 'status', label: '状态', options: STAGE_STATUSES.map((s) => ({ value: s, label: STAGE_STATUS_LABELS[s] })) },
  { kind: 'date', name: 'from', label: '发证日期起' },
  { kind: 'date', name: 'to', label: '发证日期止' },
]

export default function PermitsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '施工许可' }]} />
      <h1 className="text-2xl font-bold text-brand-900">施工许可公开</h1>
      <p className="mt-2 text-muted">全省各级住房和城乡建设主管部门核发的建筑工程施工许可证，按发证日期由近及远排列。</p>
      <Suspense fallback={<ListLoading />}>
        <FilteredList
          searchParams={searchParams}
          schema={permitListQuerySchema}
          basePath="/permits"
          exportPath="/api/v1/permits/export"
          fields={() => fields(new Date().getUTCFullYear())}
          listLabel="施工许可证列表"
          load={(query) => listPermits(getDb(), query)}
          renderItem={(p) => (
            <RecordItem
              key={p.permitNumber}
              title={<Link href={`/permits/${p.permitNumber}` as Route}>{p.projectName}</Link>}
              badge={<StageStatusBadge status={p.status} />}
              facts={[
                { label: '许可证编号', value: <span className="tabular-nums">{p.permitNumber}</span> },
                { label: '发证日期', value: p.issuedOn },
                { label: '市县', value: p.regionName },
                { label: '施工单位', value: p.contractorName },
                { label: '工程类别', value: PROJECT_CATEGORY_LABELS[p.category] },
                { label: '合同价格', value: formatAmount(p.contractPrice) },
                ...(p.floorArea !== null ? [{ label: '建筑面积', value: formatArea(p.floorArea) }] : []),
              ]}
            />
          )}
        />
      </Suspense>
    </>
  )
}
