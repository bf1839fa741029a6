// Import file of integrity records (commendations and penalties), with the fields of the staff form
// (shared/staff-forms/records.ts). One decision (文号) may name several subjects — an enterprise and
// its project manager — so the natural key is the decision number with the subject.
import { recordFormSchema } from '../staff-forms/records'
import { RECORD_CATEGORY_TABLE, RECORD_KIND_TABLE } from './code-tables'
import type { ImportKindSpec } from './column-spec'
import { EXAMPLE_USCC } from './common-columns'

export const INTEGRITY_RECORDS: ImportKindSpec = {
  id: 'integrity-records',
  label: '诚信行为记录',
  sheetName: '诚信行为记录',
  naturalKey: ['decisionNumber', 'subjectCode'],
  formSchema: recordFormSchema,
  extraSchema: null,
  columns: [
    {
      field: 'subjectCode',
      header: '主体代码',
      required: true,
      kind: 'code',
      description: '企业填写18位统一社会信用代码，从业人员填写执业注册编号；该主体须已在库中',
      example: EXAMPLE_USCC.contractor,
    },
    { field: 'kind', header: '记录性质', required: true, kind: 'enum', codeTable: RECORD_KIND_TABLE, description: '良好行为或不良行为', example: '不良行为' },
    {
      field: 'categoryCode',
      header: '记录类别',
      required: true,
      kind: 'enum',
      codeTable: RECORD_CATEGORY_TABLE,
      description: '现行诚信评分标准中的类别，须与记录性质相符；扣分和公示期限按标准自动确定',
      example: '一般行政处罚',
    },
    { field: 'title', header: '记录标题', required: true, kind: 'text', description: '不超过200个字', example: '未按规定设置安全防护设施' },
    {
      field: 'description',
      header: '记录内容',
      required: true,
      kind: 'longText',
      description: '事实、依据和处理结果，不超过2000个字，可换行',
      example: '2024年6月检查发现施工现场临边防护缺失，依据《建设工程安全生产管理条例》第六十二条予以警告。',
    },
    {
      field: 'decisionNumber',
      header: '决定文号',
      required: true,
      kind: 'text',
      description: '处罚或表彰决定的文号，按原文填写；同一文号同一主体的记录再次导入时更新该记录',
      example: '琼建罚〔2024〕12号',
    },
    { field: 'issuedBy', header: '实施机关', required: true, kind: 'text', description: '作出决定的机关', example: '海口市住房和城乡建设局' },
    { field: 'decidedOn', header: '决定日期', required: true, kind: 'date', description: '决定书上的日期', example: '2024-06-28' },
    { field: 'penaltyLastDay', header: '处罚期限截止日', required: false, kind: 'date', description: '仅不良行为：处罚期限的最后一天，可不填', example: '' },
    { field: 'publishFrom', header: '公示起始日', required: false, kind: 'date', description: '不填则为决定日期', example: '' },
  ],
}
