// 输入动态口令: the second factor of every sign-in after the first.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { VerifyForm } from '@web/components/admin/sign-in-forms'
import { SignInFrame } from '@web/components/admin/sign-in-frame'
import { requireStage } from '@web/lib/staff/sign-in-pages'

export const metadata: Metadata = { title: '输入动态口令', robots: { index: false } }

export default function VerifyPage() {
  return (
    <SignInFrame title="输入动态口令" step="第 2 步">
      <Suspense fallback={null}>
        <Verify />
      </Suspense>
    </SignInFrame>
  )
}

async function Verify() {
  const { csrfToken } = await requireStage('TOTP')
  return <VerifyForm csrfToken={csrfToken} />
}
