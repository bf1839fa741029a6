import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { ENTERPRISE_TYPE_LABELS, REGISTRATION_TYPE_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { PersonLink } from '@web/components/entity-links'
import { FactTable } from '@web/components/fact-table'
import { ListLoading } from '@web/components/list/list-summary'
import { RecordItem, RecordList } from '@web/components/list/record-list'
import { ProfileSection, SectionNav } from '@web/components/records/profile-section'
import { CreditGradeSection, IntegrityRecordsSection, profileSections, ProjectRolesSection, ValidityListSection } from '@web/components/subjects/profile-sections'
import { StatusBadge } from '@web/components/status-badge'
import { getDb } from '@web/lib/db'
import { formatAmount, formatCount } from '@web/lib/format'
import { flattenSearchParams } from '@web/lib/listing/search-params'
import { enterpriseProjectsQuerySchema, usccParam } from '@web/server/enterprises/enterprise-queries'
import type { EnterpriseProfile, QualificationItem } from '@web/server/enterprises/enterprises-schemas'
import { getEnterpriseProfilePage } from '@web/server/enterprises/get-enterprise-profile-page'
import { explainEnterpriseCredit } from '@web/server/credit/explain-enterprise-credit'

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

const SECTIONS = profileSections('ENTERPRISE', [
  { id: 'qualifications', label: '资质' },
  { id: 'practitioners', label: '注册人员' },
])

async function EnterpriseDetails({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection()
  const parsed = usccParam((await params).uscc)
  if (!parsed.ok) notFound()
  const projectsQuery = enterpriseProjectsQuerySchema.safeParse(flattenSearchParams(await searchParams))
  const [page, credit] = await Promise.all([
    getEnterpriseProfilePage(getDb(), parsed.uscc, {
      projects: projectsQuery.success ? projectsQuery.data : null,
      registrationsShown: REGISTRATIONS_SHOWN,
      recordsShown: RECORDS_SHOWN,
    }),
    explainEnterpriseCredit(getDb(), parsed.uscc),
  ])
  if (!page) notFound()
  const { profile: enterprise, registrations, projects, records } = page
  const { uscc } = enterprise
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

      <CreditGradeSection credit={credit} />

      <ValidityListSection id="qualifications" title="资质" listLabel="资质证书" items={enterprise.qualifications} empty="本平台未登记该企业的资质证书。" card={qualificationCard} />

      <ProfileSection id="practitioners" title="注册人员" count={enterprise.counts.registeredPractitioners} unit="人">
        {registrations.total > 0 ? (
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

      <ProjectRolesSection subject="ENTERPRISE" basePath={basePath} counts={enterprise.counts.projects} query={projectsQuery} projects={projects} />
      <IntegrityRecordsSection subject="ENTERPRISE" profile={enterprise} records={records} />
    </>
  )
}

function qualificationCard(q: QualificationItem) {
  return {
    key: q.certificateNumber,
    title: `${q.category} ${q.grade}`,
    facts: [
      { label: '证书编号', value: <span className="tabular-nums">{q.certificateNumber}</span> },
      { label: '发证机关', value: q.issuedBy },
      { label: '发证日期', value: q.issuedOn },
      { label: '有效期至', value: q.validUntil },
    ],
  }
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
