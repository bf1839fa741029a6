import { Suspense } from 'react'
import type { Metadata } from 'next'
import { ENTERPRISE_TYPES, ENTERPRISE_TYPE_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { EnterpriseLink } from '@web/components/entity-links'
import type { FilterField } from '@web/components/list/filter-form'
import { FilteredList, type SearchParams } from '@web/components/list/filtered-list'
import { ListLoading } from '@web/components/list/list-summary'
import { RecordItem } from '@web/components/list/record-list'
import { StatusBadge } from '@web/components/status-badge'
import { formatAmount } from '@web/lib/format'
import { enterpriseListQuerySchema, enterpriseRegionOptions, registrationScopeOptions } from '@web/server/enterprises/enterprise-queries'
import { getDb } from '@web/lib/db'
import { listEnterprises } from '@web/server/enterprises/list-enterprises'

export const metadata: Metadata = {
  title: '企业信息',
  description: '海南省建筑市场企业库：按企业名称或统一社会信用代码查询，按企业类型、注册地、省内省外筛选，查看资质、业绩、诚信记录和信用等级，可导出。',
}

const fields: FilterField[] = [
  { kind: 'search', name: 'q', label: '关键词', placeholder: '企业名称或统一社会信用代码' },
  { kind: 'select', name: 'type', label: '企业类型', options: ENTERPRISE_TYPES.map((t) => ({ value: t, label: ENTERPRISE_TYPE_LABELS[t] })) },
  { kind: 'select', name: 'scope', label: '省内/省外', options: registrationScopeOptions, allLabel: '全部企业' },
  { kind: 'select', name: 'region', label: '注册地', options: enterpriseRegionOptions, allLabel: '全部地区' },
]

export default function EnterprisesPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '企业信息' }]} />
      <h1 className="text-2xl font-bold text-brand-900">企业信息</h1>
      <p className="mt-2 text-muted">在本省从事工程建设活动的建设、勘察、设计、施工、监理等企业（含省外入琼企业），按企业名称排序。</p>
      <Suspense fallback={<ListLoading />}>
        <FilteredList
          searchParams={searchParams}
          schema={enterpriseListQuerySchema}
          basePath="/enterprises"
          exportPath="/api/v1/enterprises/export"
          fields={fields}
          listLabel="企业列表"
          load={(query) => listEnterprises(getDb(), query)}
          renderItem={(e) => (
            <RecordItem
              key={e.uscc}
              title={<EnterpriseLink enterprise={e} />}
              badge={<StatusBadge tone="neutral">{ENTERPRISE_TYPE_LABELS[e.type]}</StatusBadge>}
              facts={[
                { label: '统一社会信用代码', value: <span className="tabular-nums">{e.uscc}</span> },
                { label: '注册地', value: `${e.regionName}（${e.inProvince ? '省内' : '省外'}）` },
                { label: '法定代表人', value: e.legalRepresentative },
                { label: '注册资本', value: formatAmount(e.registeredCapital) },
                { label: '成立日期', value: e.establishedOn },
              ]}
            />
          )}
        />
      </Suspense>
    </>
  )
}
