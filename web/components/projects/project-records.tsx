// The integrity records about a project that are in their publication period (公示期).
import { RECORD_KIND_LABELS } from '@shared/domain/enums'
import { EnterpriseLink, PersonLink } from '@web/components/entity-links'
import { RecordItem, RecordList } from '@web/components/list/record-list'
import { StatusBadge } from '@web/components/status-badge'
import type { ProjectRecord } from '@web/server/projects/projects-schemas'

export function ProjectRecords({ records }: { records: readonly ProjectRecord[] }) {
  return (
    <RecordList label="诚信行为记录">
      {records.map((r, i) => (
        <RecordItem
          key={`${i}-${r.decisionNumber}`}
          title={r.title}
          badge={<StatusBadge tone={r.kind === 'GOOD' ? 'good' : 'bad'}>{RECORD_KIND_LABELS[r.kind]}</StatusBadge>}
          facts={[
            {
              label: r.subject.type === 'ENTERPRISE' ? '企业' : '从业人员',
              value: r.subject.type === 'ENTERPRISE' ? <EnterpriseLink enterprise={r.subject} /> : <PersonLink person={r.subject} />,
            },
            { label: '文号', value: r.decisionNumber },
            { label: '决定日期', value: r.decidedOn },
            { label: '发布单位', value: r.issuedBy },
            { label: '公示期', value: `${r.publishFrom} 至 ${r.lastPublicDay}` },
          ]}
        />
      ))}
    </RecordList>
  )
}
