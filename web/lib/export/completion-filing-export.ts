// The columns of the completion-filing export, in the order and words of the printed register.
import { PROJECT_CATEGORY_LABELS, STAGE_STATUS_LABELS } from '@shared/domain/enums'
import type { CompletionFilingListItem } from '@web/server/completion-filings/completion-filings-schemas'
import type { ExportColumn } from './export-response'

export const completionFilingExportColumns: ExportColumn<CompletionFilingListItem>[] = [
  { header: '竣工验收备案编号', value: (f) => f.filingNumber },
  { header: '项目编码', value: (f) => f.projectCode },
  { header: '工程名称', value: (f) => f.projectName },
  { header: '工程类别', value: (f) => PROJECT_CATEGORY_LABELS[f.category] },
  { header: '行政区划', value: (f) => f.regionName },
  { header: '建设单位', value: (f) => f.ownerName },
  { header: '建设单位统一社会信用代码', value: (f) => f.ownerUscc },
  { header: '施工单位', value: (f) => f.contractors.map((c) => c.name).join('、') },
  { header: '施工单位统一社会信用代码', value: (f) => f.contractors.map((c) => c.uscc).join('、') },
  { header: '竣工验收日期', value: (f) => f.acceptedOn },
  { header: '备案日期', value: (f) => f.filedOn },
  { header: '实际造价（万元）', value: (f) => f.actualCost },
  { header: '实际建筑面积（平方米）', value: (f) => f.actualArea },
  { header: '状态', value: (f) => STAGE_STATUS_LABELS[f.status] },
]

export const completionFilingToJson = (f: CompletionFilingListItem) => f
