import type { Metadata } from 'next'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { buildOpenApiDocument } from '@web/lib/openapi/build-document'
import { apiOperations } from '@web/lib/openapi/operations'

export const metadata: Metadata = {
  title: '开放数据接口',
  description: '海南省建筑市场诚信信息公开平台开放数据接口（/api/v1）说明：施工许可、竣工验收备案、项目、企业、从业人员、诚信曝光台、统计。',
}

type Parameter = { name: string; in: string; required: boolean; description?: string; schema?: { type?: string; enum?: string[]; maximum?: number; minimum?: number; default?: unknown; pattern?: string } }

function describeSchema(s: Parameter['schema']): string {
  if (!s) return ''
  if (s.enum) return s.enum.length > 8 ? `枚举（${s.enum.length} 个取值）` : s.enum.join(' | ')
  const parts = [s.type ?? '']
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`${s.minimum ?? ''}–${s.maximum ?? ''}`)
  if (s.default !== undefined) parts.push(`默认 ${String(s.default)}`)
  return parts.filter(Boolean).join('，')
}

export default function ApiDocsPage() {
  // The origin only fills the document's `servers`; the docs page lists paths relative to this site.
  const document = buildOpenApiDocument(apiOperations, '')
  return (
    <>
      <Breadcrumbs items={[{ label: '开放数据接口' }]} />
      <h1 className="text-2xl font-bold text-brand-900">开放数据接口</h1>
      <div className="mt-3 max-w-3xl space-y-2">
        <p>本平台公开的数据均可通过只读 JSON 接口获取，无需注册。接口说明以 OpenAPI 3.1 格式发布：</p>
        <p>
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
        </p>
        <p>列表接口支持与页面相同的筛选条件，按固定顺序分页（pageSize 最大 100）；导出接口返回筛选结果的全部记录（CSV 为 UTF-8 带 BOM，可用 Excel 直接打开）。参数有误时返回 HTTP 400 及说明每个参数问题的 JSON；记录不存在时返回 404。</p>
      </div>
      {Object.entries(document.paths).map(([path, methods]) =>
        Object.entries(methods).map(([method, raw]) => {
          const op = raw as { operationId: string; summary: string; description?: string; tags: string[]; parameters: Parameter[]; responses: Record<string, { description: string }> }
          return (
            <section key={op.operationId} aria-labelledby={op.operationId} className="mt-8 border-t border-line pt-4">
              <h2 id={op.operationId} className="text-lg font-bold">
                {op.summary}
              </h2>
              <p className="mt-1 font-mono text-sm break-all">
                <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-white uppercase">{method}</span>
                {path}
              </p>
              {op.description && <p className="mt-2">{op.description}</p>}
              {op.parameters.length > 0 && (
                <div className="mt-3 overflow-x-auto">
                  <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
                    <caption className="sr-only">{op.summary}的参数</caption>
                    <thead>
                      <tr className="bg-surface">
                        <th scope="col" className="px-2 py-1">参数</th>
                        <th scope="col" className="px-2 py-1">位置</th>
                        <th scope="col" className="px-2 py-1">类型与取值</th>
                        <th scope="col" className="px-2 py-1">说明</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr key={p.name} className="border-t border-line align-top">
                          <th scope="row" className="px-2 py-1 font-mono font-normal">
                            {p.name}
                            {p.required && <span className="text-seal"> *</span>}
                          </th>
                          <td className="px-2 py-1">{p.in === 'path' ? '路径' : '查询'}</td>
                          <td className="px-2 py-1 break-all">{describeSchema(p.schema)}</td>
                          <td className="px-2 py-1">{p.description ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <p className="mt-2 text-sm text-muted">
                响应：{Object.entries(op.responses).map(([status, r]) => `${status} ${r.description}`).join('；')}
              </p>
            </section>
          )
        }),
      )}
    </>
  )
}
