// 审计日志: the auditor verifies the hash chain now (naming the first broken entry), reads the
// entries newest first with filters and keyset pages, and exports the filtered entries as CSV.
// 'audit.read' only: every other role is sent to the 无权访问 page, and the use cases refuse anyway.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { connection } from 'next/server'
import { FilterForm, type FilterField } from '@web/components/list/filter-form'
import { InvalidFilters, ListLoading } from '@web/components/list/list-summary'
import { issuesFromZod } from '@web/lib/api/api-error'
import { getDb } from '@web/lib/db'
import { flattenSearchParams, queryString } from '@web/lib/listing/search-params'
import { requireActor } from '@web/lib/staff/session'
import { auditQuerySchema } from '@web/server/audit/audit-queries'
import type { AuditChainCheck } from '@web/server/audit/audit-schemas'
import { listAuditEntries } from '@web/server/audit/list-audit-entries'
import { listAuditFilterChoices } from '@web/server/audit/list-audit-filter-choices'
import { verifyAuditLog } from '@web/server/audit/verify-audit-log'

export const metadata: Metadata = { title: '审计日志', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const TH = 'border-b-2 border-brand-700 bg-surface px-2 py-2 text-left font-medium whitespace-nowrap'
const TD = 'border-b border-line px-2 py-2 align-top'

const beijingTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })

export default function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">审计日志</h1>
      <p className="mt-2 text-muted">
        工作人员的每一次写入、登录（成功和失败）、退出、账号变更和查看完整个人信息，都与变更在同一事务中记入审计日志。每条记录含上一条的哈希值，任何一条被修改、删除或调换顺序，校验都会指出第一条断开的记录。本系统不提供修改或删除日志的功能。
      </p>
      <Suspense fallback={<ListLoading />}>
        <AuditSection searchParams={searchParams} />
      </Suspense>
    </>
  )
}

function ChainResult({ check }: { check: AuditChainCheck }) {
  if (check.intact) {
    return (
      <p role="status" className="mt-3 rounded border border-green-300 bg-green-50 px-3 py-2">
        <strong>哈希链完整</strong>：共 {check.entries} 条记录，校验于 {beijingTime(check.checkedAt)}。
        {check.head && (
          <>
            <br />
            当前最新记录（链头）：<code className="break-all">{`${check.head.seq}:${check.head.hash}`}</code>。请在系统外留存或公布链头，并在下次校验时用
            <code>npm run audit:verify -- --head 链头</code>核对：删除最新的若干条记录后剩余的链仍然完整，只有对照留存的链头才能发现。
          </>
        )}
      </p>
    )
  }
  const b = check.broken
  return (
    <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
      <strong>哈希链断开</strong>：共 {check.entries} 条记录；第一条断开的记录为
      {b ? `序号 ${b.seq}（${beijingTime(b.at)}，操作 ${b.action}，对象 ${b.entity} ${b.entityId}）` : '（无法读取）'}
      。该记录或其前一条记录在写入后被修改、删除或调换了顺序。
    </p>
  )
}

async function AuditSection({ searchParams }: { searchParams: SearchParams }) {
  await connection()
  const actor = await requireActor('audit.read')
  const db = getDb()
  const raw = flattenSearchParams(await searchParams)
  const { verify, ...filterValues } = raw
  const choices = await listAuditFilterChoices(db, actor)
  const fields: FilterField[] = [
    { kind: 'select', name: 'action', label: '操作', allLabel: '全部操作', options: choices.actions.map((a) => ({ value: a, label: a })) },
    { kind: 'select', name: 'entity', label: '对象类型', allLabel: '全部类型', options: choices.entities.map((e) => ({ value: e, label: e })) },
    { kind: 'search', name: 'user', label: '用户名', placeholder: '工作人员用户名' },
    { kind: 'search', name: 'entityId', label: '对象编号' },
    { kind: 'date', name: 'from', label: '开始日期' },
    { kind: 'date', name: 'to', label: '结束日期' },
  ]
  const { after: _after, ...formValues } = filterValues
  const form = <FilterForm action="/admin/audit" fields={fields} values={formValues} primary={3} />
  const check = verify === '1' ? await verifyAuditLog(db, actor) : null
  const verifyBlock = (
    <section aria-labelledby="verify-heading" className="mt-6">
      <h2 id="verify-heading" className="text-lg font-bold text-brand-900">
        校验哈希链
      </h2>
      <form action="/admin/audit" method="get" className="mt-2">
        <input type="hidden" name="verify" value="1" />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
          立即校验全部记录
        </button>
      </form>
      {check && <ChainResult check={check} />}
    </section>
  )

  const parsed = auditQuerySchema.safeParse(filterValues)
  if (!parsed.success) {
    return (
      <>
        {verifyBlock}
        <div className="mt-6">{form}</div>
        <InvalidFilters issues={issuesFromZod(parsed.error)} />
      </>
    )
  }
  const { after, ...filters } = parsed.data
  const page = await listAuditEntries(db, actor, parsed.data)
  const filterQuery = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))
  return (
    <>
      {verifyBlock}
      <section aria-labelledby="entries-heading" className="mt-8">
        <h2 id="entries-heading" className="text-lg font-bold text-brand-900">
          日志记录（最新在前）
        </h2>
        <div className="mt-3">{form}</div>
        <p className="mt-3 flex flex-wrap gap-3 text-sm">
          <span className="text-muted">导出筛选结果：</span>
          <a href={`/admin/audit/export${queryString(filterQuery)}`} download>
            CSV（Excel）
          </a>
          {after !== undefined && <a href={`/admin/audit${queryString(filterQuery)}`}>回到最新</a>}
        </p>
        {page.entries.length === 0 ? (
          <p className="mt-4 text-muted">没有符合条件的记录。</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded border border-line" role="region" aria-labelledby="entries-heading" tabIndex={0}>
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr>
                  <th scope="col" className={TH}>序号</th>
                  <th scope="col" className={TH}>时间（北京）</th>
                  <th scope="col" className={TH}>用户</th>
                  <th scope="col" className={TH}>客户端地址</th>
                  <th scope="col" className={TH}>操作</th>
                  <th scope="col" className={TH}>对象</th>
                  <th scope="col" className={TH}>变更</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={e.seq}>
                    <td className={`${TD} tabular-nums`}>{e.seq}</td>
                    <td className={`${TD} tabular-nums whitespace-nowrap`}>{beijingTime(e.at)}</td>
                    <td className={TD}>{e.username ? `${e.displayName}（${e.username}）` : <span className="text-muted">系统命令</span>}</td>
                    <td className={`${TD} font-mono`}>{e.clientIp ?? '—'}</td>
                    <td className={`${TD} font-mono`}>{e.action}</td>
                    <td className={TD}>
                      {e.entity} <span className="font-mono">{e.entityId}</span>
                    </td>
                    <td className={TD}>
                      <details>
                        <summary className="cursor-pointer">查看</summary>
                        <pre className="mt-1 max-w-xl overflow-x-auto text-xs whitespace-pre-wrap break-all">{e.changes}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page.nextAfter !== null && (
          <p className="mt-3">
            <a href={`/admin/audit${queryString(filterQuery, { after: String(page.nextAfter) })}`}>更早的记录 →</a>
          </p>
        )}
      </section>
    </>
  )
}
