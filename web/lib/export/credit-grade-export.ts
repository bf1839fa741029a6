// The columns of the credit-grade ranking and blacklist exports. A practitioner is named and
// identified by the portal's id only, never an ID number or phone.
import { SUBJECT_TYPE_LABELS } from '@shared/domain/enums'
import type { BlacklistEntry, CreditGradeListItem } from '@web/server/credit/credit-schemas'
import type { ExportColumn } from './export-response'

const subjectColumns = <T extends Pick<CreditGradeListItem, 'subject' | 'regionName'>>(): ExportColumn<T>[] => [
  { header: '主体类型', value: (e) => SUBJECT_TYPE_LABELS[e.subject.type] },
  { header: '名称', value: (e) => e.subject.name },
  { header: '统一社会信用代码', value: (e) => (e.subject.type === 'ENTERPRISE' ? e.subject.uscc : null) },
  { header: '人员编号', value: (e) => (e.subject.type === 'PERSON' ? e.subject.id : null) },
  { header: '所在地', value: (e) => e.regionName },
]

export const creditGradeExportColumns: ExportColumn<CreditGradeListItem>[] = [
  ...subjectColumns<CreditGradeListItem>(),
  { header: '评价主体类别', value: (e) => e.subjectClassLabel },
  { header: '信用分', value: (e) => e.score },
  { header: '信用等级', value: (e) => e.grade },
  { header: '等级含义', value: (e) => e.gradeLabel },
  { header: '是否列入黑名单', value: (e) => (e.blacklisted ? '是' : '否') },
  { header: '等级起始日', value: (e) => e.asOf },
  { header: '评分标准版本', value: (e) => e.standardVersion },
]

export const creditGradeToJson = (e: CreditGradeListItem) => e

export const blacklistExportColumns: ExportColumn<BlacklistEntry>[] = [
  ...subjectColumns<BlacklistEntry>(),
  { header: '列入情形', value: (e) => e.grounds.map((g) => g.label).join('；') },
  { header: '列入日期', value: (e) => e.listedOn },
  { header: '移出日期', value: (e) => e.removableOn },
  { header: '依据记录文号', value: (e) => e.grounds.flatMap((g) => g.records.map((r) => r.decisionNumber)).join('；') },
  { header: '依据记录编号', value: (e) => e.grounds.flatMap((g) => g.records.map((r) => r.id)).join('；') },
  { header: '信用等级', value: (e) => e.grade },
  { header: '等级起始日', value: (e) => e.asOf },
]

export const blacklistToJson = (e: BlacklistEntry) => e
