// The columns of the practitioner export. One row per person; several registrations share a cell,
// separated by '；'. The ID number is exported masked only, the phone number not at all.
import { REGISTRATION_TYPE_LABELS } from '@shared/domain/enums'
import type { PractitionerListItem } from '@web/server/practitioners/practitioners-schemas'
import type { ExportColumn } from './export-response'

const SEPARATOR = '；'

function registrations(p: PractitionerListItem, part: (r: PractitionerListItem['registrations'][number]) => string): string {
  return p.registrations.map(part).join(SEPARATOR)
}

export const practitionerExportColumns: ExportColumn<PractitionerListItem>[] = [
  { header: '姓名', value: (p) => p.name },
  { header: '性别', value: (p) => p.gender },
  { header: '身份证号（脱敏）', value: (p) => p.idNumberMasked },
  { header: '工作单位', value: (p) => p.employer?.name },
  { header: '工作单位统一社会信用代码', value: (p) => p.employer?.uscc },
  { header: '单位注册地', value: (p) => p.employer?.regionName },
  { header: '注册类别', value: (p) => registrations(p, (r) => REGISTRATION_TYPE_LABELS[r.type]) },
  { header: '注册编号', value: (p) => registrations(p, (r) => r.number) },
  { header: '注册专业', value: (p) => registrations(p, (r) => r.specialty) },
  { header: '注册有效期至', value: (p) => registrations(p, (r) => `${r.validUntil}${r.expired ? '（已过期）' : ''}`) },
]

export const practitionerToJson = (p: PractitionerListItem) => p
