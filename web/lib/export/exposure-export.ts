// The columns of the exposure-board export. A person is named only, never identified further.
import { RECORD_KIND_LABELS, SUBJECT_TYPE_LABELS } from '@shared/domain/enums'
import type { ExposureEntry } from '@web/server/records/exposure-schemas'
import type { ExportColumn } from './export-response'

export const exposureExportColumns: ExportColumn<ExposureEntry>[] = [
  { header: '记录类别', value: (e) => RECORD_KIND_LABELS[e.kind] },
  { header: '主体类型', value: (e) => SUBJECT_TYPE_LABELS[e.subject.type] },
  { header: '主体名称', value: (e) => e.subject.name },
  { header: '统一社会信用代码', value: (e) => (e.subject.type === 'ENTERPRISE' ? e.subject.uscc : null) },
  { header: '所在地', value: (e) => e.regionName },
  { header: '事由', value: (e) => e.title },
  { header: '内容', value: (e) => e.description },
  { header: '文号', value: (e) => e.decisionNumber },
  { header: '实施机关', value: (e) => e.issuedBy },
  { header: '决定日期', value: (e) => e.decidedOn },
  { header: '公示起始', value: (e) => e.publishFrom },
  { header: '公示截止', value: (e) => e.lastPublicDay },
  { header: '项目编码', value: (e) => e.project?.projectCode },
  { header: '项目名称', value: (e) => e.project?.name },
  { header: '记录编号', value: (e) => e.id },
]

export const exposureToJson = (e: ExposureEntry) => e
