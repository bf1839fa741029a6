import type { SiteRecordItem } from '@web/lib/site-records'

/** The footer line of registration numbers (web/lib/site-records.ts); nothing when there are none. */
export function SiteRecords({ items }: { items: SiteRecordItem[] }) {
  if (items.length === 0) return null
  return (
    <ul aria-label="网站备案信息" className="flex flex-wrap gap-x-4 gap-y-1">
      {items.map((item) => (
        <li key={item.label}>
          {item.href ? (
            <a href={item.href} target="_blank" rel="noopener noreferrer" aria-label={`${item.label}：${item.text}`} className="text-white hover:text-white">
              {item.text}
            </a>
          ) : (
            item.text
          )}
        </li>
      ))}
    </ul>
  )
}
