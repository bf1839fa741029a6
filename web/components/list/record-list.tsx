// A list of records as cards: one layout that reads on a 360 px phone and lines up on a desktop.
export function RecordList({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <ul aria-label={label} className="mt-4 divide-y divide-line border-y border-line">
      {children}
    </ul>
  )
}

export function RecordItem({ title, badge, facts }: { title: React.ReactNode; badge?: React.ReactNode; facts: readonly { label: string; value: React.ReactNode }[] }) {
  return (
    <li className="py-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-base font-bold sm:text-lg">{title}</h3>
        {badge}
      </div>
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {facts.map((f) => (
          <div key={f.label} className="flex gap-2">
            <dt className="shrink-0 text-muted">{f.label}</dt>
            <dd className="min-w-0 break-words">{f.value}</dd>
          </div>
        ))}
      </dl>
    </li>
  )
}
