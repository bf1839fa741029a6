'use client'
// Replaces the root layout when the layout itself fails, so it brings its own <html> and styles.
import { useEffect } from 'react'
import './globals.css'

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error)
  }, [error])

  return (
    <html lang="zh-CN">
      <body className="bg-white font-sans text-ink">
        <title>页面出错了 | 海南省建筑市场诚信信息公开平台</title>
        <main className="mx-auto max-w-2xl px-4 py-12">
          <h1 className="text-2xl font-bold text-brand-900">页面出错了</h1>
          <p className="mt-4">抱歉，平台暂时无法显示此页面。请稍后重试。</p>
          <div className="mt-6 flex flex-wrap items-center gap-4">
            <button
              type="button"
              onClick={() => retry()}
              className="rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-900"
            >
              重试
            </button>
            {/* a full page load: the client router may be what failed */}
            <a href="/">返回首页</a>
          </div>
        </main>
      </body>
    </html>
  )
}
