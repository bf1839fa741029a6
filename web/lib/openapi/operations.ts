// Every public API operation, in the order the docs page lists them.
import { exportFormatSchema } from '../export/export-format'
import { permitFiltersSchema, permitListQuerySchema } from '@web/server/permits/permit-queries'
import { paginationSchema } from '@web/server/lib/pagination'
import { completionFilingFiltersSchema, completionFilingListQuerySchema } from '@web/server/completion-filings/completion-filing-queries'
import { enterpriseFiltersSchema, enterpriseListQuerySchema, enterpriseProjectsQuerySchema, subjectRecordsQuerySchema } from '@web/server/enterprises/enterprise-queries'
import { exposureFiltersSchema, exposureListQuerySchema } from '@web/server/records/exposure-queries'
import { practitionerFiltersSchema, practitionerListQuerySchema, practitionerProjectsQuerySchema } from '@web/server/practitioners/practitioner-queries'
import { projectFiltersSchema, projectListQuerySchema } from '@web/server/projects/project-queries'
import { statisticsQuerySchema } from '@web/server/statistics/statistics-queries'
import {
  completionFilingDetailSchema,
  completionFilingListItemSchema,
  enterpriseListItemSchema,
  enterpriseProfileSchema,
  enterpriseProjectSchema,
  enterpriseRegistrationSchema,
  exposureEntrySchema,
  keysetPageSchema,
  pageSchema,
  permitDetailSchema,
  permitListItemSchema,
  permitStatisticsSchema,
  practitionerListItemSchema,
  practitionerProfileSchema,
  practitionerProjectSchema,
  projectDetailSchema,
  projectListItemSchema,
  subjectRecordSchema,
} from './dto-schemas'
import type { ApiOperation } from './operation'
import { verifyOperations } from './verify-operations'
import { creditOperations } from './credit-operations'

const LIST_DESCRIPTIONS = {
  page: '页码，从 1 开始；按页码最多翻到第 50 页，更深的页用 cursor',
  cursor: '上一次回答的 nextCursor 或 prevCursor（不透明字符串）；给出时忽略 page',
  pageSize: '每页条数，1–100，默认 20',
  region: '行政区划代码（GB/T 2260，园区为 4699NN）',
  year: '年份',
  from: '起始日期（含），YYYY-MM-DD',
  to: '截止日期（含），YYYY-MM-DD',
  category: '工程类别：BUILDING 房屋建筑工程，MUNICIPAL 市政基础设施工程',
  format: '导出格式：csv（UTF-8 BOM，Excel 可直接打开）或 json',
}

/** The three operations every register has: a filtered list, one record, and the export. */
function register(opts: {
  tag: string
  base: string
  noun: string
  listQuery: ApiOperation['query']
  filters: NonNullable<ApiOperation['query']>
  queryDescriptions: Record<string, string>
  item: Parameters<typeof pageSchema>[0]
  detail: ApiOperation['response']
  idParam: string
  idDescription: string
  idExample: string
  listOrder: string
  examples: { badList: string; notFound: string; export: string }
}): ApiOperation[] {
  return [
    {
      method: 'get',
      path: opts.base,
      operationId: `list${opts.noun}s`,
      summary: `${opts.tag}列表`,
      description: `${opts.listOrder}，再按内部编号排序。按 nextCursor / prevCursor 翻页不重不漏，且任意深的页与第一页一样快；计数到 10,000 条为止（totalCapped）。`,
      tag: opts.tag,
      query: opts.listQuery,
      queryDescriptions: { ...LIST_DESCRIPTIONS, ...opts.queryDescriptions },
      response: keysetPageSchema(opts.item),
      errors: [400],
      examples: { ok: `${opts.base}?pageSize=5`, badRequest: opts.examples.badList },
    },
    {
      method: 'get',
      path: `${opts.base}/{${opts.idParam}}`,
      operationId: `get${opts.noun}`,
      summary: `${opts.tag}详情`,
      tag: opts.tag,
      pathParams: { [opts.idParam]: { description: opts.idDescription, example: opts.idExample } },
      response: opts.detail,
      errors: [404],
      examples: { ok: `${opts.base}/{${opts.idParam}}`, notFound: opts.examples.notFound },
    },
    {
      method: 'get',
      path: `${opts.base}/export`,
      operationId: `export${opts.noun}s`,
      summary: `导出${opts.tag}（筛选结果全部）`,
      description: '流式输出全部筛选结果；CSV 为 UTF-8 带 BOM，以 = + - @ 开头的文本单元格加前导单引号以防公式注入；JSON 为列表项数组。',
      tag: opts.tag,
      query: opts.filters.extend(exportFormatSchema.shape),
      queryDescriptions: { ...LIST_DESCRIPTIONS, ...opts.queryDescriptions },
      produces: 'text/csv',
      errors: [400],
      examples: { ok: opts.examples.export, badRequest: `${opts.base}/export?format=xls` },
    },
  ]
}

const STATUS_DESCRIPTION = '状态：ACTIVE 有效，REVOKED 已撤销，SUPERSEDED 已变更'

export const apiOperations: ApiOperation[] = [
  ...register({
    tag: '施工许可',
    base: '/api/v1/permits',
    noun: 'Permit',
    listQuery: permitListQuerySchema,
    filters: permitFiltersSchema,
    queryDescriptions: { q: '关键词：许可证编号、工程名称、项目编码或施工单位名称', status: STATUS_DESCRIPTION, year: '发证年份' },
    item: permitListItemSchema,
    detail: permitDetailSchema,
    idParam: 'permitNumber',
    idDescription: '施工许可证编号（18 位）',
    idExample: '460100202403150301',
    listOrder: '按发证日期由近及远',
    examples: { badList: '/api/v1/permits?pageSize=1000', notFound: '/api/v1/permits/460100199901010101', export: '/api/v1/permits/export?region=460300&format=csv' },
  }),
  ...register({
    tag: '竣工验收备案',
    base: '/api/v1/completion-filings',
    noun: 'CompletionFiling',
    listQuery: completionFilingListQuerySchema,
    filters: completionFilingFiltersSchema,
    queryDescriptions: { q: '关键词：备案编号、工程名称、项目编码、建设单位或施工单位名称', status: STATUS_DESCRIPTION, year: '备案年份' },
    item: completionFilingListItemSchema,
    detail: completionFilingDetailSchema,
    idParam: 'filingNumber',
    idDescription: '竣工验收备案编号（JB + 18 位）',
    idExample: 'JB460100202612010201',
    listOrder: '按备案日期由近及远',
    examples: { badList: '/api/v1/completion-filings?year=1999x', notFound: '/api/v1/completion-filings/JB460100199901010101', export: '/api/v1/completion-filings/export?region=460300&format=csv' },
  }),
  ...register({
    tag: '项目',
    base: '/api/v1/projects',
    noun: 'Project',
    listQuery: projectListQuerySchema,
    filters: projectFiltersSchema,
    queryDescriptions: {
      q: '关键词：项目名称、项目编码或建设单位名称',
      stage: '已办理至少到该环节（该环节或其后环节有未撤销的文书）',
      year: '项目登记年份',
    },
    item: projectListItemSchema,
    detail: projectDetailSchema,
    idParam: 'projectCode',
    idDescription: '项目编码（17 位）',
    idExample: '46010020240300017',
    listOrder: '按项目登记日期由近及远',
    examples: { badList: '/api/v1/projects?stage=DONE', notFound: '/api/v1/projects/46010019990100001', export: '/api/v1/projects/export?region=460300&format=csv' },
  }),
  ...register({
    tag: '企业',
    base: '/api/v1/enterprises',
    noun: 'Enterprise',
    listQuery: enterpriseListQuerySchema,
    filters: enterpriseFiltersSchema,
    queryDescriptions: { q: '企业名称或统一社会信用代码的一部分（任意长度，含单字）', type: '企业类型', scope: 'IN 省内企业，OUT 省外入琼企业', region: '企业所在地行政区划代码' },
    item: enterpriseListItemSchema,
    detail: enterpriseProfileSchema,
    idParam: 'uscc',
    idDescription: '统一社会信用代码（18 位）',
    idExample: '91460100MA5T00000X',
    listOrder: '按企业名称',
    examples: { badList: '/api/v1/enterprises?scope=ALL', notFound: '/api/v1/enterprises/91460100MA5TNUL11L', export: '/api/v1/enterprises/export?region=460300&format=csv' },
  }),
  {
    method: 'get',
    path: '/api/v1/enterprises/{uscc}/projects',
    operationId: 'listEnterpriseProjects',
    summary: '企业业绩（本平台记录的项目）',
    tag: '企业',
    pathParams: { uscc: { description: '统一社会信用代码', example: '91460100MA5T00000X' } },
    query: enterpriseProjectsQuerySchema,
    queryDescriptions: { ...LIST_DESCRIPTIONS, role: '参建角色' },
    response: pageSchema(enterpriseProjectSchema),
    errors: [400, 404],
    examples: { ok: '/api/v1/enterprises/{uscc}/projects', badRequest: '/api/v1/enterprises/{uscc}/projects?role=BOSS', notFound: '/api/v1/enterprises/91460100MA5TNUL11L/projects' },
  },
  {
    method: 'get',
    path: '/api/v1/enterprises/{uscc}/records',
    operationId: 'listEnterpriseRecords',
    summary: '企业诚信行为记录',
    tag: '企业',
    pathParams: { uscc: { description: '统一社会信用代码', example: '91460100MA5T00000X' } },
    query: subjectRecordsQuerySchema,
    queryDescriptions: { ...LIST_DESCRIPTIONS, kind: 'GOOD 良好行为，BAD 不良行为' },
    response: pageSchema(subjectRecordSchema),
    errors: [400, 404],
    examples: { ok: '/api/v1/enterprises/{uscc}/records', badRequest: '/api/v1/enterprises/{uscc}/records?kind=UGLY', notFound: '/api/v1/enterprises/91460100MA5TNUL11L/records' },
  },
  {
    method: 'get',
    path: '/api/v1/enterprises/{uscc}/registrations',
    operationId: 'listEnterpriseRegistrations',
    summary: '企业注册人员',
    tag: '企业',
    pathParams: { uscc: { description: '统一社会信用代码', example: '91460100MA5T00000X' } },
    query: paginationSchema,
    queryDescriptions: LIST_DESCRIPTIONS,
    response: pageSchema(enterpriseRegistrationSchema),
    errors: [400, 404],
    examples: { ok: '/api/v1/enterprises/{uscc}/registrations', badRequest: '/api/v1/enterprises/{uscc}/registrations?page=0', notFound: '/api/v1/enterprises/91460100MA5TNUL11L/registrations' },
  },
  ...register({
    tag: '从业人员',
    base: '/api/v1/practitioners',
    noun: 'Practitioner',
    listQuery: practitionerListQuerySchema,
    filters: practitionerFiltersSchema,
    queryDescriptions: {
      q: '姓名的一部分、完整的注册编号或聘用单位名称的一部分',
      type: '注册类别',
      region: '聘用单位所在地',
      scope: 'IN 聘用单位在省内，OUT 在省外',
      employer: '聘用单位统一社会信用代码',
    },
    item: practitionerListItemSchema,
    detail: practitionerProfileSchema,
    idParam: 'id',
    idDescription: '人员编号（本平台内部编号；身份证号从不公开）',
    idExample: 'cpe00000oju3dznbv5fv5k614',
    listOrder: '按姓名',
    examples: { badList: '/api/v1/practitioners?type=PLUMBER', notFound: '/api/v1/practitioners/cpe-unknown', export: '/api/v1/practitioners/export?region=460300&format=csv' },
  }),
  {
    method: 'get',
    path: '/api/v1/practitioners/{id}/projects',
    operationId: 'listPractitionerProjects',
    summary: '从业人员担任关键岗位的项目',
    tag: '从业人员',
    pathParams: { id: { description: '人员编号', example: 'cpe00000oju3dznbv5fv5k614' } },
    query: practitionerProjectsQuerySchema,
    queryDescriptions: { ...LIST_DESCRIPTIONS, role: '岗位' },
    response: pageSchema(practitionerProjectSchema),
    errors: [400, 404],
    examples: { ok: '/api/v1/practitioners/{id}/projects', badRequest: '/api/v1/practitioners/{id}/projects?role=CEO', notFound: '/api/v1/practitioners/cpe-unknown/projects' },
  },
  {
    method: 'get',
    path: '/api/v1/practitioners/{id}/records',
    operationId: 'listPractitionerRecords',
    summary: '从业人员诚信行为记录',
    tag: '从业人员',
    pathParams: { id: { description: '人员编号', example: 'cpe00000oju3dznbv5fv5k614' } },
    query: subjectRecordsQuerySchema,
    queryDescriptions: { ...LIST_DESCRIPTIONS, kind: 'GOOD 良好行为，BAD 不良行为' },
    response: pageSchema(subjectRecordSchema),
    errors: [400, 404],
    examples: { ok: '/api/v1/practitioners/{id}/records', badRequest: '/api/v1/practitioners/{id}/records?pageSize=0', notFound: '/api/v1/practitioners/cpe-unknown/records' },
  },
  {
    method: 'get',
    path: '/api/v1/exposure',
    operationId: 'listExposure',
    summary: '诚信曝光台（公示期内的良好和不良行为记录）',
    description: '仅列出状态有效且在公示期内（北京时间当日 publishFrom ≤ 当日 ≤ lastPublicDay）的记录，按决定日期由近及远。',
    tag: '诚信曝光台',
    query: exposureListQuerySchema,
    queryDescriptions: { ...LIST_DESCRIPTIONS, q: '主体名称或文号的一部分', kind: 'GOOD 良好行为，BAD 不良行为', subjectType: 'ENTERPRISE 企业，PERSON 从业人员', region: '主体所在地（人员为其聘用单位所在地）', from: '决定日期起（含）', to: '决定日期止（含）' },
    response: keysetPageSchema(exposureEntrySchema),
    errors: [400],
    examples: { ok: '/api/v1/exposure?pageSize=10', badRequest: '/api/v1/exposure?kind=NEUTRAL' },
  },
  {
    method: 'get',
    path: '/api/v1/exposure/export',
    operationId: 'exportExposure',
    summary: '导出诚信曝光台（筛选结果全部）',
    tag: '诚信曝光台',
    query: exposureFiltersSchema.extend(exportFormatSchema.shape),
    queryDescriptions: LIST_DESCRIPTIONS,
    produces: 'text/csv',
    errors: [400],
    examples: { ok: '/api/v1/exposure/export?kind=BAD&format=csv', badRequest: '/api/v1/exposure/export?from=2024-13-01' },
  },
  {
    method: 'get',
    path: '/api/v1/statistics/permits',
    operationId: 'getPermitStatistics',
    summary: '施工许可和竣工验收备案分市县统计',
    description: '指定年份（可选月份）内各市县办理的施工许可和竣工验收备案件数、面积、金额、排名及同比变化；另附逐月数据。',
    tag: '统计',
    query: statisticsQuerySchema,
    queryDescriptions: { year: '年份，默认为本年（北京时间）', month: '月份 1–12，可选' },
    response: permitStatisticsSchema,
    errors: [400],
    examples: { ok: '/api/v1/statistics/permits?year=2025', badRequest: '/api/v1/statistics/permits?month=13' },
  },
  {
    method: 'get',
    path: '/api/v1/statistics/permits/export',
    operationId: 'exportPermitStatistics',
    summary: '导出分市县统计表',
    tag: '统计',
    query: statisticsQuerySchema.extend(exportFormatSchema.shape),
    queryDescriptions: { year: '年份', month: '月份 1–12，可选', format: LIST_DESCRIPTIONS.format },
    produces: 'text/csv',
    errors: [400],
    examples: { ok: '/api/v1/statistics/permits/export?year=2025&format=csv', badRequest: '/api/v1/statistics/permits/export?year=abc' },
  },
  ...verifyOperations,
  ...creditOperations,
]

export const openApiPaths = (): string[] => apiOperations.map((o) => o.path)
