import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { connection } from 'next/server'
import { ENTERPRISE_TYPE_LABELS, PROJECT_CATEGORY_LABELS, REGISTRATION_TYPE_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { EnterpriseLink, PersonLink, ProjectLink } from '@web/components/entity-links'
import { SiteSearchForm } from '@web/components/home/site-search-form'
import { InvalidFilters, ListLoading } from '@web/components/list/list-summary'
import { issuesFromZod } from '@web/lib/api/api-error'
import { formatCount } from '@web/lib/format'
import { flattenSearchParams, queryString } from '@web/lib/listing/search-params'
import { getDb } from '@web/lib/db'
import { SEARCH_HITS_PER_KIND, siteSearchQuerySchema } from '@web/server/search/search-queries'
import { searchSite } from '@web/server/search/search-site'

export const metadata: Metadata = {
  title: '全站搜索',
  description: '在施工许可、竣工验收备案、项目、企业和从业人员中查找。',
  // result pages of arbitrary terms are not worth indexing
  robots: { index: false, follow: true },
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '全站搜索' }]} />
      <h1 className="text-2xl font-bold text-brand-900">全站搜索</h1>
      <Suspense fallback={<ListLoading />}>
        <SearchResults searchParams={searchParams} />
      </Suspense>
    </>
  )
}

async function SearchResults({ searchParams }: { searchParams: SearchParams }) {
  await connection()
  const raw = flattenSearchParams(await searchParams)
  const form = (
    <div className="mt-4">
      <SiteSearchForm defaultValue={raw.q ?? ''} />
    </div>
  )
  const parsed = siteSearchQuerySchema.safeParse(raw)
  if (!parsed.success) {
    return (
      <>
        {form}
        <InvalidFilters issues={issuesFromZod(parsed.error)} />
      </>
    )
  }
  const { q } = parsed.data
  if (!q) {
    return (
      <>
        {form}
        <p className="mt-6 text-muted">请输入许可证编号、备案编号、项目名称或项目编码、企业名称或统一社会信用代码、人员姓名或注册证书编号。</p>
      </>
    )
  }
  const results = await searchSite(getDb(), q, SEARCH_HITS_PER_KIND)
  const all = (path: string) => `${path}${queryString({ q })}` as Route
  const sections = [results.permits, results.completionFilings, results.projects, results.enterprises, results.practitioners]
  const total = sections.reduce((sum, s) => sum + s.total, 0)
  const anyCapped = sections.some((s) => s.capped)
  return (
    <>
      {form}
      <p className="mt-6" aria-live="polite">
        “<strong>{q}</strong>”共找到 <strong className="tabular-nums">{countText(total, anyCapped)}</strong> 条结果。
      </p>
      <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <ResultSection heading="施工许可" total={results.permits.total} capped={results.permits.capped} more={all('/permits')}>
          {results.permits.items.map((p) => (
            <Hit
              key={p.permitNumber}
              title={<Link href={`/permits/${encodeURIComponent(p.permitNumber)}` as Route}>{p.projectName}</Link>}
              meta={[p.permitNumber, p.issuedOn, p.regionName, p.contractorName]}
            />
          ))}
        </ResultSection>
        <ResultSection heading="竣工验收备案" total={results.completionFilings.total} capped={results.completionFilings.capped} more={all('/completion-filings')}>
          {results.completionFilings.items.map((f) => (
            <Hit
              key={f.filingNumber}
              title={<Link href={`/completion-filings/${encodeURIComponent(f.filingNumber)}` as Route}>{f.projectName}</Link>}
              meta={[f.filingNumber, f.filedOn, f.regionName]}
            />
          ))}
        </ResultSection>
        <ResultSection heading="项目" total={results.projects.total} capped={results.projects.capped} more={all('/projects')}>
          {results.projects.items.map((p) => (
            <Hit key={p.projectCode} title={<ProjectLink project={p} />} meta={[p.projectCode, p.regionName, PROJECT_CATEGORY_LABELS[p.category]]} />
          ))}
        </ResultSection>
        <ResultSection heading="企业" total={results.enterprises.total} capped={results.enterprises.capped} more={all('/enterprises')}>
          {results.enterprises.items.map((e) => (
            <Hit key={e.uscc} title={<EnterpriseLink enterprise={e} />} meta={[e.uscc, ENTERPRISE_TYPE_LABELS[e.type], e.regionName]} />
          ))}
        </ResultSection>
        <ResultSection heading="从业人员" total={results.practitioners.total} capped={results.practitioners.capped} more={all('/practitioners')}>
          {results.practitioners.items.map((p) => (
            <Hit
              key={p.id}
              title={<PersonLink person={p} />}
              meta={[p.employerName ?? '无在册单位', ...p.registrations.map((r) => `${REGISTRATION_TYPE_LABELS[r.type]} ${r.number}`)]}
            />
          ))}
        </ResultSection>
      </div>
    </>
  )
}

/** A count, or "10,000+" when counting stopped at the cap (SEARCH_COUNT_CAP). */
function countText(total: number, capped: boolean): string {
  return capped ? `${formatCount(total)}+` : formatCount(total)
}

function ResultSection({
  heading,
  total,
  capped,
  more,
  children,
}: {
  heading: string
  total: number
  capped: boolean
  more: Route
  children: React.ReactNode[]
}) {
  return (
    <section aria-label={heading} className="flex flex-col rounded border border-line">
      <h2 className="flex items-baseline justify-between gap-2 border-b border-line bg-surface px-4 py-2">
        <span className="text-lg font-bold text-brand-900">{heading}</span>
        <span className="text-sm text-muted">
          共 <span className="tabular-nums">{countText(total, capped)}</span> 条
        </span>
      </h2>
      {children.length ? <ul className="flex-1 divide-y divide-line px-4">{children}</ul> : <p className="flex-1 px-4 py-4 text-muted">没有找到。</p>}
      {total > children.length && (
        <p className="border-t border-line px-4 py-2 text-right text-sm">
          <Link href={more} aria-label={`查看全部${countText(total, capped)}条${heading}`}>
            查看全部 ›
          </Link>
        </p>
      )}
    </section>
  )
}

function Hit({ title, meta }: { title: React.ReactNode; meta: readonly string[] }) {
  return (
    <li className="py-3">
      <p className="leading-snug font-medium break-all">{title}</p>
      <p className="mt-1 text-sm text-muted">
        {meta.map((m, i) => (
          <span key={i} className="mr-3 inline-block break-all tabular-nums">
            {m}
          </span>
        ))}
      </p>
    </li>
  )
}
