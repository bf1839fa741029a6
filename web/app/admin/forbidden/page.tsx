// 无权访问: where requireActor(permission) sends a signed-in account whose role lacks the
// permission of the page it asked for (the application layer refuses the action itself anyway).
import Link from 'next/link'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: '无权访问', robots: { index: false } }

export default function ForbiddenPage() {
  return (
    <section aria-labelledby="forbidden-title" className="max-w-xl">
      <h1 id="forbidden-title" className="text-2xl font-bold text-brand-900">
        无权访问
      </h1>
      <p className="mt-3 text-muted">您的账号角色没有访问该页面的权限（403）。如需此权限，请联系省住建厅系统管理员。</p>
      <p className="mt-4">
        <Link href="/admin" className="text-brand-700 underline">
          返回工作台
        </Link>
      </p>
    </section>
  )
}
