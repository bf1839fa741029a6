import { Suspense } from 'react'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { REGISTRATION_TYPE_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { EnterpriseLink } from '@web/components/entity-links'
import { FactTable } from '@web/components/fact-table'
import { ListLoading } from '@web/components/list/list-summary'
import { ProfileSection, SectionNav } from '@web/components/records/profile-section'
import { CreditGradeSection, IntegrityRecordsSection, profileSections, ProjectRolesSection, ValidityListSection } from '@web/components/subjects/profile-sections'
import { getDb } from '@web/lib/db'
import { flattenSearchParams } from '@web/lib/listing/search-params'
import { personIdParam, practitionerProjectsQuerySchema } from '@web/server/practitioners/practitioner-queries'
import { getPractitionerProfilePage } from '@web/server/practitioners/get-practitioner-profile-page'
import type { PractitionerRegistration } from '@web/server/practitioners/practitioners-schemas'
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

const SECTIONS = profileSections('PERSON', [{ id: 'registrations', label: '执业注册' }])

async function PractitionerDetails({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection()
  const parsed = personIdParam((await params).id)
  if (!parsed.ok) notFound()
  const projectsQuery = practitionerProjectsQuerySchema.safeParse(flattenSearchParams(await searchParams))
  const [page, credit] = await Promise.all([
    getPractitionerProfilePage(getDb(), parsed.id, { projects: projectsQuery.success ? projectsQuery.data : null, recordsShown: RECORDS_SHOWN }),
    explainPractitionerCredit(getDb(), parsed.id),
  ])
  if (!page) notFound()
  const { profile: person, projects, records } = page
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

      <CreditGradeSection credit={credit} />

      <ValidityListSection id="registrations" title="执业注册" items={person.registrations} empty="本平台未登记该人员的执业注册。" card={registrationCard} />

      <ProjectRolesSection subject="PERSON" basePath={basePath} counts={person.counts.projects} query={projectsQuery} projects={projects} />
      <IntegrityRecordsSection subject="PERSON" profile={person} records={records} />
    </>
  )
}

function registrationCard(r: PractitionerRegistration) {
  return {
    key: r.number,
    title: REGISTRATION_TYPE_LABELS[r.type],
    facts: [
      { label: '注册编号', value: <span className="tabular-nums">{r.number}</span> },
      { label: '注册专业', value: r.specialty },
      { label: '注册单位', value: r.employer ? <EnterpriseLink enterprise={r.employer} /> : '—' },
      { label: '注册日期', value: r.issuedOn },
      { label: '有效期至', value: r.validUntil },
    ],
  }
}
