// The record a request is about, as a short fact list (form page and status page). A record that
// is no longer public (withdrawn, or its publication period ended) is shown by its category only.
import { RECORD_KIND_LABELS } from '@shared/domain/enums'
import { EnterpriseLink, PersonLink } from '@web/components/entity-links'
import { FactTable } from '@web/components/fact-table'
import type { ObjectionRecord, ObjectionRecordSummary } from '@web/server/objections/objections-schemas'

export function ObjectionRecordFacts({ record }: { record: ObjectionRecordSummary | ObjectionRecord }) {
  const category = { label: '类别', value: `${RECORD_KIND_LABELS[record.kind]} · ${record.categoryLabel}` }
  if ('isPublic' in record && !record.isPublic) {
    return (
      <>
        <FactTable rows={[category]} />
        <p className="mt-2 text-muted" data-testid="objection-record-notice">
          {record.notice}
        </p>
      </>
    )
  }
  return (
    <FactTable
      rows={[
        { label: '记录', value: record.title },
        { label: '主体', value: record.subject.type === 'ENTERPRISE' ? <EnterpriseLink enterprise={record.subject} /> : <PersonLink person={record.subject} /> },
        category,
        { label: '文号', value: record.decisionNumber },
        { label: '实施机关', value: record.issuedBy },
        { label: '决定日期', value: record.decidedOn },
        { label: '公示期限', value: `${record.publishFrom} 至 ${record.lastPublicDay}` },
      ]}
    />
  )
}
