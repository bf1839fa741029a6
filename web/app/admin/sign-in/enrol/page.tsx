// 绑定动态口令: the QR code of the otpauth:// URI (drawn on the server), the secret as text for
// typing in, then a code from the app to prove it; the recovery codes are shown once after that.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import QRCode from 'qrcode'
import { EnrolForm } from '@web/components/admin/sign-in-forms'
import { SignInFrame } from '@web/components/admin/sign-in-frame'
import { getDb } from '@web/lib/db'
import { currentSession } from '@web/lib/staff/session'
import { requireStage } from '@web/lib/staff/sign-in-pages'
import { startTotpEnrolment } from '@web/server/auth/totp-enrolment'

export const metadata: Metadata = { title: '绑定动态口令', robots: { index: false } }

export default function EnrolPage() {
  return (
    <SignInFrame title="绑定动态口令" step="第 2 步">
      <p className="mt-2 text-muted">
        每次登录除密码外还须输入手机上的动态口令。请在手机上安装身份验证器应用（如 Microsoft Authenticator、Google 身份验证器或其他支持
        TOTP 的应用），扫描下方二维码。
      </p>
      <Suspense fallback={null}>
        <Enrolment />
      </Suspense>
    </SignInFrame>
  )
}

async function Enrolment() {
  // Confirming sets the new session cookie, which makes Next render this page again with the
  // session already ACTIVE: the form stays in the same place so that its state (the recovery
  // codes, shown in that one answer) survives, instead of a redirect that would lose them.
  const current = await currentSession()
  if (current?.session.stage === 'ACTIVE') return <>{null}{null}{null}<EnrolForm csrfToken="" done /></>
  const { session, csrfToken } = await requireStage('TOTP_ENROLMENT')
  const { secret, uri } = await startTotpEnrolment(getDb(), session)
  const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 })
  return (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn per request */}
      <img src={qr} width={240} height={240} alt="动态口令绑定二维码" className="mt-4 border border-line" />
      <p className="mt-3 text-sm">无法扫码时，在应用中选择手动输入，账户填写 {session.user.username}，密钥为：</p>
      <p className="mt-1 font-mono text-lg tracking-wider break-all" aria-label="动态口令密钥">
        {secret.match(/.{1,4}/g)?.join(' ')}
      </p>
      <EnrolForm csrfToken={csrfToken} done={false} />
    </>
  )
}
