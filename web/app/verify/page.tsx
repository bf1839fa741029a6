import type { Metadata } from 'next'
import { CertificateVerifier } from '@web/components/certificates/certificate-verifier'

export const metadata: Metadata = {
  title: '证书核验',
  description: '核验施工许可证、竣工验收备案证明的真伪与当前状态：粘贴核验码、上传证书照片或用摄像头扫描二维码。',
}

export default function VerifyPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">证书核验</h1>
      <p className="mt-2 max-w-3xl">
        施工许可证和竣工验收备案证明上的二维码带有本平台的数字签名。用手机相机或微信扫码会直接打开核验结果；
        也可以在这里粘贴扫码得到的文字、上传证书照片，或用摄像头扫描。没有本平台二维码、或二维码被改动过的证书不是真证书。
      </p>
      <CertificateVerifier />
    </>
  )
}
