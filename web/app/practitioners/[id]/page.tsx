import { Suspense } from 'react'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { KEY_PERSON_ROLES, KEY_PERSON_ROLE_LABELS, REGISTRATION_TYPE_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { EnterpriseLink } from '@web/components/entity-links'
import { FactTable } from '@web/components/fact-table'
import { InvalidFilters, ListLoading } from '@web/components/list/list-summary'
import { PaginationNav } from '@web/components/list/pagination-nav'
import { RecordItem, RecordList } from '@web/components/list/record-list'
import { CreditExplanation } from '@web/components/credit/credit-explanation'
import { IntegrityRecordList } from '@web/components/records/integrity-record-list'
import { ProfileSection, SectionNav } from '@web/components/records/profile-section'
import { ProjectRoleList, RoleFilter } from '@web/components/records/project-role-list'
import { StatusBadge } from '@web/components/status-badge'
import { issuesFromZod } from '@web/lib/api/api-error'
import { formatCount } from '@web/lib/format'
import { flattenSearchParams } from '@web/lib/listing/search-params'
import { personIdParam, practitionerProjectsQuerySchema } from '@web/server/practitioners/practitioner-queries'
import { getPractitioner, listPractitionerProjects, listPractitionerRecords } from '@web/server/practitioners/practitioners-repository'
import { getDb } from '@web/lib/db'
import { explainPractitionerCredit } from '@web/server/credit/explain-practitioner-credit'

type Params = Promise<{ id: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Records shown on the profile (the most anyone has is far fewer); the API pages through all. */
const RECORDS_SHOWN = 100

export const metadata: Metadata = {
  title: '从业人员信息',
  description: '注册执业人员的执业注册、工作单位、在本平台登记项目中的任职、诚信行为记录和信用等级。身份证号脱敏显示，联系电话不予公开。',
}

export default function PractitionerPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  return (
    <Suspense fallback={<ListLoading />}>
      <PractitionerDetails params={params} searchParams={searchParams} />
    </Suspense>
  )
}

const SECTIONS = [
  { id: 'basic', label: '基本信息' },
  { id: 'grade', label: '信用等级' },
  { id: 'registrations', label: '执业注册' },
  { id: 'projects', label: '项目任职' },
  { id: 'records', label: '诚信行为记录' },
] as const

async function PractitionerDetails({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection()
  const parsed = personIdParam((await params).id)
  if (!parsed.ok) notFound()
  const person = await getPractitioner(parsed.id)
  if (!person) notFound()
  const projectsQuery = practitionerProjectsQuerySchema.safeParse(flattenSearchParams(await searchParams))
  const [projects, records, credit] = await Promise.all([
    projectsQuery.success ? listPractitionerProjects(person.id, projectsQuery.data) : null,
    listPractitionerRecords(person.id, { page: 1, pageSize: RECORDS_SHOWN }),
    explainPractitionerCredit(getDb(), person.id),
  ])
  const basePath = `/practitioners/${person.id}`
  return (
    <>
      <Breadcrumbs items={[{ label: '从业人员', href: '/practitioners' }, { label: person.name }]} />
      <h1 className="text-2xl font-bold text-brand-900">{person.name}</h1>
      <SectionNav sections={SECTIONS} />

      <ProfileSection id="basic" title="基本信息">
        <FactTable
          rows={[
            { label: '姓名', value: person.name },
            { label: '性别', value: person.gender },
            { label: '身份证号', value: <span className="tabular-nums">{person.idNumberMasked}</span> },
            { label: '工作单位', value: person.employer ? <EnterpriseLink enterprise={person.employer} /> : '—' },
            ...(person.employer ? [{ label: '单位注册地', value: `${person.employer.regionName}（${person.employer.inProvince ? '省内' : '省外'}）` }] : []),
          ]}
        />
        <p className="mt-2 text-sm text-muted">为保护个人信息，身份证号仅显示首尾部分，联系电话不予公开。</p>
      </ProfileSection>

      <ProfileSection id="grade" title="信用等级">
        {credit && <CreditExplanation credit={credit} />}
      </ProfileSection>

      <ProfileSection id="registrations" title="执业注册" count={person.registrations.length}>
        {person.registrations.length === 0 ? (
          <p className="mt-3 text-muted">本平台未登记该人员的执业注册。</p>
        ) : (
          <RecordList label="执业注册">
            {person.registrations.map((r) => (
              <RecordItem
                key={r.number}
                title={REGISTRATION_TYPE_LABELS[r.type]}
                badge={<StatusBadge tone={r.expired ? 'bad' : 'good'}>{r.expired ? '已过期' : '有效'}</StatusBadge>}
                facts={[
                  { label: '注册编号', value: <span className="tabular-nums">{r.number}</span> },
                  { label: '注册专业', value: r.specialty },
                  { label: '注册单位', value: r.employer ? <EnterpriseLink enterprise={r.employer} /> : '—' },
                  { label: '注册日期', value: r.issuedOn },
                  { label: '有效期至', value: r.validUntil },
                ]}
              />
            ))}
          </RecordList>
        )}
      </ProfileSection>

      <ProfileSection id="projects" title="项目任职" count={person.counts.projects.total}>
        <p className="mt-2 text-sm text-muted">在本平台登记的工程项目中担任的关键岗位，按项目登记日期由近及远排列。</p>
        {!projectsQuery.success ? (
          <InvalidFilters issues={issuesFromZod(projectsQuery.error)} />
        ) : projects && projects.total > 0 ? (
          <>
            <RoleFilter
              basePath={basePath}
              fragment="projects"
              roles={KEY_PERSON_ROLES}
              counts={person.counts.projects}
              total={person.counts.projects.total}
              current={projectsQuery.data.role}
              roleLabels={KEY_PERSON_ROLE_LABELS}
            />
            <ProjectRoleList items={projects.items} roleLabels={KEY_PERSON_ROLE_LABELS} label="项目任职列表" />
            <PaginationNav
              basePath={basePath}
              values={{ role: projectsQuery.data.role, pageSize: projectsQuery.data.pageSize === 20 ? undefined : projectsQuery.data.pageSize }}
              page={projects.page}
              pageCount={projects.pageCount}
            />
          </>
        ) : (
          <p className="mt-3 text-muted">{projectsQuery.data.role || projectsQuery.data.page > 1 ? '没有符合条件的项目任职。' : '本平台暂无该人员的项目任职记录。'}</p>
        )}
      </ProfileSection>

      <ProfileSection id="records" title="诚信行为记录" count={person.counts.records.total} unit="条">
        {person.counts.records.total > 0 && (
          <p className="mt-2 text-sm text-muted">
            截至 {person.asOf}（北京时间）正在公示的记录：良好行为 {formatCount(person.counts.records.good)} 条，不良行为 {formatCount(person.counts.records.bad)} 条。
          </p>
        )}
        <IntegrityRecordList records={records?.items ?? []} total={records?.total ?? 0} label="个人诚信行为记录" />
      </ProfileSection>
    </>
  )
}
