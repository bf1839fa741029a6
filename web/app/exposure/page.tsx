import { Suspense } from 'react'
import type { Metadata } from 'next'
import { RECORD_KINDS, RECORD_KIND_LABELS, SUBJECT_TYPES, SUBJECT_TYPE_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { ExposureRecordItem } from '@web/components/exposure/exposure-record-item'
import type { FilterField } from '@web/components/list/filter-form'
import { FilteredList, type SearchParams } from '@web/components/list/filtered-list'
import { ListLoading } from '@web/components/list/list-summary'
import { regionOptions } from '@web/lib/listing/filter-options'
import { exposureListQuerySchema } from '@web/server/records/exposure-queries'
import { getDb } from '@web/lib/db'
import { listExposureEntries } from '@web/server/records/list-exposure-entries'

export const metadata: Metadata = {
  title: '诚信曝光台',
  description: '海南省建筑市场企业和从业人员在公示期内的良好行为、不良行为记录：按主体名称、文号查询，按类别、市县、主体类型、决定日期筛选，可导出。',
  alternates: { types: { 'application/rss+xml': [{ url: '/feeds/exposure.xml', title: '诚信曝光台（RSS）' }] } },
}

const fields: FilterField[] = [
  { kind: 'search', name: 'q', label: '关键词', placeholder: '企业或人员名称、文号' },
  { kind: 'select', name: 'kind', label: '记录类别', options: RECORD_KINDS.map((k) => ({ value: k, label: RECORD_KIND_LABELS[k] })) },
  { kind: 'select', name: 'region', label: '主体所在地', options: regionOptions, allLabel: '全部' },
  { kind: 'select', name: 'subjectType', label: '主体类型', options: SUBJECT_TYPES.map((s) => ({ value: s, label: SUBJECT_TYPE_LABELS[s] })) },
  { kind: 'date', name: 'from', label: '决定日期起' },
  { kind: 'date', name: 'to', label: '决定日期止' },
]

export default function ExposurePage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '诚信曝光台' }]} />
      <h1 className="text-2xl font-bold text-brand-900">诚信曝光台</h1>
      <p className="mt-2 text-muted">
        公示期内的良好行为和不良行为记录，按决定日期由近及远排列。“公示截止”是公示期的最后一天（北京时间，含当日），次日起记录不再公示。主体所在地为企业的注册地、从业人员所在单位的注册地。
      </p>
      <p className="mt-1 text-sm">
        <a href="/feeds/exposure.xml">订阅（RSS）</a>
      </p>
      <Suspense fallback={<ListLoading />}>
        <FilteredList
          searchParams={searchParams}
          schema={exposureListQuerySchema}
          basePath="/exposure"
          exportPath="/api/v1/exposure/export"
          fields={fields}
          listLabel="诚信曝光台记录"
          load={(query) => listExposureEntries(getDb(), query)}
          renderItem={(entry) => (
            <ExposureRecordItem key={entry.id} entry={entry} />
          )}
        />
      </Suspense>
    </>
  )
}
