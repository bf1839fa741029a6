// 工作人员登录 (being built: the form lands in the next commit)
import type { Metadata } from 'next'

export const metadata: Metadata = { title: '工作人员登录', robots: { index: false } }

export default function SignInPage() {
  return <h1 className="text-2xl font-bold text-brand-900">工作人员登录</h1>
}
