// The columns of the enterprise export, in the order and words of the enterprise register.
import { ENTERPRISE_TYPE_LABELS } from '@shared/domain/enums'
import type { EnterpriseListItem } from '@web/server/enterprises/enterprises-schemas'
import type { ExportColumn } from './export-response'

export const enterpriseExportColumns: ExportColumn<EnterpriseListItem>[] = [
  { header: '企业名称', value: (e) => e.name },
  { header: '统一社会信用代码', value: (e) => e.uscc },
  { header: '企业类型', value: (e) => ENTERPRISE_TYPE_LABELS[e.type] },
  { header: '注册地', value: (e) => e.regionName },
  { header: '注册地行政区划代码', value: (e) => e.regionCode },
  { header: '省内/省外', value: (e) => (e.inProvince ? '省内' : '省外') },
  { header: '法定代表人', value: (e) => e.legalRepresentative },
  { header: '注册地址', value: (e) => e.registeredAddress },
  { header: '注册资本（万元）', value: (e) => e.registeredCapital },
  { header: '成立日期', value: (e) => e.establishedOn },
]

export const enterpriseToJson = (e: EnterpriseListItem) => e
