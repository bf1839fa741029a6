// Every operation of the exchange API (/api/exchange/v1), described with the zod schemas its code
// validates and answers with; exchange-document.ts builds the OpenAPI document from this list and
// the conformance test (tests/e2e/exchange-api.e2e.test.ts) calls each operation and checks each
// answer against it.
import type { z } from 'zod'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import type { ApiTokenScope } from '@shared/staff-forms/api-tokens'
import { EXCHANGE_BATCH_KINDS, EXCHANGE_BATCH_MAX_ITEMS, EXCHANGE_BATCH_SCOPES } from '@web/server/exchange/exchange-kinds'
import { exchangeEnterpriseSchema, exchangePractitionerSchema, exchangeProjectSchema } from '@web/server/exchange/exchange-read-schemas'
import { exchangeBatchAnswerSchema, exchangeBatchBodySchema } from '@web/server/exchange/exchange-schemas'
import { ministryExportQuerySchema } from '@web/server/exchange/ministry-export-query'

export interface ExchangeOperation {
  method: 'get' | 'post'
  path: string
  operationId: string
  summary: string
  description: string
  tag: string
  scope: ApiTokenScope
  pathParams?: Record<string, { description: string; example: string }>
  query?: z.ZodObject
  queryDescriptions?: Record<string, string>
  requestBody?: z.ZodType
  /** the JSON body of the 200 answer; absent for a streamed answer (`produces`) */
  response?: z.ZodType
  produces?: { 'application/jsonl'?: string; 'text/csv'?: string }
  /** response headers of the 200 answer */
  responseHeaders?: Record<string, string>
  /** error statuses besides 401, 403 and 500, which every operation may answer */
  errors: number[]
}

const TAG_WRITE = '批量写入'
const TAG_READ = '查询'
const TAG_EXPORT = '部级数据库导出'

const batchDescription = (kind: (typeof EXCHANGE_BATCH_KINDS)[number]) =>
  `一次最多 ${EXCHANGE_BATCH_MAX_ITEMS} 项，每一项与批量导入“${IMPORT_KINDS[kind].label}”模板的一行相同（字段名见请求体），经与工作人员表单相同的校验、地区范围和审计写入。` +
  '逐项答复：accepted 的项（created / changed / unchanged）带有该对象的 id，refused 的项列出有误的字段，且不写入任何内容。' +
  '须带 Idempotency-Key：同一键和同一请求体再次提交时返回已保存的答复（响应头 Idempotency-Replayed: true），不会重复写入；同一键换了请求体返回 409。' +
  (kind === 'construction-permits' || kind === 'completion-filings' ? '写入的施工许可证和竣工验收备案证书以平台密钥签名；服务器暂不能签名时返回 503，不写入任何内容。' : '')

const batchOperations: ExchangeOperation[] = EXCHANGE_BATCH_KINDS.map((kind) => ({
  method: 'post',
  path: `/api/exchange/v1/${kind}`,
  operationId: `write${kind.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`,
  summary: `批量写入${IMPORT_KINDS[kind].label}`,
  description: batchDescription(kind),
  tag: TAG_WRITE,
  scope: EXCHANGE_BATCH_SCOPES[kind],
  requestBody: exchangeBatchBodySchema(kind),
  response: exchangeBatchAnswerSchema,
  responseHeaders: { 'Idempotency-Replayed': 'true 表示这是该 Idempotency-Key 已保存的答复，本次未写入' },
  errors: [400, 409, 413, 415, ...(kind === 'construction-permits' || kind === 'completion-filings' ? [503] : [])],
}))

const REGION_NOTE = '令牌所属主管部门地区以外的对象与不存在的对象同样答复 404。'

const readOperations: ExchangeOperation[] = [
  {
    method: 'get',
    path: '/api/exchange/v1/projects/{projectCode}',
    operationId: 'getProject',
    summary: '项目及其五个环节的记录',
    description: `项目基本信息、参建单位、关键岗位人员，以及合同备案、施工图审查、质量安全报监、施工许可、竣工验收备案的每一条记录及其状态（含已撤销、已替换的）和证书状态。${REGION_NOTE}`,
    tag: TAG_READ,
    scope: 'read',
    pathParams: { projectCode: { description: '项目编码（17 位）', example: '46010020240300061' } },
    response: exchangeProjectSchema,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/exchange/v1/enterprises/{uscc}',
    operationId: 'getEnterprise',
    summary: '企业及其资质',
    description: `按统一社会信用代码查询企业基本信息和资质。${REGION_NOTE}`,
    tag: TAG_READ,
    scope: 'read',
    pathParams: { uscc: { description: '统一社会信用代码（18 位）', example: '91460100MA5T000001' } },
    response: exchangeEnterpriseSchema,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/exchange/v1/practitioners/{practitioner}',
    operationId: 'getPractitioner',
    summary: '从业人员及其执业注册',
    description:
      `按执业注册编号（如 琼146202400123，URL 中须百分号编码）或从业人员 id（写入接口答复的 id）查询；不接受身份证号，身份证号只以掩码形式答复，不答复联系电话。人员的地区为其所在企业的地区。${REGION_NOTE}`,
    tag: TAG_READ,
    scope: 'read',
    pathParams: { practitioner: { description: '执业注册编号或从业人员 id', example: '琼146202400123' } },
    response: exchangePractitionerSchema,
    errors: [400, 404],
  },
]

const exportOperation: ExchangeOperation = {
  method: 'get',
  path: '/api/exchange/v1/ministry-export',
  operationId: 'exportToMinistry',
  summary: '向住建部基础数据库的增量导出',
  description:
    '与 npm run export:ministry 相同的导出（表结构与字段对应见 docs/ministry-export.md），边读边传。不带 since 和 cursor 时为全量；带 cursor（上一次答复的 Export-Next-Cursor）时为此后的变更；带 since 时为该时刻起的变更。' +
    '市县令牌只得到本地区的数据，省级令牌得到全部数据。' +
    'format=jsonl（默认）：每行一个 {"table": 表名, "row": {字段: 值}}，最后一行为 {"end": {"mode", "afterSeq", "headSeq", "nextCursor", "rows", "skipped"}}；没有 end 行即答复不完整，应重新请求。' +
    'format=csv：每次一张表（须给 table），与导出命令写出的该表文件相同（UTF-8 BOM）。' +
    '导出含完整身份证号（部级数据库以其标识人员），每次请求写入审计日志。',
  tag: TAG_EXPORT,
  scope: 'read',
  query: ministryExportQuerySchema,
  queryDescriptions: {
    since: '起始时间：YYYY-MM-DD（北京时间零点）或带时区的 ISO 时间；与 cursor 二选一',
    cursor: '上一次导出答复的 Export-Next-Cursor；与 since 二选一',
    format: 'jsonl（默认）或 csv',
    table: '只导出这一张表（csv 必填）',
  },
  produces: {
    'application/jsonl': '每行一个 JSON 对象：{"table", "row"}，最后一行 {"end": {…}}',
    'text/csv': '一张表：表头为字段名，UTF-8 BOM',
  },
  responseHeaders: {
    'Export-Mode': 'full（全量）或 incremental（增量）',
    'Export-Next-Cursor': '下一次导出时作为 cursor 传入',
    'Export-Head-Seq': '导出开始时审计日志的最新序号',
    'Export-After-Seq': '增量导出：此序号之后的变更',
  },
  errors: [400],
}

export const exchangeOperations: readonly ExchangeOperation[] = [...batchOperations, ...readOperations, exportOperation]
