// The columns of the project export, in the order and words of the project register (项目库).
import { PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { STAGE_LABELS } from '@shared/domain/stages'
import type { ProjectListItem } from '@web/server/projects/projects-schemas'
import type { ExportColumn } from './export-response'

export const projectExportColumns: ExportColumn<ProjectListItem>[] = [
  { header: '项目编码', value: (p) => p.projectCode },
  { header: '项目名称', value: (p) => p.name },
  { header: '工程类别', value: (p) => PROJECT_CATEGORY_LABELS[p.category] },
  { header: '行政区划', value: (p) => p.regionName },
  { header: '建设地址', value: (p) => p.address },
  { header: '建设单位', value: (p) => p.ownerName },
  { header: '建设单位统一社会信用代码', value: (p) => p.ownerUscc },
  { header: '总投资（万元）', value: (p) => p.investment },
  { header: '建筑面积（平方米）', value: (p) => p.floorArea },
  { header: '登记日期', value: (p) => p.registeredOn },
  { header: '已办理至', value: (p) => (p.stageReached ? STAGE_LABELS[p.stageReached] : '未办理') },
]

export const projectToJson = (p: ProjectListItem) => p
