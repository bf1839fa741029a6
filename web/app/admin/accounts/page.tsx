// 账号管理 (PROVINCE_ADMIN): every staff account with its state, and the form to create one.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { STAFF_ROLE_LABELS } from '@shared/domain/enums'
import { AccountActions, CreateAccountForm } from '@web/components/admin/account-forms'
import { getDb } from '@web/lib/db'
import { formatChinaDate } from '@web/lib/format'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { listAccounts } from '@web/server/accounts/list-accounts'
import { listAuthorities } from '@web/server/accounts/list-authorities'

export const metadata: Metadata = { title: '账号管理' }

export default function AccountsPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">账号管理</h1>
      <Suspense fallback={<p className="mt-4 text-muted">正在加载…</p>}>
        <Accounts />
      </Suspense>
    </>
  )
}

async function Accounts() {
  const actor = await requireActor('accounts.manage')
  const db = getDb()
  const [accounts, authorities, csrfToken] = await Promise.all([listAccounts(db, actor), listAuthorities(db, actor), currentCsrfToken()])
  return (
    <>
      <section aria-labelledby="create-title" className="mt-6 rounded border border-line p-4">
        <h2 id="create-title" className="text-xl font-bold text-brand-900">
          创建账号
        </h2>
        <CreateAccountForm csrfToken={csrfToken} authorities={authorities} />
      </section>
      <section aria-labelledby="list-title" className="mt-8">
        <h2 id="list-title" className="text-xl font-bold text-brand-900">
          全部账号（{accounts.length}）
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-line bg-surface">
                <th scope="col" className="px-2 py-2">用户名 / 姓名</th>
                <th scope="col" className="px-2 py-2">角色</th>
                <th scope="col" className="px-2 py-2">主管部门</th>
                <th scope="col" className="px-2 py-2">状态</th>
                <th scope="col" className="px-2 py-2">最近登录</th>
                <th scope="col" className="px-2 py-2">操作</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className="border-b border-line align-top">
                  <td className="px-2 py-2">
                    <span className="font-mono">{a.username}</span>
                    <br />
                    {a.displayName}
                    {a.isDemo && <span className="ml-1 rounded bg-notice-bg px-1 text-xs">演示</span>}
                  </td>
                  <td className="px-2 py-2">{STAFF_ROLE_LABELS[a.role]}</td>
                  <td className="px-2 py-2">{a.authorityName ?? '—'}</td>
                  <td className="px-2 py-2">
                    {a.active ? '启用' : <span className="font-bold text-seal-dark">停用</span>}
                    {a.mustChangePassword && <><br />待修改密码</>}
                    {!a.totpEnrolled && <><br />未绑定动态口令</>}
                    <br />
                    在线会话 {a.liveSessions}
                  </td>
                  <td className="px-2 py-2">{a.lastSignInAt ? formatChinaDate(a.lastSignInAt) : '—'}</td>
                  <td className="px-2 py-2">
                    <AccountActions csrfToken={csrfToken} userId={a.id} active={a.active} self={a.id === actor.userId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}
