import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { connection } from 'next/server'
import { PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { STAGE_ORDER, type Stage } from '@shared/domain/stages'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { FilterForm, type FilterField } from '@web/components/list/filter-form'
import { EmptyState, InvalidFilters, ListLoading, ListSummary } from '@web/components/list/list-summary'
import { PaginationNav } from '@web/components/list/pagination-nav'
import { RecordItem, RecordList } from '@web/components/list/record-list'
import { StageReachedBadge } from '@web/components/projects/stage-reached-badge'
import { issuesFromZod } from '@web/lib/api/api-error'
import { formatAmount, formatArea } from '@web/lib/format'
import { categoryOptions, FIRST_YEAR, regionOptions } from '@web/lib/listing/filter-options'
import { flattenSearchParams } from '@web/lib/listing/search-params'
import { projectListQuerySchema } from '@web/lib/queries/project-queries'
import { listProjects } from '@web/lib/repositories/projects-repository'

export const metadata: Metadata = {
  title: '项目库',
  description: '海南省房屋建筑和市政基础设施工程项目：按项目名称、项目编码或建设单位查询，按市县、工程类别、登记年份和办理进度筛选，查看每个项目五个环节的办理情况，可导出。',
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** "at least this stage": the option says so in words */
const STAGE_FILTER_LABELS: Record<Stage, string> = {
  CONTRACT_FILING: '已办理合同备案',
  DRAWING_REVIEW: '已通过施工图审查',
  SUPERVISION_FILING: '已办理质量安全报监',
  CONSTRUCTION_PERMIT: '已取得施工许可',
  COMPLETION_FILING: '已竣工验收备案',
}

const fields = (thisYear: number): FilterField[] => [
  { kind: 'search', name: 'q', label: '关键词', placeholder: '项目名称、项目编码或建设单位' },
  { kind: 'select', name: 'region', label: '市县', options: regionOptions, allLabel: '全省' },
  { kind: 'select', name: 'category', label: '工程类别', options: categoryOptions },
  { kind: 'select', name: 'stage', label: '办理进度', options: STAGE_ORDER.map((s) => ({ value: s, label: STAGE_FILTER_LABELS[s] })) },
  { kind: 'year', name: 'year', label: '登记年份', from: FIRST_YEAR, to: thisYear },
  { kind: 'date', name: 'from', label: '登记日期起' },
  { kind: 'date', name: 'to', label: '登记日期止' },
]

export default function ProjectsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '项目' }]} />
      <h1 className="text-2xl font-bold text-brand-900">项目库</h1>
      <p className="mt-2 text-muted">
        全省房屋建筑和市政基础设施工程项目，一个项目编码贯通合同备案、施工图审查、质量安全报监、施工许可、竣工验收备案五个环节，按登记日期由近及远排列。
        “办理进度”筛选已办理到所选环节或其后环节的项目，已撤销的证照不计。
      </p>
      <Suspense fallback={<ListLoading />}>
        <ProjectResults searchParams={searchParams} />
      </Suspense>
    </>
  )
}

async function ProjectResults({ searchParams }: { searchParams: SearchParams }) {
  await connection()
  const raw = flattenSearchParams(await searchParams)
  const thisYear = new Date().getUTCFullYear()
  const form = <FilterForm action="/projects" fields={fields(thisYear)} values={raw} />
  const parsed = projectListQuerySchema.safeParse(raw)
  if (!parsed.success) {
    return (
      <>
        <div className="mt-6">{form}</div>
        <InvalidFilters issues={issuesFromZod(parsed.error)} />
      </>
    )
  }
  const { page: _page, pageSize, ...filters } = parsed.data
  const result = await listProjects(parsed.data)
  const linkValues = { ...filters, pageSize: pageSize === 20 ? undefined : pageSize }
  return (
    <>
      <div className="mt-6">{form}</div>
      <h2 className="sr-only">查询结果</h2>
      <ListSummary total={result.total} page={result.page} pageCount={result.pageCount} exportPath="/api/v1/projects/export" filters={filters} />
      {result.items.length === 0 ? (
        <EmptyState />
      ) : (
        <RecordList label="项目列表">
          {result.items.map((p) => (
            <RecordItem
              key={p.projectCode}
              title={<Link href={`/projects/${p.projectCode}` as Route}>{p.name}</Link>}
              badge={<StageReachedBadge stage={p.stageReached} />}
              facts={[
                { label: '项目编码', value: <span className="tabular-nums">{p.projectCode}</span> },
                { label: '登记日期', value: p.registeredOn },
                { label: '市县', value: p.regionName },
                { label: '建设单位', value: p.ownerName },
                { label: '工程类别', value: PROJECT_CATEGORY_LABELS[p.category] },
                { label: '总投资', value: formatAmount(p.investment) },
                ...(p.floorArea !== null ? [{ label: '建筑面积', value: formatArea(p.floorArea) }] : []),
              ]}
            />
          ))}
        </RecordList>
      )}
      <PaginationNav basePath="/projects" values={linkValues} page={result.page} pageCount={result.pageCount} />
    </>
  )
}
