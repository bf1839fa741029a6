// 工作人员登录: username and password. A browser already part-way through the steps goes on from
// its step; a signed-in one goes to the back office.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm } from '@web/components/admin/sign-in-forms'
import { SignInFrame } from '@web/components/admin/sign-in-frame'
import { currentSession } from '@web/lib/staff/session'
import { STAGE_PATHS } from '@web/lib/staff/sign-in-flow'

export const metadata: Metadata = { title: '工作人员登录', robots: { index: false } }

export default function SignInPage() {
  return (
    <SignInFrame title="工作人员登录">
      <p className="mt-2 text-muted">供各级住房和城乡建设主管部门工作人员办理业务。登录后须输入手机身份验证器中的动态口令。</p>
      <Suspense fallback={null}>
        <SignInOrGoOn />
      </Suspense>
    </SignInFrame>
  )
}

async function SignInOrGoOn() {
  const current = await currentSession()
  if (current) redirect(STAGE_PATHS[current.session.stage])
  return <SignInForm />
}
