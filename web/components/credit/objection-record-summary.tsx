// The record a request is about, as a short fact list (form page and status page).
import { RECORD_KIND_LABELS } from '@shared/domain/enums'
import { EnterpriseLink, PersonLink } from '@web/components/entity-links'
import { FactTable } from '@web/components/fact-table'
import type { ObjectionRecordSummary } from '@web/server/objections/objections-repository'

export function ObjectionRecordFacts({ record }: { record: ObjectionRecordSummary }) {
  return (
    <FactTable
      rows={[
        { label: '记录', value: record.title },
        { label: '主体', value: record.subject.type === 'ENTERPRISE' ? <EnterpriseLink enterprise={record.subject} /> : <PersonLink person={record.subject} /> },
        { label: '类别', value: `${RECORD_KIND_LABELS[record.kind]} · ${record.categoryLabel}` },
        { label: '文号', value: record.decisionNumber },
        { label: '实施机关', value: record.issuedBy },
        { label: '决定日期', value: record.decidedOn },
        { label: '公示期限', value: `${record.publishFrom} 至 ${record.lastPublicDay}` },
      ]}
    />
  )
}
