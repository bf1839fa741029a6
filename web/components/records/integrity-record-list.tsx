// A subject's integrity records (诚信行为记录) as cards: what was decided, by whom, under which
// decision number, and until when it is public. Used by the enterprise and the practitioner
// profiles, which list only records public today (the repositories filter by the publication rule),
// so every card is 公示中.
import { RECORD_KIND_LABELS } from '@shared/domain/enums'
import { RecordRequestLinks } from '@web/components/credit/record-request-links'
import { ProjectLink } from '@web/components/entity-links'
import { StatusBadge } from '@web/components/status-badge'
import { formatCount } from '@web/lib/format'
import { PUBLICATION_STATE_LABELS } from '@shared/records/publication'
import type { IntegrityRecordItem } from '@web/server/subjects/subjects-schemas'

export function IntegrityRecordList({ records, total, label }: { records: readonly IntegrityRecordItem[]; total: number; label: string }) {
  if (records.length === 0) {
    return <p className="mt-3 text-muted">暂无公示中的诚信行为记录。</p>
  }
  return (
    <>
      <ul aria-label={label} className="mt-4 divide-y divide-line border-y border-line">
        {records.map((r) => (
          <li key={r.id} id={`record-${r.id}`} className="scroll-mt-4 py-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="text-base font-bold sm:text-lg">{r.title}</h3>
              <span className="flex flex-wrap gap-2">
                <StatusBadge tone={r.kind === 'GOOD' ? 'good' : 'bad'}>{RECORD_KIND_LABELS[r.kind]}</StatusBadge>
                <StatusBadge tone="good">{PUBLICATION_STATE_LABELS.PUBLIC}</StatusBadge>
              </span>
            </div>
            <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
              <Fact label="类别">{r.categoryLabel}</Fact>
              <Fact label="文号">{r.decisionNumber}</Fact>
              <Fact label="发布机关">{r.issuedBy}</Fact>
              <Fact label="决定日期">{r.decidedOn}</Fact>
              <Fact label="公示起始">{r.publishFrom}</Fact>
              <Fact label="公示截止">{r.lastPublicDay}</Fact>
              {r.project && (
                <Fact label="相关项目">
                  <ProjectLink project={r.project} />
                </Fact>
              )}
            </dl>
            <p className="mt-2 text-sm leading-relaxed">{r.description}</p>
            <RecordRequestLinks recordId={r.id} kind={r.kind} />
          </li>
        ))}
      </ul>
      {total > records.length && (
        <p className="mt-3 text-sm text-muted">
          共 {formatCount(total)} 条记录，此处显示最近 {formatCount(records.length)} 条。
        </p>
      )}
      <p className="mt-3 text-sm text-muted">
        此处仅列出公示期内的记录；公示期满或已撤回的记录不再公示，也不再计入信用评价。对记录有异议，或整改后申请提前结束不良行为记录的公示，可使用记录下方的链接提出申请。
      </p>
    </>
  )
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  )
}
