// The exchange API's own OpenAPI 3.1 document (GET /api/exchange/v1/openapi.json), kept apart from
// the public API's: bearer security, the Idempotency-Key header on every write, each operation's
// scope, per-item answers and the error body, all from the schemas the code runs with.
import { z } from 'zod'
import { API_TOKEN_SCOPE_LABELS } from '@shared/staff-forms/api-tokens'
import { EXCHANGE_MAX_BODY_BYTES } from '@web/lib/exchange/exchange-route'
import { exchangeErrorSchema } from '@web/lib/exchange/exchange-error-schema'
import type { ExchangeOperation } from './exchange-operations'

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '请求有误：响应体的 issues 逐一列出有误的参数、请求头或字段',
  401: '缺少有效的访问令牌（缺失、无效、已撤销或已过期同样答复）',
  403: '令牌没有此接口所需的权限范围',
  404: '未找到（或不在令牌所属主管部门的地区范围内）',
  409: '该 Idempotency-Key 已用于另一个请求体',
  413: `请求体超过 ${EXCHANGE_MAX_BODY_BYTES / 1024 / 1024} MiB`,
  415: '请求体须为 application/json',
  429: '请求过多：同一令牌或同一客户端地址在一个时间窗口内的请求超过上限；按 Retry-After 的秒数等待后重试（写入请求用同一 Idempotency-Key）',
  500: '服务器内部错误；写入请求可用同一 Idempotency-Key 重试',
  503: '服务器暂不能签发证书，未写入任何内容；稍后用同一 Idempotency-Key 重试',
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

const errorRef = { $ref: '#/components/schemas/Error' }

const RATE_LIMIT_HEADERS = {
  'Retry-After': { description: '再次请求前应等待的秒数', schema: { type: 'integer', minimum: 1 } },
  'X-RateLimit-Limit': { description: '所超过的上限（每个时间窗口的请求数）', schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { description: '本时间窗口剩余的请求数（此时为 0）', schema: { type: 'integer' } },
}

export function buildExchangeDocument(operations: readonly ExchangeOperation[], origin: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const parameters: unknown[] = []
    for (const [name, p] of Object.entries(op.pathParams ?? {})) {
      parameters.push({ name, in: 'path', required: true, description: p.description, example: p.example, schema: { type: 'string' } })
    }
    for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: !(field as z.ZodType).safeParse(undefined).success,
        ...(op.queryDescriptions?.[name] ? { description: op.queryDescriptions[name] } : {}),
        schema: jsonSchema(field as z.ZodType, 'input'),
      })
    }
    if (op.method === 'post') parameters.push({ $ref: '#/components/parameters/IdempotencyKey' })
    const okContent = op.produces
      ? Object.fromEntries(Object.entries(op.produces).map(([type, description]) => [type, { schema: { type: 'string', description } }]))
      : { 'application/json': { schema: jsonSchema(op.response!, 'output') } }
    const errors = [...new Set([401, 403, 429, ...op.errors, 500])].sort((a, b) => a - b)
    paths[op.path] ??= {}
    paths[op.path][op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      description: `${op.description}\n\n权限范围：\`${op.scope}\`（${API_TOKEN_SCOPE_LABELS[op.scope]}）。`,
      tags: [op.tag],
      'x-scope': op.scope,
      security: [{ bearer: [op.scope] }],
      parameters,
      ...(op.requestBody ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.requestBody, 'input') } } } } : {}),
      responses: {
        200: {
          description: '成功',
          ...(op.responseHeaders
            ? { headers: Object.fromEntries(Object.entries(op.responseHeaders).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) }
            : {}),
          content: okContent,
        },
        ...Object.fromEntries(
          errors.map((status) => [
            status,
            {
              description: ERROR_DESCRIPTIONS[status] ?? '错误',
              ...(status === 401 ? { headers: { 'WWW-Authenticate': { description: 'Bearer realm="exchange"', schema: { type: 'string' } } } } : {}),
              ...(status === 429 ? { headers: RATE_LIMIT_HEADERS } : {}),
              content: { 'application/json': { schema: errorRef } },
            },
          ]),
        ),
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '海南省建筑市场诚信信息公开平台 数据交换接口',
      version: '1.0.0',
      description:
        '供其他部门的业务系统使用：批量写入企业、从业人员、项目、五个环节和诚信行为记录，查询项目、企业和从业人员，以及向住建部基础数据库的增量导出。' +
        '令牌由系统管理员在 /admin/accounts/tokens 为某一主管部门签发（只显示一次），限定权限范围和有效期；写入以该主管部门的名义经与工作人员表单相同的校验、地区范围和审计完成。' +
        '所有请求使用 Authorization: Bearer <令牌>；写入请求使用 Content-Type: application/json 和 Idempotency-Key。答复不带 Cookie，也不支持浏览器跨域调用。' +
        '请求数按令牌和按客户端地址分别限制（每个时间窗口内的次数，由部署配置），超过时答复 429，Retry-After 给出等待的秒数。',
    },
    servers: [{ url: origin }],
    security: [{ bearer: [] }],
    tags: [
      { name: '批量写入', description: '逐项答复的批量写入' },
      { name: '查询', description: '按地区范围查询' },
      { name: '部级数据库导出', description: '增量导出' },
    ],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: '数据交换令牌（hnex_ 开头），由系统管理员签发' },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: '每个新的写入请求一个新值（1–200 个可见 ASCII 字符，如 UUID）；重试同一请求时用同一个值',
          schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]{1,200}$' },
        },
      },
      schemas: { Error: jsonSchema(exchangeErrorSchema, 'output') },
    },
    paths,
  }
}
