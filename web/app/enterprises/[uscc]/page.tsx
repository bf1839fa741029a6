import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { ENTERPRISE_TYPE_LABELS, PARTICIPANT_ROLES, PARTICIPANT_ROLE_LABELS, REGISTRATION_TYPE_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { PersonLink } from '@web/components/entity-links'
import { FactTable } from '@web/components/fact-table'
import { InvalidFilters, ListLoading } from '@web/components/list/list-summary'
import { PaginationNav } from '@web/components/list/pagination-nav'
import { RecordItem, RecordList } from '@web/components/list/record-list'
import { CreditExplanation } from '@web/components/credit/credit-explanation'
import { IntegrityRecordList } from '@web/components/records/integrity-record-list'
import { ProjectRoleList, RoleFilter } from '@web/components/records/project-role-list'
import { ProfileSection, SectionNav } from '@web/components/records/profile-section'
import { StatusBadge } from '@web/components/status-badge'
import { issuesFromZod } from '@web/lib/api/api-error'
import { formatAmount, formatCount } from '@web/lib/format'
import { flattenSearchParams } from '@web/lib/listing/search-params'
import { enterpriseProjectsQuerySchema, usccParam } from '@web/server/enterprises/enterprise-queries'
import { getDb } from '@web/lib/db'
import { explainEnterpriseCredit } from '@web/server/credit/explain-enterprise-credit'
import {
  getEnterprise,
  listEnterpriseProjects,
  listEnterpriseRecords,
  listEnterpriseRegistrations,
  type EnterpriseProfile,
} from '@web/server/enterprises/enterprises-repository'

type Params = Promise<{ uscc: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Registrations shown on the profile; the rest are in the practitioner list filtered by employer. */
const REGISTRATIONS_SHOWN = 20
/** Records shown on the profile (the most any enterprise has is far fewer); the API pages through all. */
const RECORDS_SHOWN = 100

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const parsed = usccParam((await params).uscc)
  return {
    title: parsed.ok ? `企业信息 ${parsed.uscc}` : '企业信息',
    description: '企业基本信息、资质、注册人员、在本平台登记的业绩、诚信行为记录和信用等级。',
  }
}

export default function EnterprisePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  return (
    <Suspense fallback={<ListLoading />}>
      <EnterpriseDetails params={params} searchParams={searchParams} />
    </Suspense>
  )
}

const SECTIONS = [
  { id: 'basic', label: '基本信息' },
  { id: 'grade', label: '信用等级' },
  { id: 'qualifications', label: '资质' },
  { id: 'practitioners', label: '注册人员' },
  { id: 'track-record', label: '业绩' },
  { id: 'records', label: '诚信行为记录' },
] as const

async function EnterpriseDetails({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection()
  const parsed = usccParam((await params).uscc)
  if (!parsed.ok) notFound()
  const enterprise = await getEnterprise(parsed.uscc)
  if (!enterprise) notFound()
  const { uscc } = enterprise
  const projectsQuery = enterpriseProjectsQuerySchema.safeParse(flattenSearchParams(await searchParams))
  const [registrations, projects, records, credit] = await Promise.all([
    listEnterpriseRegistrations(uscc, { page: 1, pageSize: REGISTRATIONS_SHOWN }),
    projectsQuery.success ? listEnterpriseProjects(uscc, projectsQuery.data) : null,
    listEnterpriseRecords(uscc, { page: 1, pageSize: RECORDS_SHOWN }),
    explainEnterpriseCredit(getDb(), uscc),
  ])
  const basePath = `/enterprises/${uscc}`
  return (
    <>
      <Breadcrumbs items={[{ label: '企业信息', href: '/enterprises' }, { label: enterprise.name }]} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-brand-900">{enterprise.name}</h1>
        <StatusBadge tone="neutral">{ENTERPRISE_TYPE_LABELS[enterprise.type]}</StatusBadge>
        {!enterprise.inProvince && <StatusBadge tone="neutral">省外企业</StatusBadge>}
      </div>
      <SectionNav sections={SECTIONS} />

      <ProfileSection id="basic" title="基本信息">
        <BasicFacts enterprise={enterprise} />
      </ProfileSection>

      <ProfileSection id="grade" title="信用等级">
        {credit && <CreditExplanation credit={credit} />}
      </ProfileSection>

      <ProfileSection id="qualifications" title="资质" count={enterprise.qualifications.length}>
        {enterprise.qualifications.length === 0 ? (
          <p className="mt-3 text-muted">本平台未登记该企业的资质证书。</p>
        ) : (
          <RecordList label="资质证书">
            {enterprise.qualifications.map((q) => (
              <RecordItem
                key={q.certificateNumber}
                title={`${q.category} ${q.grade}`}
                badge={<StatusBadge tone={q.expired ? 'bad' : 'good'}>{q.expired ? '已过期' : '有效'}</StatusBadge>}
                facts={[
                  { label: '证书编号', value: <span className="tabular-nums">{q.certificateNumber}</span> },
                  { label: '发证机关', value: q.issuedBy },
                  { label: '发证日期', value: q.issuedOn },
                  { label: '有效期至', value: q.validUntil },
                ]}
              />
            ))}
          </RecordList>
        )}
      </ProfileSection>

      <ProfileSection id="practitioners" title="注册人员" count={enterprise.counts.registeredPractitioners} unit="人">
        {registrations && registrations.total > 0 ? (
          <>
            <RecordList label="在本企业注册的执业人员">
              {registrations.items.map((r) => (
                <RecordItem
                  key={r.number}
                  title={<PersonLink person={{ id: r.personId, name: r.personName }} />}
                  badge={r.expired ? <StatusBadge tone="bad">注册已过期</StatusBadge> : undefined}
                  facts={[
                    { label: '注册类别', value: REGISTRATION_TYPE_LABELS[r.type] },
                    { label: '注册编号', value: <span className="tabular-nums">{r.number}</span> },
                    { label: '注册专业', value: r.specialty },
                    { label: '有效期至', value: r.validUntil },
                  ]}
                />
              ))}
            </RecordList>
            {registrations.total > registrations.items.length && (
              <p className="mt-3 text-sm">
                共 {formatCount(registrations.total)} 项执业注册，此处显示前 {formatCount(registrations.items.length)} 项。
                <Link href={`/practitioners?employer=${uscc}` as Route}>查看本单位全部从业人员</Link>
              </p>
            )}
          </>
        ) : (
          <p className="mt-3 text-muted">本平台未登记在该企业注册的执业人员。</p>
        )}
      </ProfileSection>

      <ProfileSection id="track-record" title="业绩" count={enterprise.counts.projects.total} unit="项">
        <p className="mt-2 text-sm text-muted">仅列出在本平台登记的工程项目及该企业承担的角色，按项目登记日期由近及远排列。</p>
        {!projectsQuery.success ? (
          <InvalidFilters issues={issuesFromZod(projectsQuery.error)} />
        ) : projects && projects.total > 0 ? (
          <>
            <RoleFilter
              basePath={basePath}
              fragment="track-record"
              roles={PARTICIPANT_ROLES}
              counts={enterprise.counts.projects}
              total={enterprise.counts.projects.total}
              current={projectsQuery.data.role}
              roleLabels={PARTICIPANT_ROLE_LABELS}
            />
            <ProjectRoleList items={projects.items} roleLabels={PARTICIPANT_ROLE_LABELS} label="业绩列表" />
            <PaginationNav
              basePath={basePath}
              values={{ role: projectsQuery.data.role, pageSize: projectsQuery.data.pageSize === 20 ? undefined : projectsQuery.data.pageSize }}
              page={projects.page}
              pageCount={projects.pageCount}
            />
          </>
        ) : (
          <p className="mt-3 text-muted">{projectsQuery.data.role || projectsQuery.data.page > 1 ? '没有符合条件的业绩。' : '本平台暂无该企业参建的项目。'}</p>
        )}
      </ProfileSection>

      <ProfileSection id="records" title="诚信行为记录" count={enterprise.counts.records.total} unit="条">
        {enterprise.counts.records.total > 0 && (
          <p className="mt-2 text-sm text-muted">
            截至 {enterprise.asOf}（北京时间）正在公示的记录：良好行为 {formatCount(enterprise.counts.records.good)} 条，不良行为 {formatCount(enterprise.counts.records.bad)} 条。
          </p>
        )}
        <IntegrityRecordList records={records?.items ?? []} total={records?.total ?? 0} label="企业诚信行为记录" />
      </ProfileSection>
    </>
  )
}

function BasicFacts({ enterprise: e }: { enterprise: EnterpriseProfile }) {
  return (
    <FactTable
      rows={[
        { label: '企业名称', value: e.name },
        { label: '统一社会信用代码', value: <span className="tabular-nums">{e.uscc}</span> },
        { label: '企业类型', value: ENTERPRISE_TYPE_LABELS[e.type] },
        { label: '注册地', value: e.regionName },
        { label: '省内/省外', value: e.inProvince ? '省内企业' : '省外企业' },
        { label: '法定代表人', value: e.legalRepresentative },
        { label: '注册地址', value: e.registeredAddress },
        { label: '注册资本', value: formatAmount(e.registeredCapital) },
        { label: '成立日期', value: e.establishedOn },
      ]}
    />
  )
}
