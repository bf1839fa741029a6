'use client'
import Link from 'next/link'
import { useEffect } from 'react'

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error)
  }, [error])
  // production hides server error messages; the digest lets staff find the entry in the server log
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined

  return (
    <section role="alert" className="max-w-2xl py-8">
      <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">页面出错了</h1>
      <p className="mt-4">抱歉，页面加载时发生错误。请稍后重试；如果问题一直存在，请与主办单位联系。</p>
      {digest && <p className="mt-2 text-sm text-muted">错误编号：{digest}</p>}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-900"
        >
          重试
        </button>
        <Link href="/">返回首页</Link>
      </div>
    </section>
  )
}
