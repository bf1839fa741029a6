// 工作台 (being built)
import type { Metadata } from 'next'

export const metadata: Metadata = { title: '工作台', robots: { index: false } }

export default function AdminHomePage() {
  return <h1 className="text-2xl font-bold text-brand-900">工作台</h1>
}
