// 查询我的信用等级: an enterprise enters its USCC or name (a practitioner a registration number) and
// sees its grade as computed today, the records behind it and what changes as each expires.
import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { connection } from 'next/server'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { CreditExplanation, profilePath } from '@web/components/credit/credit-explanation'
import { ListLoading } from '@web/components/list/list-summary'
import { formatCount } from '@web/lib/format'
import { flattenSearchParams } from '@web/lib/listing/search-params'
import { creditCheckQuerySchema } from '@web/server/credit/credit-queries'
import { getDb } from '@web/lib/db'
import { checkCredit } from '@web/server/credit/check-credit'
import { CHECK_MATCHES_SHOWN } from '@web/server/credit/credit-check-repository'
import type { CreditCheckMatch } from '@web/server/credit/credit-schemas'

export const metadata: Metadata = {
  title: '查询我的信用等级',
  description: '输入统一社会信用代码、企业名称或执业注册编号，查询信用等级、计分记录及各记录到期后信用等级的变化。',
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default function CheckPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '信用等级', href: '/credit' }, { label: '查询我的信用等级' }]} />
      <h1 className="text-2xl font-bold text-brand-900">查询我的信用等级</h1>
      <p className="mt-2 text-muted">
        企业输入统一社会信用代码或企业名称，注册执业人员输入执业注册编号，即可查看当日的信用等级、每条计分记录及其停止计分的日期，以及各记录公示期满后信用等级的变化。对记录有异议或已完成整改的，可在记录下方提出申请。
      </p>
      <Suspense fallback={<ListLoading />}>
        <CheckResult searchParams={searchParams} />
      </Suspense>
    </>
  )
}

async function CheckResult({ searchParams }: { searchParams: SearchParams }) {
  await connection()
  const raw = flattenSearchParams(await searchParams).q
  const result = raw === undefined ? null : creditCheckQuerySchema.safeParse({ q: raw })
  const parsed = result === null ? null : result.success ? { ok: true as const, lookup: result.data.q } : { ok: false as const, message: result.error.issues[0].message }
  const error = parsed && !parsed.ok ? parsed.message : null
  const form = (
    <form method="get" action="/credit/check" role="search" aria-label="查询信用等级" className="mt-6 rounded border border-line bg-surface p-4">
      <label htmlFor="check-q" className="font-medium">
        统一社会信用代码、企业名称或执业注册编号
      </label>
      <div className="mt-1 flex flex-col gap-3 sm:flex-row">
        <input
          id="check-q"
          name="q"
          type="search"
          defaultValue={raw ?? ''}
          maxLength={100}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'check-q-error' : 'check-q-hint'}
          className="block w-full rounded border border-line bg-white px-3 py-2 text-base sm:flex-1"
        />
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
          查询
        </button>
      </div>
      {error ? (
        <p id="check-q-error" role="alert" className="mt-2 font-medium text-seal-dark">
          {error}
        </p>
      ) : (
        <p id="check-q-hint" className="mt-2 text-sm text-muted">
          例如：91460100MA5T00002P、海南某某建设工程有限公司、琼146202400123。
        </p>
      )}
    </form>
  )
  if (!parsed || !parsed.ok) return form

  const { matches, total, credit } = await checkCredit(getDb(), parsed.lookup)
  if (matches.length === 0) {
    return (
      <>
        {form}
        <p role="status" className="mt-6 rounded border border-dashed border-line px-4 py-6 text-center">
          {parsed.lookup.by === 'USCC'
            ? '本平台企业库中没有该统一社会信用代码的企业。'
            : parsed.lookup.by === 'REGISTRATION'
              ? '本平台人员库中没有该执业注册编号。'
              : '没有名称包含该内容的企业，请检查后重试，或改用统一社会信用代码查询。'}
        </p>
      </>
    )
  }
  if (matches.length > 1) {
    return (
      <>
        {form}
        <p role="status" className="mt-6">
          共有 {formatCount(total)} 家企业名称包含“{parsed.lookup.by === 'NAME' ? parsed.lookup.name : ''}”
          {total > matches.length && `，此处列出前 ${matches.length} 家，请输入更完整的名称或统一社会信用代码`}。请选择：
        </p>
        <ul aria-label="查询结果" className="mt-2 divide-y divide-line border-y border-line">
          {matches.map((m) => (
            <li key={matchKey(m)} className="py-3">
              <Link href={`/credit/check?q=${encodeURIComponent(m.type === 'ENTERPRISE' ? m.uscc : m.registrationNumber)}` as Route} className="font-bold">
                {m.name}
              </Link>
              <span className="ml-2 text-sm text-muted">{m.type === 'ENTERPRISE' ? `${m.enterpriseTypeLabel} · ${m.regionName} · ${m.uscc}` : m.employerName}</span>
            </li>
          ))}
        </ul>
        {total > CHECK_MATCHES_SHOWN && <p className="mt-2 text-sm text-muted">结果较多，仅列出按名称排序的前 {CHECK_MATCHES_SHOWN} 家。</p>}
      </>
    )
  }
  const match = matches[0]
  if (!credit) return form
  return (
    <>
      {form}
      <section aria-labelledby="check-subject" className="mt-8">
        <h2 id="check-subject" className="border-b-2 border-brand-700 pb-1 text-xl font-bold text-brand-900">
          <Link href={profilePath(credit.subject) as Route}>{credit.subject.name}</Link>
        </h2>
        <p className="mt-1 text-sm text-muted">
          {match.type === 'ENTERPRISE' ? `统一社会信用代码 ${match.uscc} · ${match.enterpriseTypeLabel} · ${match.regionName}` : `执业注册编号 ${match.registrationNumber}${match.employerName ? ` · ${match.employerName}` : ''}`}
        </p>
        <CreditExplanation credit={credit} idPrefix="check" />
      </section>
    </>
  )
}

function matchKey(m: CreditCheckMatch): string {
  return m.type === 'ENTERPRISE' ? m.uscc : m.id
}
