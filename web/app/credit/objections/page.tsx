// 查询申请办理进度: a tracking number leads to its status page.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import { redirect } from 'next/navigation'
import { connection } from 'next/server'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { ListLoading } from '@web/components/list/list-summary'
import { flattenSearchParams } from '@web/lib/listing/search-params'
import { trackingNumberParam } from '@web/server/objections/objection-queries'

export const metadata: Metadata = {
  title: '查询申请办理进度',
  description: '凭受理编号查询异议和信用修复申请的办理进度。',
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default function ObjectionLookupPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '信用等级', href: '/credit' }, { label: '申请办理进度' }]} />
      <h1 className="text-2xl font-bold text-brand-900">查询申请办理进度</h1>
      <p className="mt-2 text-muted">输入提交异议或信用修复申请时得到的受理编号（YY 开头，共 23 位）。</p>
      <Suspense fallback={<ListLoading />}>
        <Lookup searchParams={searchParams} />
      </Suspense>
    </>
  )
}

async function Lookup({ searchParams }: { searchParams: SearchParams }) {
  await connection()
  const raw = flattenSearchParams(await searchParams).trackingNumber
  const parsed = raw === undefined ? null : trackingNumberParam(raw)
  if (parsed?.ok) redirect(`/credit/objections/${parsed.trackingNumber}` as Route)
  const error = parsed && !parsed.ok ? parsed.message : null
  return (
    <form method="get" action="/credit/objections" role="search" aria-label="查询办理进度" className="mt-6 rounded border border-line bg-surface p-4">
      <label htmlFor="trackingNumber" className="font-medium">
        受理编号
      </label>
      <div className="mt-1 flex flex-col gap-3 sm:flex-row">
        <input
          id="trackingNumber"
          name="trackingNumber"
          type="search"
          defaultValue={raw ?? ''}
          maxLength={40}
          required
          autoCapitalize="characters"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'trackingNumber-error' : undefined}
          className="block w-full rounded border border-line bg-white px-3 py-2 text-base sm:flex-1"
        />
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
          查询
        </button>
      </div>
      {error && (
        <p id="trackingNumber-error" role="alert" className="mt-2 font-medium text-seal-dark">
          {error}
        </p>
      )}
    </form>
  )
}
