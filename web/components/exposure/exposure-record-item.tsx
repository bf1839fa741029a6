// One record of the exposure board as a card: who, what, under which decision, until when.
import { SUBJECT_TYPE_LABELS } from '@shared/domain/enums'
import type { ExposureEntry } from '@web/server/records/exposure-schemas'
import { RecordRequestLinks } from '../credit/record-request-links'
import { ProjectLink } from '../entity-links'
import { ExposureSubjectLink } from './exposure-subject-link'
import { RecordKindBadge } from './record-kind-badge'

export function ExposureRecordItem({ entry }: { entry: ExposureEntry }) {
  return (
    <li id={`record-${entry.id}`} className="py-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-base font-bold sm:text-lg">
          <ExposureSubjectLink subject={entry.subject} />
          <span className="ml-2 text-sm font-normal text-muted">{SUBJECT_TYPE_LABELS[entry.subject.type]}</span>
        </h3>
        <RecordKindBadge kind={entry.kind} />
      </div>
      <p className="mt-1 font-medium">{entry.title}</p>
      <p className="mt-1 text-sm leading-relaxed">{entry.description}</p>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Fact label="文号" value={<span className="tabular-nums">{entry.decisionNumber}</span>} />
        <Fact label="实施机关" value={entry.issuedBy} />
        <Fact label="决定日期" value={entry.decidedOn} />
        <Fact label="公示截止" value={entry.lastPublicDay} />
        {entry.regionName && <Fact label="所在地" value={entry.regionName} />}
        {entry.project && <Fact label="项目" value={<ProjectLink project={entry.project} />} />}
      </dl>
      <RecordRequestLinks recordId={entry.id} kind={entry.kind} />
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
