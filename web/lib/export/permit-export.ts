// The columns of the construction-permit export, in the order and words of the printed register.
import { PROJECT_CATEGORY_LABELS, STAGE_STATUS_LABELS } from '@shared/domain/enums'
import type { PermitListItem } from '@web/server/permits/permits-schemas'
import type { ExportColumn } from './export-response'

export const permitExportColumns: ExportColumn<PermitListItem>[] = [
  { header: '施工许可证编号', value: (p) => p.permitNumber },
  { header: '项目编码', value: (p) => p.projectCode },
  { header: '工程名称', value: (p) => p.projectName },
  { header: '工程类别', value: (p) => PROJECT_CATEGORY_LABELS[p.category] },
  { header: '行政区划', value: (p) => p.regionName },
  { header: '施工单位', value: (p) => p.contractorName },
  { header: '施工单位统一社会信用代码', value: (p) => p.contractorUscc },
  { header: '发证日期', value: (p) => p.issuedOn },
  { header: '合同价格（万元）', value: (p) => p.contractPrice },
  { header: '建筑面积（平方米）', value: (p) => p.floorArea },
  { header: '状态', value: (p) => STAGE_STATUS_LABELS[p.status] },
]

export const permitToJson = (p: PermitListItem) => p
