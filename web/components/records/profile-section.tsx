// The sections of an enterprise or practitioner profile, and the in-page contents that lead to them
// (a profile is long on a phone).
import { formatCount } from '@web/lib/format'

export function SectionNav({ sections }: { sections: readonly { id: string; label: string }[] }) {
  return (
    <nav aria-label="本页目录" className="mt-4 rounded border border-line bg-surface px-4 py-2 print:hidden">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function ProfileSection({ id, title, count, unit = '项', children }: { id: string; title: string; count?: number; unit?: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-8 scroll-mt-4">
      <h2 id={`${id}-heading`} className="border-b-2 border-brand-700 pb-1 text-xl font-bold text-brand-900">
        {title}
        {count !== undefined && (
          <span className="ml-2 text-base font-normal text-muted">
            （{formatCount(count)} {unit}）
          </span>
        )}
      </h2>
      {children}
    </section>
  )
}
