// 修改密码: any signed-in staff member changes the password of their own account.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { PasswordChangeForm } from '@web/components/admin/password-change-form'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'

export const metadata: Metadata = { title: '修改密码', robots: { index: false } }

export default function PasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">修改密码</h1>
      <p className="mt-2 text-muted">修改后，本账号在其他电脑或浏览器上的登录将全部结束，当前登录不受影响。动态口令不变。</p>
      <Suspense fallback={<p className="mt-4 text-muted">正在加载…</p>}>
        <Form />
      </Suspense>
    </>
  )
}

async function Form() {
  await requireActor()
  return <PasswordChangeForm csrfToken={await currentCsrfToken()} />
}
