import { Suspense } from 'react'
import type { Metadata } from 'next'
import { REGISTRATION_TYPES, REGISTRATION_TYPE_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { EnterpriseLink, PersonLink } from '@web/components/entity-links'
import type { FilterField } from '@web/components/list/filter-form'
import { FilteredList, type SearchParams } from '@web/components/list/filtered-list'
import { ListLoading } from '@web/components/list/list-summary'
import { RecordItem } from '@web/components/list/record-list'
import { RegistrationSummaries } from '@web/components/practitioners/registration-summaries'
import { enterpriseRegionOptions, registrationScopeOptions } from '@web/server/enterprises/enterprise-queries'
import { practitionerListQuerySchema } from '@web/server/practitioners/practitioner-queries'
import { getDb } from '@web/lib/db'
import { listPractitioners } from '@web/server/practitioners/list-practitioners'

export const metadata: Metadata = {
  title: '从业人员',
  description: '海南省建筑市场人员库：按姓名、注册编号或工作单位查询注册建造师、监理工程师等从业人员，查看执业注册、项目任职和诚信记录，可导出。',
}

const fields: FilterField[] = [
  { kind: 'search', name: 'q', label: '关键词', placeholder: '姓名、注册编号或工作单位名称' },
  { kind: 'select', name: 'type', label: '注册类别', options: REGISTRATION_TYPES.map((t) => ({ value: t, label: REGISTRATION_TYPE_LABELS[t] })) },
  { kind: 'select', name: 'scope', label: '单位省内/省外', options: registrationScopeOptions, allLabel: '全部单位' },
  { kind: 'select', name: 'region', label: '单位注册地', options: enterpriseRegionOptions, allLabel: '全部地区' },
  { kind: 'search', name: 'employer', label: '工作单位统一社会信用代码', placeholder: '18 位统一社会信用代码' },
]

export default function PractitionersPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '从业人员' }]} />
      <h1 className="text-2xl font-bold text-brand-900">从业人员</h1>
      <p className="mt-2 text-muted">
        在本省从事工程建设活动的注册执业人员及其他从业人员，按姓名排序。为保护个人信息，身份证号仅显示首尾部分，联系电话不予公开。
      </p>
      <Suspense fallback={<ListLoading />}>
        <FilteredList
          searchParams={searchParams}
          schema={practitionerListQuerySchema}
          basePath="/practitioners"
          exportPath="/api/v1/practitioners/export"
          fields={fields}
          listLabel="从业人员列表"
          load={(query) => listPractitioners(getDb(), query)}
          renderItem={(p) => (
            <RecordItem
              key={p.id}
              title={<PersonLink person={p} />}
              facts={[
                { label: '性别', value: p.gender },
                { label: '身份证号', value: <span className="tabular-nums">{p.idNumberMasked}</span> },
                { label: '工作单位', value: p.employer ? <EnterpriseLink enterprise={p.employer} /> : '—' },
                { label: '执业注册', value: <RegistrationSummaries registrations={p.registrations} /> },
              ]}
            />
          )}
        />
      </Suspense>
    </>
  )
}
