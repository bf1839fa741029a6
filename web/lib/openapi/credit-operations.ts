// The credit-grade, scoring-standard and objection operations of the public API, spread into
// apiOperations (operations.ts), which the "document every route handler" test requires.
import { z } from 'zod'
import { scoringStandardSchema } from '@shared/scoring'
import { objectionInputSchema } from '@shared/objections/input'
import { exportFormatSchema } from '../export/export-format'
import { blacklistFiltersSchema, blacklistListQuerySchema, creditGradeFiltersSchema, creditGradeListQuerySchema, scoringStandardQuerySchema } from '@web/server/credit/credit-queries'
import { keysetPageSchema } from './dto-schemas'
import { blacklistEntrySchema, creditGradeListItemSchema, objectionSubmittedSchema, objectionViewSchema, subjectCreditSchema } from './credit-dto-schemas'
import type { ApiOperation } from './operation'

const LIST = {
  page: '页码，从 1 开始；按页码最多翻到第 50 页，更深的页用 cursor',
  cursor: '上一次回答的 nextCursor 或 prevCursor（不透明字符串）；给出时忽略 page',
  pageSize: '每页条数，1–100，默认 20',
  q: '企业或人员名称的一部分，或完整的统一社会信用代码',
  subjectType: 'ENTERPRISE 企业，PERSON 从业人员',
  region: '企业注册地或从业人员聘用单位所在地的行政区划代码',
  format: '导出格式：csv（UTF-8 BOM，Excel 可直接打开）或 json',
}

export { scoringStandardQuerySchema }

/** The path of a tracking number (受理编号); shape and check character are checked by the route. */
export const TRACKING_NUMBER_EXAMPLE = 'YY20261124K7M2QX9PAR4TC'

const CREDIT_DESCRIPTION =
  '按统一的诚信评分标准，依据该主体全部诚信行为记录在北京时间当日实时计算：每条计分记录的分值（封顶后）、所依据的规则及停止计分日期；' +
  '黑名单状态及情形、列入和移出日期；对应信用等级的差别化监管措施；假定无新记录时今后分数、等级或黑名单状态发生变化的日期（nextChanges）；' +
  '以及已存储的历史评价（history）和最近一次存储的评价与实时计算是否一致（stored.agrees）。'

export const creditOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/credit-grades',
    operationId: 'listCreditGrades',
    summary: '信用等级排行',
    description: '各企业和从业人员最近一次存储的信用评价（每日重算），按信用分由高到低，同分按编号排序，翻页不重不漏。',
    tag: '信用等级',
    query: creditGradeListQuerySchema,
    queryDescriptions: { ...LIST, subjectClass: '评价主体类别：CONSTRUCTION 施工企业，SUPERVISION 监理企业，SURVEY_DESIGN 勘察设计企业，OTHER_FIRM 其他企业，PRACTITIONER 注册执业人员', grade: '信用等级', blacklisted: 'YES 已列入黑名单，NO 未列入' },
    response: keysetPageSchema(creditGradeListItemSchema),
    errors: [400],
    examples: { ok: '/api/v1/credit-grades?pageSize=5', badRequest: '/api/v1/credit-grades?grade=AAAA' },
  },
  {
    method: 'get',
    path: '/api/v1/credit-grades/export',
    operationId: 'exportCreditGrades',
    summary: '导出信用等级排行（筛选结果全部）',
    tag: '信用等级',
    query: creditGradeFiltersSchema.extend(exportFormatSchema.shape),
    queryDescriptions: LIST,
    produces: 'text/csv',
    errors: [400],
    examples: { ok: '/api/v1/credit-grades/export?subjectClass=CONSTRUCTION&format=csv', badRequest: '/api/v1/credit-grades/export?blacklisted=maybe' },
  },
  {
    method: 'get',
    path: '/api/v1/credit-grades/blacklist',
    operationId: 'listBlacklist',
    summary: '建筑市场主体“黑名单”',
    description: '当日仍在列入期内的主体（依据最近一次存储的评价），附列入情形、所依据的记录、列入日期和移出日期，按列入日期由近及远。',
    tag: '信用等级',
    query: blacklistListQuerySchema,
    queryDescriptions: LIST,
    response: keysetPageSchema(blacklistEntrySchema),
    errors: [400],
    examples: { ok: '/api/v1/credit-grades/blacklist', badRequest: '/api/v1/credit-grades/blacklist?subjectType=ROBOT' },
  },
  {
    method: 'get',
    path: '/api/v1/credit-grades/blacklist/export',
    operationId: 'exportBlacklist',
    summary: '导出“黑名单”（筛选结果全部）',
    tag: '信用等级',
    query: blacklistFiltersSchema.extend(exportFormatSchema.shape),
    queryDescriptions: LIST,
    produces: 'text/csv',
    errors: [400],
    examples: { ok: '/api/v1/credit-grades/blacklist/export?format=csv', badRequest: '/api/v1/credit-grades/blacklist/export?format=pdf' },
  },
  {
    method: 'get',
    path: '/api/v1/enterprises/{uscc}/credit',
    operationId: 'getEnterpriseCredit',
    summary: '企业信用等级及评分明细',
    description: CREDIT_DESCRIPTION,
    tag: '信用等级',
    pathParams: { uscc: { description: '统一社会信用代码', example: '91460100MA5T00000X' } },
    response: subjectCreditSchema,
    errors: [400, 404],
    examples: { ok: '/api/v1/enterprises/{uscc}/credit', badRequest: '/api/v1/enterprises/91460100MA5T0000/credit', notFound: '/api/v1/enterprises/91460100MA5TNUL11L/credit' },
  },
  {
    method: 'get',
    path: '/api/v1/practitioners/{id}/credit',
    operationId: 'getPractitionerCredit',
    summary: '从业人员信用等级及评分明细',
    description: CREDIT_DESCRIPTION,
    tag: '信用等级',
    pathParams: { id: { description: '人员编号', example: 'cpe00000oju3dznbv5fv5k614' } },
    response: subjectCreditSchema,
    errors: [404],
    examples: { ok: '/api/v1/practitioners/{id}/credit', notFound: '/api/v1/practitioners/cpe-unknown/credit' },
  },
  {
    method: 'get',
    path: '/api/v1/scoring-standard',
    operationId: 'getScoringStandard',
    summary: '诚信评分标准',
    description: '评分标准全文（数据）：记录类别及分值、公示期限、各类主体的基础分、封顶分和信用等级分数线、差别化监管措施、“黑名单”情形和依据。标注于 configurable 的数值为本省可调整的取值。',
    tag: '信用等级',
    query: scoringStandardQuerySchema,
    queryDescriptions: { version: '评分标准版本，默认为现行版本' },
    response: scoringStandardSchema,
    errors: [400],
    examples: { ok: '/api/v1/scoring-standard', badRequest: '/api/v1/scoring-standard?version=HN-1999.1' },
  },
  {
    method: 'post',
    path: '/api/v1/objections',
    operationId: 'submitObjection',
    summary: '提出异议或申请信用修复',
    description:
      '对一条正在公示的诚信行为记录提出异议（kind=OBJECTION），或在整改后对一条不良行为记录申请信用修复（kind=REPAIR，须公示满最短期限：公示期不超过 12 个月的记录 3 个月，其余 12 个月）。' +
      '请求体为 JSON（Content-Type: application/json，否则返回 415），不超过 16 KB（否则返回 413，分块传输同样计数）；来自其他网站的浏览器请求（Origin 不是本平台）返回 403，本接口不提供跨域访问。返回受理编号 trackingNumber 和办理进度页面地址；联系电话等个人信息不公开，进度查询中仅显示脱敏后的内容。' +
      '每个客户端每小时可提交的次数有限（含未通过校验的提交），超出返回 429 并附 Retry-After（秒）。记录不存在或当日不在公示期内（未开始、已期满或已撤回）返回 404。',
    tag: '异议与信用修复',
    requestBody: objectionInputSchema,
    response: objectionSubmittedSchema,
    successStatus: 201,
    errors: [400, 403, 404, 413, 415, 429],
    examples: {
      ok: '/api/v1/objections',
      okBody: { recordId: '{recordId}', kind: 'OBJECTION', applicantName: '开放接口一致性测试', contactPhone: '0898-66668888', reasons: '开放数据接口一致性测试提交的异议申请，无需处理。' },
      badRequest: '/api/v1/objections',
      badRequestBody: { recordId: '{recordId}', kind: 'OBJECTION', applicantName: '测', contactPhone: '12345', reasons: '太短' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/objections/{trackingNumber}',
    operationId: 'getObjection',
    summary: '异议及信用修复办理进度',
    description: '按受理编号查询办理状态：SUBMITTED 已提交，UNDER_REVIEW 审核中，ACCEPTED 已采纳，REJECTED 未予采纳（附理由）。申请人名称、联系电话和电子邮箱仅显示脱敏后的内容。',
    tag: '异议与信用修复',
    pathParams: { trackingNumber: { description: '受理编号（23 位，YY 开头）', example: TRACKING_NUMBER_EXAMPLE } },
    response: objectionViewSchema,
    errors: [400, 404],
    examples: { ok: '/api/v1/objections/{trackingNumber}', badRequest: '/api/v1/objections/YY20261124K7M2QX9PAR4TX', notFound: '/api/v1/objections/YY20000101000000000000M' },
  },
]
