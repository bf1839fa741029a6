// One subject on the blacklist: the grounds, the records they rest on, listing and removal dates.
import Link from 'next/link'
import type { Route } from 'next'
import { SUBJECT_TYPE_LABELS } from '@shared/domain/enums'
import type { BlacklistEntry } from '@web/server/credit/credit-schemas'
import { profilePath } from './credit-explanation'
import { SubjectLink } from './credit-grade-item'

export function BlacklistItem({ entry }: { entry: BlacklistEntry }) {
  const profile = profilePath(entry.subject)
  return (
    <li className="py-4">
      <h3 className="text-base font-bold sm:text-lg">
        <SubjectLink subject={entry.subject} />
        <span className="ml-2 text-sm font-normal text-muted">{SUBJECT_TYPE_LABELS[entry.subject.type]}</span>
      </h3>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <Fact label="列入日期" value={entry.listedOn} />
        <Fact label="移出日期" value={`${entry.removableOn}（期间无新情形时）`} />
        <Fact label="所在地" value={entry.regionName ?? '—'} />
        {entry.subject.type === 'ENTERPRISE' && <Fact label="统一社会信用代码" value={<span className="tabular-nums">{entry.subject.uscc}</span>} />}
      </dl>
      <ul className="mt-2 space-y-1 text-sm">
        {entry.grounds.map((g) => (
          <li key={`${g.code}-${g.since}`}>
            <span className="font-medium">列入情形：{g.label}</span>（{g.since} 起）。依据：
            {g.records.length === 0
              ? '所依据的记录已不再公示'
              : g.records.map((r, i) => (
                  <span key={r.id}>
                    {i > 0 && '；'}
                    <Link href={`${profile}#record-${r.id}` as Route}>{r.title}</Link>（{r.decisionNumber}，{r.decidedOn}）
                  </span>
                ))}
          </li>
        ))}
      </ul>
    </li>
  )
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0 break-all">{value}</dd>
    </div>
  )
}
