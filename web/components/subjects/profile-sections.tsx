// The sections an enterprise profile and a practitioner profile have in common: the in-page
// contents, certificates with their validity (资质 / 执业注册), the credit grade explained, the
// projects the subject worked on by role (an enterprise's 业绩, a practitioner's 项目任职) and the
// integrity records public today. One component each, so both profiles read and behave alike.
import type { ComponentProps } from 'react'
import type { ZodSafeParseResult } from 'zod'
import { KEY_PERSON_ROLES, KEY_PERSON_ROLE_LABELS, PARTICIPANT_ROLES, PARTICIPANT_ROLE_LABELS, type KeyPersonRole, type ParticipantRole, type SubjectType } from '@shared/domain/enums'
import { CreditExplanation } from '@web/components/credit/credit-explanation'
import { InvalidFilters } from '@web/components/list/list-summary'
import { PaginationNav } from '@web/components/list/pagination-nav'
import { RecordItem, RecordList } from '@web/components/list/record-list'
import { IntegrityRecordList } from '@web/components/records/integrity-record-list'
import { ProfileSection } from '@web/components/records/profile-section'
import { ProjectRoleList, RoleFilter } from '@web/components/records/project-role-list'
import { StatusBadge } from '@web/components/status-badge'
import { issuesFromZod } from '@web/lib/api/api-error'
import { formatCount } from '@web/lib/format'
import { DEFAULT_PAGE_SIZE, type Page } from '@web/server/lib/pagination'
import type { IntegrityRecordItem, ProjectRoleItem, RecordCounts } from '@web/server/subjects/subjects-schemas'

/**
 * The in-page contents of a profile: the sections every subject has (basic facts and grade first,
 * then the subject's own, then its projects and records; the ids are those of the sections below).
 */
export function profileSections(subject: SubjectType, own: readonly { id: string; label: string }[]): { id: string; label: string }[] {
  const projects = subject === 'ENTERPRISE' ? TRACK_RECORD : KEY_ROLES
  return [{ id: 'basic', label: '基本信息' }, { id: 'grade', label: '信用等级' }, ...own, { id: projects.id, label: projects.title }, { id: 'records', label: '诚信行为记录' }]
}

type Fact = { label: string; value: React.ReactNode }

/**
 * Certificates that expire, as a profile section (an enterprise's 资质, a practitioner's 执业注册):
 * one card each, marked 有效 or 已过期 on the profile's day; `empty` says that none is recorded.
 */
export function ValidityListSection<T extends { expired: boolean }>({
  id,
  title,
  listLabel = title,
  items,
  empty,
  card,
}: {
  id: string
  title: string
  /** the list's accessible name, if not the title */
  listLabel?: string
  items: readonly T[]
  empty: string
  card: (item: T) => { key: string; title: React.ReactNode; facts: Fact[] }
}) {
  return (
    <ProfileSection id={id} title={title} count={items.length}>
      {items.length === 0 ? (
        <p className="mt-3 text-muted">{empty}</p>
      ) : (
        <RecordList label={listLabel}>
          {items.map((item) => {
            const { key, ...content } = card(item)
            return <RecordItem key={key} {...content} badge={<StatusBadge tone={item.expired ? 'bad' : 'good'}>{item.expired ? '已过期' : '有效'}</StatusBadge>} />
          })}
        </RecordList>
      )}
    </ProfileSection>
  )
}

/** The grade explained (CreditExplanation); the heading stays when there is nothing to explain, so the contents link still lands. */
export function CreditGradeSection({ credit }: { credit: ComponentProps<typeof CreditExplanation>['credit'] | null }) {
  return (
    <ProfileSection id="grade" title="信用等级">
      {credit && <CreditExplanation credit={credit} />}
    </ProfileSection>
  )
}

type RolePageQuery<R extends string> = ZodSafeParseResult<{ role?: R; page: number; pageSize: number }>

interface ProjectRolesProps<R extends string> {
  /** the profile's own path, which the role links and pages keep */
  basePath: string
  counts: Record<R, number> & { total: number }
  /** the parse of the page's URL parameters (role, page, pageSize): a bad one is shown as such, not as an empty list */
  query: RolePageQuery<R>
  /** null when `query` failed */
  projects: Page<ProjectRoleItem<R>> | null
}

interface ProjectRolesWords<R extends string> {
  id: string
  title: string
  intro: string
  roles: readonly R[]
  roleLabels: Record<R, string>
  listLabel: string
  /** the subject has no project at all */
  noneText: string
  /** the role filter or page matches none */
  noMatchText: string
}

const TRACK_RECORD: ProjectRolesWords<ParticipantRole> = {
  id: 'track-record',
  title: '业绩',
  intro: '仅列出在本平台登记的工程项目及该企业承担的角色，按项目登记日期由近及远排列。',
  roles: PARTICIPANT_ROLES,
  roleLabels: PARTICIPANT_ROLE_LABELS,
  listLabel: '业绩列表',
  noneText: '本平台暂无该企业参建的项目。',
  noMatchText: '没有符合条件的业绩。',
}

const KEY_ROLES: ProjectRolesWords<KeyPersonRole> = {
  id: 'projects',
  title: '项目任职',
  intro: '在本平台登记的工程项目中担任的关键岗位，按项目登记日期由近及远排列。',
  roles: KEY_PERSON_ROLES,
  roleLabels: KEY_PERSON_ROLE_LABELS,
  listLabel: '项目任职列表',
  noneText: '本平台暂无该人员的项目任职记录。',
  noMatchText: '没有符合条件的项目任职。',
}

/**
 * Projects recorded on the platform on which the subject had a role, latest registered first,
 * with links narrowing to one role and pages: an enterprise's track record (业绩) by participant
 * role, a practitioner's key roles (项目任职).
 */
export function ProjectRolesSection(props: ({ subject: 'ENTERPRISE' } & ProjectRolesProps<ParticipantRole>) | ({ subject: 'PERSON' } & ProjectRolesProps<KeyPersonRole>)) {
  return props.subject === 'ENTERPRISE' ? <RolesSection words={TRACK_RECORD} {...props} /> : <RolesSection words={KEY_ROLES} {...props} />
}

function RolesSection<R extends string>({ words, basePath, counts, query, projects }: ProjectRolesProps<R> & { words: ProjectRolesWords<R> }) {
  return (
    <ProfileSection id={words.id} title={words.title} count={counts.total} unit="项">
      <p className="mt-2 text-sm text-muted">{words.intro}</p>
      {!query.success ? (
        <InvalidFilters issues={issuesFromZod(query.error)} />
      ) : projects && projects.total > 0 ? (
        <>
          <RoleFilter basePath={basePath} fragment={words.id} roles={words.roles} counts={counts} total={counts.total} current={query.data.role} roleLabels={words.roleLabels} />
          <ProjectRoleList items={projects.items} roleLabels={words.roleLabels} label={words.listLabel} />
          <PaginationNav
            basePath={basePath}
            values={{ role: query.data.role, pageSize: query.data.pageSize === DEFAULT_PAGE_SIZE ? undefined : query.data.pageSize }}
            page={projects.page}
            pageCount={projects.pageCount}
          />
        </>
      ) : (
        <p className="mt-3 text-muted">{query.data.role || query.data.page > 1 ? words.noMatchText : words.noneText}</p>
      )}
    </ProfileSection>
  )
}

/** The subject's integrity records public on the profile's day (China date), with how many good and bad ones there are. */
export function IntegrityRecordsSection({
  subject,
  profile,
  records,
}: {
  subject: SubjectType
  profile: { asOf: string; counts: { records: RecordCounts } }
  records: Page<IntegrityRecordItem>
}) {
  const { asOf } = profile
  const counts = profile.counts.records
  const label = subject === 'ENTERPRISE' ? '企业诚信行为记录' : '个人诚信行为记录'
  return (
    <ProfileSection id="records" title="诚信行为记录" count={counts.total} unit="条">
      {counts.total > 0 && (
        <p className="mt-2 text-sm text-muted">
          截至 {asOf}（北京时间）正在公示的记录：良好行为 {formatCount(counts.good)} 条，不良行为 {formatCount(counts.bad)} 条。
        </p>
      )}
      <IntegrityRecordList records={records.items} total={records.total} label={label} />
    </ProfileSection>
  )
}
