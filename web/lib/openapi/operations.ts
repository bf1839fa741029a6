// Every public API operation, in the order the docs page lists them.
import { exportFormatSchema } from '../export/export-format'
import { permitFiltersSchema, permitListQuerySchema } from '../queries/permit-queries'
import { pageSchema, permitDetailSchema, permitListItemSchema } from './dto-schemas'
import type { ApiOperation } from './operation'

const LIST_DESCRIPTIONS = {
  page: '页码，从 1 开始',
  pageSize: '每页条数，1–100，默认 20',
  region: '行政区划代码（GB/T 2260，园区为 4699NN）',
  year: '年份',
  from: '起始日期（含），YYYY-MM-DD',
  to: '截止日期（含），YYYY-MM-DD',
  category: '工程类别：BUILDING 房屋建筑工程，MUNICIPAL 市政基础设施工程',
  format: '导出格式：csv（UTF-8 BOM，Excel 可直接打开）或 json',
}

export const apiOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/permits',
    operationId: 'listPermits',
    summary: '施工许可证列表',
    description: '按发证日期由近及远、再按内部编号排序，翻页不重不漏。',
    tag: '施工许可',
    query: permitListQuerySchema,
    queryDescriptions: { ...LIST_DESCRIPTIONS, q: '关键词：许可证编号、工程名称、项目编码或施工单位名称', status: '状态：ACTIVE 有效，REVOKED 已撤销，SUPERSEDED 已变更' },
    response: pageSchema(permitListItemSchema),
    errors: [400],
    examples: { ok: '/api/v1/permits?pageSize=5', badRequest: '/api/v1/permits?pageSize=1000' },
  },
  {
    method: 'get',
    path: '/api/v1/permits/{permitNumber}',
    operationId: 'getPermit',
    summary: '施工许可证详情',
    tag: '施工许可',
    pathParams: { permitNumber: { description: '施工许可证编号（18 位）', example: '460100202403150301' } },
    response: permitDetailSchema,
    errors: [404],
    examples: { ok: '/api/v1/permits/{permitNumber}', notFound: '/api/v1/permits/460100199901010101' },
  },
  {
    method: 'get',
    path: '/api/v1/permits/export',
    operationId: 'exportPermits',
    summary: '导出施工许可证（筛选结果全部）',
    tag: '施工许可',
    query: permitFiltersSchema.extend(exportFormatSchema.shape),
    queryDescriptions: LIST_DESCRIPTIONS,
    produces: 'text/csv',
    errors: [400],
    examples: { ok: '/api/v1/permits/export?region=460300&format=csv', badRequest: '/api/v1/permits/export?format=xls' },
  },
]

export const openApiPaths = (): string[] => apiOperations.map((o) => o.path)
