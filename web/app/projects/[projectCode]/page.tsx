import { Suspense } from 'react'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { EnterpriseLink } from '@web/components/entity-links'
import { FactTable } from '@web/components/fact-table'
import { ListLoading } from '@web/components/list/list-summary'
import { ProjectParticipants } from '@web/components/projects/project-participants'
import { ProjectRecords } from '@web/components/projects/project-records'
import { StageReachedBadge } from '@web/components/projects/stage-reached-badge'
import { StageTimeline } from '@web/components/projects/stage-timeline'
import { formatAmount, formatArea } from '@web/lib/format'
import { projectCodeParam } from '@web/server/projects/project-queries'
import { getDb } from '@web/lib/db'
import { getProject } from '@web/server/projects/get-project'

type Params = Promise<{ projectCode: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { projectCode } = await params
  return {
    title: `项目 ${projectCodeParam(projectCode)}`,
    description: '工程建设项目基本信息，合同备案、施工图审查、质量安全报监、施工许可、竣工验收备案五个环节的办理情况，参建单位和关键岗位人员，以及诚信行为记录。',
  }
}

export default function ProjectPage({ params }: { params: Params }) {
  return (
    <Suspense fallback={<ListLoading />}>
      <ProjectDetails params={params} />
    </Suspense>
  )
}

async function ProjectDetails({ params }: { params: Params }) {
  await connection()
  const project = await getProject(getDb(), projectCodeParam((await params).projectCode))
  if (!project) notFound()
  return (
    <>
      <Breadcrumbs items={[{ label: '项目', href: '/projects' }, { label: project.projectCode }]} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold break-all text-brand-900">{project.name}</h1>
        <StageReachedBadge stage={project.stageReached} />
      </div>

      <section aria-labelledby="facts-heading" className="mt-6">
        <h2 id="facts-heading" className="text-xl font-bold text-brand-900">
          项目基本信息
        </h2>
        <FactTable
          rows={[
            { label: '项目名称', value: project.name },
            { label: '项目编码', value: <span className="tabular-nums">{project.projectCode}</span> },
            { label: '建设地址', value: project.address },
            { label: '行政区划', value: project.regionName },
            { label: '工程类别', value: PROJECT_CATEGORY_LABELS[project.category] },
            { label: '建筑面积', value: project.floorArea !== null ? formatArea(project.floorArea) : '—' },
            { label: '总投资', value: formatAmount(project.investment) },
            { label: '建设单位', value: <EnterpriseLink enterprise={{ name: project.ownerName, uscc: project.ownerUscc }} /> },
            { label: '登记日期', value: project.registeredOn },
          ]}
        />
      </section>

      <section aria-labelledby="stages-heading" className="mt-8">
        <h2 id="stages-heading" className="text-xl font-bold text-brand-900">
          五个环节办理情况
        </h2>
        <StageTimeline stages={project.stages} headingId="stages-heading" />
      </section>

      <section aria-labelledby="participants-heading" className="mt-2">
        <h2 id="participants-heading" className="text-xl font-bold text-brand-900">
          参建单位及关键岗位人员
        </h2>
        <ProjectParticipants groups={project.participants} headingId="participants-heading" />
      </section>

      <section aria-labelledby="records-heading" className="mt-8">
        <h2 id="records-heading" className="text-xl font-bold text-brand-900">
          诚信行为记录
        </h2>
        <p className="mt-1 text-sm text-muted">与本项目有关、正在公示期内的良好行为和不良行为记录。</p>
        {project.records.length ? <ProjectRecords records={project.records} /> : <p className="mt-4">本项目暂无公示期内的诚信行为记录。</p>}
      </section>
    </>
  )
}
