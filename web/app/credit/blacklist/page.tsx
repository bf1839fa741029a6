import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata } from 'next'
import { SUBJECT_TYPES, SUBJECT_TYPE_LABELS } from '@shared/domain/enums'
import { CURRENT_STANDARD } from '@shared/scoring'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { BlacklistItem } from '@web/components/credit/blacklist-item'
import type { FilterField } from '@web/components/list/filter-form'
import { FilteredList, type SearchParams } from '@web/components/list/filtered-list'
import { ListLoading } from '@web/components/list/list-summary'
import { blacklistListQuerySchema } from '@web/server/credit/credit-queries'
import { enterpriseRegionOptions } from '@web/server/enterprises/enterprise-queries'
import { getDb } from '@web/lib/db'
import { listBlacklist } from '@web/server/credit/list-blacklist'

export const metadata: Metadata = {
  title: '建筑市场主体“黑名单”',
  description: '列入海南省建筑市场主体“黑名单”的企业和从业人员：列入情形、依据的诚信行为记录、列入日期和移出日期，可导出。',
}

const fields: FilterField[] = [
  { kind: 'search', name: 'q', label: '名称或代码', placeholder: '企业或人员名称、统一社会信用代码' },
  { kind: 'select', name: 'region', label: '所在地', options: enterpriseRegionOptions },
  { kind: 'select', name: 'subjectType', label: '主体类型', options: SUBJECT_TYPES.map((s) => ({ value: s, label: SUBJECT_TYPE_LABELS[s] })) },
]

export default function BlacklistPage({ searchParams }: { searchParams: SearchParams }) {
  const policy = CURRENT_STANDARD.blacklist
  return (
    <>
      <Breadcrumbs items={[{ label: '信用等级', href: '/credit' }, { label: '黑名单' }]} />
      <h1 className="text-2xl font-bold text-brand-900">建筑市场主体“黑名单”</h1>
      <p className="mt-2 text-muted">
        依据《建筑市场信用管理暂行办法》（建市〔2017〕241号），有下列情形之一的企业和从业人员列入“黑名单”，自情形确立之日起管理 {policy.listingMonths} 个月；期间再次发生的，重新计算。按列入日期由近及远排列。
      </p>
      <ul className="mt-2 list-disc pl-5 text-sm">
        {policy.grounds.map((g) => (
          <li key={g.code}>
            <strong>{g.label}</strong>：{g.description}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        列入期间：{policy.bars.join('')} <Link href="/credit/standard#blacklist">详见评分标准</Link>
      </p>
      <Suspense fallback={<ListLoading />}>
        <FilteredList
          searchParams={searchParams}
          schema={blacklistListQuerySchema}
          basePath="/credit/blacklist"
          exportPath="/api/v1/credit-grades/blacklist/export"
          fields={fields}
          listLabel="黑名单"
          load={(query) => listBlacklist(getDb(), query)}
          renderItem={(entry) => <BlacklistItem key={`${entry.subject.type}-${entry.subject.type === 'ENTERPRISE' ? entry.subject.uscc : entry.subject.id}`} entry={entry} />}
        />
      </Suspense>
    </>
  )
}
