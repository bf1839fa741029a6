// What a phone camera opens when it scans a certificate's QR code: /v/<payload>. Server-rendered
// with no script of its own, so the verdict arrives in the first HTML a slow connection gets.
import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { connection } from 'next/server'
import { VerifyVerdict } from '@web/components/certificates/verify-verdict'
import { checkCertificateCode, countPageVerification } from '@web/lib/certificates/portal-certificates'
import { verifyBudgetOf } from '@web/lib/security/verify-page-budget'
import { KeyRingUnavailableError } from '@web/server/certificates/signing-keys'
import { verifyRateLimitedMessage } from '@web/server/certificates/verify-rate-limit'
import { safeDecode } from '@web/server/lib/safe-decode'

type Params = Promise<{ payload: string }>

export const metadata: Metadata = {
  title: '证书核验结果',
  description: '扫描施工许可证、竣工验收备案证明上的二维码，核验证书真伪与当前状态。',
  robots: { index: false, follow: false },
}

export default function VerifyPayloadPage({ params }: { params: Params }) {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">证书核验结果</h1>
      <Suspense fallback={<p className="mt-4 text-lg">正在核验……</p>}>
        <Verdict params={params} />
      </Suspense>
      <p className="mt-8 text-sm">
        本页核验证书二维码中的数字签名（Ed25519）并查询证书当前状态。也可以在
        <Link href="/verify">证书核验</Link>页面粘贴核验码或上传证书照片。
      </p>
    </>
  )
}

async function Verdict({ params }: { params: Params }) {
  await connection()
  // the page answers what GET /api/v1/verify answers, so it counts against the same budget: the
  // proxy counted this request (and answered 429 to a document request over the budget); only a
  // request it did not count is counted here
  const requestHeaders = await headers()
  const decision = verifyBudgetOf(requestHeaders) ?? (await countPageVerification(requestHeaders))
  if (!decision.allowed) {
    return (
      <div role="alert" className="mt-4 border-l-4 border-seal bg-red-50 px-4 py-3">
        <p className="text-lg font-bold">请求过于频繁</p>
        <p className="mt-1">{verifyRateLimitedMessage(decision)}。</p>
      </div>
    )
  }
  const payload = safeDecode((await params).payload)
  try {
    return (
      <div className="mt-4">
        <VerifyVerdict answer={await checkCertificateCode(payload)} />
      </div>
    )
  } catch (error) {
    if (!(error instanceof KeyRingUnavailableError)) throw error
    return (
      <p role="alert" className="mt-4 border-l-4 border-seal bg-red-50 px-4 py-3">
        证书核验服务尚未配置，暂时无法核验，请稍后再试。
      </p>
    )
  }
}
