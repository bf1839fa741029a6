import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata } from 'next'
import { connection } from 'next/server'
import { SUBJECT_TYPES, SUBJECT_TYPE_LABELS } from '@shared/domain/enums'
import { CURRENT_STANDARD, GRADES } from '@shared/scoring'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { CreditGradeItem } from '@web/components/credit/credit-grade-item'
import type { FilterField } from '@web/components/list/filter-form'
import { FilteredList, type SearchParams } from '@web/components/list/filtered-list'
import { ListLoading } from '@web/components/list/list-summary'
import { BLACKLIST_FILTER_LABELS, BLACKLIST_FILTER_VALUES, creditGradeListQuerySchema } from '@web/server/credit/credit-queries'
import { enterpriseRegionOptions } from '@web/server/enterprises/enterprise-queries'
import { getDb } from '@web/lib/db'
import { getLatestGradeDays } from '@web/server/credit/get-latest-grade-days'
import { listCreditGrades } from '@web/server/credit/list-credit-grades'

export const metadata: Metadata = {
  title: '信用等级',
  description: '海南省建筑市场企业和注册执业人员的信用等级排行：按主体类别、所在地、等级、是否列入黑名单筛选，按信用分由高到低排列，可导出。',
}

const fields: FilterField[] = [
  { kind: 'search', name: 'q', label: '名称或代码', placeholder: '企业或人员名称、统一社会信用代码' },
  { kind: 'select', name: 'grade', label: '信用等级', options: GRADES.map((g) => ({ value: g, label: g })) },
  { kind: 'select', name: 'subjectClass', label: '主体类别', options: CURRENT_STANDARD.classes.map((c) => ({ value: c.subjectClass, label: c.label })) },
  { kind: 'select', name: 'region', label: '所在地', options: enterpriseRegionOptions },
  { kind: 'select', name: 'subjectType', label: '主体类型', options: SUBJECT_TYPES.map((s) => ({ value: s, label: SUBJECT_TYPE_LABELS[s] })) },
  { kind: 'select', name: 'blacklisted', label: '黑名单', options: BLACKLIST_FILTER_VALUES.map((v) => ({ value: v, label: BLACKLIST_FILTER_LABELS[v] })) },
]

export default function CreditPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '信用等级' }]} />
      <h1 className="text-2xl font-bold text-brand-900">信用等级</h1>
      <p className="mt-2 text-muted">
        全省企业和注册执业人员按统一的<Link href="/credit/standard">诚信评分标准</Link>
        评定的信用等级（AAA、AA、A、B、C），按信用分由高到低排列，同分按编号排列。信用等级决定日常检查频次，并在招标投标、资质审批、评优评先中使用。
      </p>
      <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        <Link href="/credit/check">查询我的信用等级</Link>
        <Link href="/credit/blacklist">建筑市场主体“黑名单”</Link>
        <Link href="/credit/standard">评分标准</Link>
      </p>
      <Suspense fallback={<ListLoading />}>
        <GradeDays />
      </Suspense>
      <Suspense fallback={<ListLoading />}>
        <FilteredList
          searchParams={searchParams}
          schema={creditGradeListQuerySchema}
          basePath="/credit"
          exportPath="/api/v1/credit-grades/export"
          fields={fields}
          listLabel="信用等级排行"
          load={(query) => listCreditGrades(getDb(), query)}
          renderItem={(item) => <CreditGradeItem key={`${item.subject.type}-${item.subject.type === 'ENTERPRISE' ? item.subject.uscc : item.subject.id}`} item={item} />}
        />
      </Suspense>
    </>
  )
}

async function GradeDays() {
  await connection()
  const days = await getLatestGradeDays(getDb())
  if (!days) return <p className="mt-3 text-sm">尚未计算信用等级。</p>
  return (
    <p className="mt-3 text-sm text-muted">
      等级起始日：{days.from === days.to ? days.from : `${days.from} 至 ${days.to}`}（全省统一重新计算时，等级有变化的才更新起始日；企业和人员页面上的等级为当日实时计算）。
    </p>
  )
}
