import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { STAGE_ORDER, type Stage } from '@shared/domain/stages'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import type { FilterField } from '@web/components/list/filter-form'
import { FilteredList, type SearchParams } from '@web/components/list/filtered-list'
import { ListLoading } from '@web/components/list/list-summary'
import { RecordItem } from '@web/components/list/record-list'
import { StageReachedBadge } from '@web/components/projects/stage-reached-badge'
import { formatAmount, formatArea } from '@web/lib/format'
import { categoryOptions, FIRST_YEAR, regionOptions } from '@web/lib/listing/filter-options'
import { projectListQuerySchema } from '@web/server/projects/project-queries'
import { getDb } from '@web/lib/db'
import { listProjects } from '@web/server/projects/list-projects'

export const metadata: Metadata = {
  title: '项目库',
  description: '海南省房屋建筑和市政基础设施工程项目：按项目名称、项目编码或建设单位查询，按市县、工程类别、登记年份和办理进度筛选，查看每个项目五个环节的办理情况，可导出。',
}

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
        <FilteredList
          searchParams={searchParams}
          schema={projectListQuerySchema}
          basePath="/projects"
          exportPath="/api/v1/projects/export"
          fields={() => fields(new Date().getUTCFullYear())}
          listLabel="项目列表"
          load={(query) => listProjects(getDb(), query)}
          renderItem={(p) => (
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
          )}
        />
      </Suspense>
    </>
  )
}
