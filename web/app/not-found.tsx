import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: '页面不存在' }

export default function NotFound() {
  return (
    <section className="max-w-2xl py-8">
      <p className="text-sm font-bold text-seal">404</p>
      <h1 className="mt-1 text-2xl font-bold text-brand-900 sm:text-3xl">页面不存在</h1>
      <p className="mt-4">您访问的页面不存在或已被移除，请检查网址是否正确。</p>
      <p className="mt-6">
        <Link href="/" className="font-bold">
          返回首页
        </Link>
      </p>
    </section>
  )
}
