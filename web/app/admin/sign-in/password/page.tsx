// 设置新密码: forced at the first sign-in and after an administrator's reset.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { ChangePasswordForm } from '@web/components/admin/sign-in-forms'
import { SignInFrame } from '@web/components/admin/sign-in-frame'
import { requireStage } from '@web/lib/staff/sign-in-pages'

export const metadata: Metadata = { title: '设置新密码', robots: { index: false } }

export default function PasswordPage() {
  return (
    <SignInFrame title="设置新密码" step="第 1 步">
      <p className="mt-2 text-muted">您正在使用管理员发放的一次性密码，请设置只有您自己知道的新密码。</p>
      <Suspense fallback={null}>
        <PasswordForm />
      </Suspense>
    </SignInFrame>
  )
}

async function PasswordForm() {
  const { csrfToken } = await requireStage('PASSWORD_CHANGE')
  return <ChangePasswordForm csrfToken={csrfToken} />
}
