// The home page's latest lists: the newest permits, completion filings and exposure-board
// records, five each, read in parallel at request time.
import Link from 'next/link'
import type { Route } from 'next'
import { connection } from 'next/server'
import { RECORD_KIND_LABELS } from '@shared/domain/enums'
import { getDb } from '@web/lib/db'
import { getLatestDisclosures } from '@web/server/home/get-latest-disclosures'
import type { LatestDisclosures as Latest } from '@web/server/home/latest-repository'
import { ExposureSubjectLink } from '../exposure/exposure-subject-link'

const GRID = 'mt-4 grid grid-cols-1 gap-6 lg:grid-cols-3'

export async function LatestDisclosures() {
  await connection()
  let latest: Latest
  try {
    latest = await getLatestDisclosures(getDb(), new Date(), 5)
  } catch (error) {
    console.error('[home] reading the latest disclosures failed:', error)
    return <p className="mt-4 text-muted">最新公开信息暂时无法读取，请稍后刷新重试。</p>
  }
  return (
    <div className={GRID}>
      <LatestList heading="施工许可" href="/permits" moreWhat="施工许可">
        {latest.permits.map((p) => (
          <LatestItem
            key={p.permitNumber}
            title={<Link href={`/permits/${encodeURIComponent(p.permitNumber)}` as Route}>{p.projectName}</Link>}
            meta={[p.issuedOn, p.regionName, p.permitNumber]}
          />
        ))}
      </LatestList>
      <LatestList heading="竣工验收备案" href="/completion-filings" moreWhat="竣工验收备案">
        {latest.completionFilings.map((f) => (
          <LatestItem
            key={f.filingNumber}
            title={<Link href={`/completion-filings/${encodeURIComponent(f.filingNumber)}` as Route}>{f.projectName}</Link>}
            meta={[f.filedOn, f.regionName, f.filingNumber]}
          />
        ))}
      </LatestList>
      <LatestList heading="诚信曝光台" href="/exposure" moreWhat="诚信曝光台记录">
        {latest.exposure.map((e) => (
          <LatestItem
            key={e.id}
            title={
              <>
                <span className={e.kind === 'GOOD' ? 'text-green-800' : 'text-seal-dark'}>【{RECORD_KIND_LABELS[e.kind]}】</span>
                <ExposureSubjectLink subject={e.subject} />
              </>
            }
            meta={[e.decidedOn, e.title]}
          />
        ))}
      </LatestList>
    </div>
  )
}

/**
 * moreWhat completes 查看全部 for a screen reader ("查看全部施工许可"): the accessible name starts
 * with the words on screen, so a speech user who says what they see reaches the link (WCAG 2.5.3).
 */
function LatestList({ heading, href, moreWhat, children }: { heading: string; href: string; moreWhat: string; children: React.ReactNode[] }) {
  return (
    <section aria-label={`最新${heading}`} className="flex flex-col rounded border border-line">
      <h3 className="border-b border-line bg-surface px-4 py-2 text-lg font-bold text-brand-900">最新{heading}</h3>
      {children.length ? (
        <ul className="flex-1 divide-y divide-line px-4">{children}</ul>
      ) : (
        <p className="flex-1 px-4 py-6 text-muted">暂无记录。</p>
      )}
      <p className="border-t border-line px-4 py-2 text-right text-sm">
        <Link href={href as Route}>
          查看全部<span className="sr-only">{moreWhat}</span> <span aria-hidden="true">›</span>
        </Link>
      </p>
    </section>
  )
}

function LatestItem({ title, meta }: { title: React.ReactNode; meta: readonly string[] }) {
  return (
    <li className="py-3">
      <p className="leading-snug font-medium break-all">{title}</p>
      <p className="mt-1 text-sm text-muted">
        {meta.map((m, i) => (
          <span key={i} className="mr-3 inline-block tabular-nums">
            {m}
          </span>
        ))}
      </p>
    </li>
  )
}

/** Same frame while the lists load. */
export function LatestDisclosuresPlaceholder() {
  return (
    <div className={GRID} aria-busy="true">
      {['施工许可', '竣工验收备案', '诚信曝光台'].map((heading) => (
        <section key={heading} className="rounded border border-line">
          <h3 className="border-b border-line bg-surface px-4 py-2 text-lg font-bold text-brand-900">最新{heading}</h3>
          <p className="px-4 py-6 text-muted">正在读取…</p>
        </section>
      ))}
    </div>
  )
}
