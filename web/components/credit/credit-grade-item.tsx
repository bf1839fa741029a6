// One line of the credit-grade ranking: who, which rule set, where, score and grade.
import { SUBJECT_TYPE_LABELS } from '@shared/domain/enums'
import { EnterpriseLink, PersonLink } from '@web/components/entity-links'
import { StatusBadge } from '@web/components/status-badge'
import type { CreditGradeListItem, CreditSubject } from '@web/server/credit/credit-schemas'
import { GradeBadge } from './grade-badge'

export function SubjectLink({ subject }: { subject: CreditSubject }) {
  return subject.type === 'ENTERPRISE' ? <EnterpriseLink enterprise={subject} /> : <PersonLink person={subject} />
}

export function CreditGradeItem({ item }: { item: CreditGradeListItem }) {
  return (
    <li className="py-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-base font-bold sm:text-lg">
          <SubjectLink subject={item.subject} />
          <span className="ml-2 text-sm font-normal text-muted">{SUBJECT_TYPE_LABELS[item.subject.type]}</span>
        </h3>
        <span className="flex flex-wrap items-center gap-2">
          {item.blacklisted && <StatusBadge tone="bad">黑名单</StatusBadge>}
          <GradeBadge grade={item.grade} />
        </span>
      </div>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Fact label="信用分" value={<strong className="tabular-nums">{item.score}</strong>} />
        <Fact label="等级" value={`${item.grade}（${item.gradeLabel}）`} />
        <Fact label="主体类别" value={item.subjectClassLabel} />
        <Fact label="所在地" value={item.regionName ?? '—'} />
        {item.subject.type === 'ENTERPRISE' && <Fact label="统一社会信用代码" value={<span className="tabular-nums">{item.subject.uscc}</span>} />}
        {item.subject.type === 'PERSON' && item.subject.employerName && <Fact label="工作单位" value={item.subject.employerName} />}
        <Fact label="等级起始日" value={item.asOf} />
      </dl>
    </li>
  )
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0 break-all">{value}</dd>
    </div>
  )
}
