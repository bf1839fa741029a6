// 数据交换令牌 (PROVINCE_ADMIN): the exchange API's tokens with their state, and the form to create one.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { API_TOKEN_MAX_DAYS, API_TOKEN_SCOPE_LABELS } from '@shared/staff-forms/api-tokens'
import { getDb } from '@web/lib/db'
import { formatChinaDate } from '@web/lib/format'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { listAuthorities } from '@web/server/accounts/list-authorities'
import { listApiTokens, type ApiTokenState } from '@web/server/api-tokens/list-api-tokens'
import { CreateApiTokenForm, RevokeApiTokenForm } from './token-forms'

export const metadata: Metadata = { title: '数据交换令牌' }

const STATE_LABELS: Record<ApiTokenState, string> = { ACTIVE: '有效', REVOKED: '已撤销', EXPIRED: '已过期' }

export default function ApiTokensPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">数据交换令牌</h1>
      <p className="mt-2 text-muted">其他部门的系统凭令牌调用数据交换接口（/api/exchange/v1）。令牌以所属主管部门的名义、在其地区范围内办理，所有写入记入审计日志。</p>
      <Suspense fallback={<p className="mt-4 text-muted">正在加载…</p>}>
        <ApiTokens />
      </Suspense>
    </>
  )
}

async function ApiTokens() {
  const actor = await requireActor('accounts.manage')
  const db = getDb()
  const now = new Date()
  const [tokens, authorities, csrfToken] = await Promise.all([listApiTokens(db, actor, now), listAuthorities(db, actor), currentCsrfToken()])
  // the latest last day the form offers (China date), one year from today
  const maxDate = new Date(now.getTime() + 8 * 3600_000 + (API_TOKEN_MAX_DAYS - 1) * 86_400_000).toISOString().slice(0, 10)
  return (
    <>
      <section aria-labelledby="create-title" className="mt-6 rounded border border-line p-4">
        <h2 id="create-title" className="text-xl font-bold text-brand-900">
          创建令牌
        </h2>
        <CreateApiTokenForm csrfToken={csrfToken} authorities={authorities} maxDate={maxDate} />
      </section>
      <section aria-labelledby="list-title" className="mt-8">
        <h2 id="list-title" className="text-xl font-bold text-brand-900">
          全部令牌（{tokens.length}）
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-line bg-surface">
                <th scope="col" className="px-2 py-2">名称 / 前缀</th>
                <th scope="col" className="px-2 py-2">主管部门</th>
                <th scope="col" className="px-2 py-2">权限范围</th>
                <th scope="col" className="px-2 py-2">创建</th>
                <th scope="col" className="px-2 py-2">有效期至</th>
                <th scope="col" className="px-2 py-2">最近使用</th>
                <th scope="col" className="px-2 py-2">状态</th>
                <th scope="col" className="px-2 py-2">操作</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-b border-line align-top">
                  <td className="px-2 py-2">
                    {t.name}
                    <br />
                    <span className="font-mono">{t.prefix}…</span>
                    <br />
                    <span className="text-muted">服务账号 {t.serviceUsername}</span>
                  </td>
                  <td className="px-2 py-2">{t.authorityName}</td>
                  <td className="px-2 py-2">{t.scopes.map((s) => API_TOKEN_SCOPE_LABELS[s]).join('、')}</td>
                  <td className="px-2 py-2">{formatChinaDate(t.createdAt)}</td>
                  <td className="px-2 py-2">{formatChinaDate(new Date(t.expiresAt.getTime() - 1))}</td>
                  <td className="px-2 py-2">{t.lastUsedAt ? formatChinaDate(t.lastUsedAt) : '从未使用'}</td>
                  <td className="px-2 py-2">
                    {t.state === 'ACTIVE' ? STATE_LABELS[t.state] : <span className="font-bold text-seal-dark">{STATE_LABELS[t.state]}</span>}
                    {t.revokedAt && (
                      <>
                        <br />
                        {formatChinaDate(t.revokedAt)}
                      </>
                    )}
                  </td>
                  <td className="px-2 py-2">{t.state !== 'REVOKED' ? <RevokeApiTokenForm csrfToken={csrfToken} tokenId={t.id} name={t.name} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}
