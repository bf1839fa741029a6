// Builds the OpenAPI 3.1 document from the operation list.
import { z } from 'zod'
import type { ApiOperation } from './operation'
import { errorSchema } from './dto-schemas'

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '参数有误（响应体列出每个有误的参数）',
  404: '未找到',
  413: '请求体过大',
  403: '无权进行此操作（写入接口：请求来自其他网站，即 Origin 不是本平台）',
  415: '请求体类型不受支持（须为 Content-Type: application/json）',
  409: '与当前状态冲突（例如记录已被他人更改）',
  429: '请求过于频繁（见 Retry-After）',
  503: '服务暂不可用（例如证书核验公钥尚未配置；见 Retry-After）',
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

export function buildOpenApiDocument(operations: readonly ApiOperation[], origin: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const parameters: unknown[] = []
    for (const [name, p] of Object.entries(op.pathParams ?? {})) {
      parameters.push({ name, in: 'path', required: true, description: p.description, example: p.example, schema: { type: 'string' } })
    }
    if (op.query) {
      for (const [name, field] of Object.entries(op.query.shape)) {
        const schema = jsonSchema(field as z.ZodType, 'input')
        parameters.push({
          name,
          in: 'query',
          required: !(field as z.ZodType).safeParse(undefined).success,
          ...(op.queryDescriptions?.[name] ? { description: op.queryDescriptions[name] } : {}),
          schema,
        })
      }
    }
    const okContent =
      op.produces && op.produces !== 'application/json'
        ? { [op.produces]: { schema: { type: 'string' } } }
        : { 'application/json': { schema: op.response ? jsonSchema(op.response, 'output') : {} } }
    paths[op.path] ??= {}
    paths[op.path][op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      parameters,
      ...(op.requestBody
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.requestBody, 'input') } } } }
        : {}),
      responses: {
        [op.successStatus ?? 200]: { description: op.successStatus === 201 ? '已创建' : '成功', content: okContent },
        ...Object.fromEntries(
          op.errors.map((status) => [
            status,
            { description: ERROR_DESCRIPTIONS[status] ?? '错误', content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } } },
          ]),
        ),
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '海南省建筑市场诚信信息公开平台 开放数据接口',
      version: '1.0.0',
      description:
        '施工许可、竣工验收备案、项目、企业、从业人员、诚信曝光台和统计数据的只读 JSON 接口。列表接口均支持筛选和分页（pageSize ≤ 100），并提供 CSV（UTF-8 BOM）与 JSON 导出。',
    },
    servers: [{ url: origin }],
    paths,
  }
}
