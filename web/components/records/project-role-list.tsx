// Projects a subject worked on, by role: an enterprise's track record (业绩) and a practitioner's key
// roles. Only projects recorded on the platform appear; each links to its project page and shows
// its construction permit if one was issued.
import Link from 'next/link'
import type { Route } from 'next'
import { PROJECT_CATEGORY_LABELS, STAGE_STATUS_LABELS } from '@shared/domain/enums'
import { ProjectLink } from '@web/components/entity-links'
import { RecordItem, RecordList } from '@web/components/list/record-list'
import { StatusBadge } from '@web/components/status-badge'
import { formatCount } from '@web/lib/format'
import type { ProjectRoleItem } from '@web/server/subjects/subjects-schemas'

export function ProjectRoleList<R extends string>({ items, roleLabels, label }: { items: readonly ProjectRoleItem<R>[]; roleLabels: Record<R, string>; label: string }) {
  return (
    <RecordList label={label}>
      {items.map((p) => (
        <RecordItem
          key={`${p.role}-${p.projectCode}`}
          title={<ProjectLink project={{ projectCode: p.projectCode, name: p.projectName }} />}
          badge={<StatusBadge tone="neutral">{roleLabels[p.role]}</StatusBadge>}
          facts={[
            { label: '项目编码', value: <span className="tabular-nums">{p.projectCode}</span> },
            { label: '所在地', value: p.regionName },
            { label: '工程类别', value: PROJECT_CATEGORY_LABELS[p.category] },
            { label: '登记日期', value: p.registeredOn },
            {
              label: '施工许可',
              value: p.permit ? (
                <>
                  <Link href={`/permits/${p.permit.permitNumber}` as Route} className="tabular-nums">
                    {p.permit.permitNumber}
                  </Link>
                  （{p.permit.issuedOn} 发证{p.permit.status === 'ACTIVE' ? '' : `，${STAGE_STATUS_LABELS[p.permit.status]}`}）
                </>
              ) : (
                '尚未取得'
              ),
            },
          ]}
        />
      ))}
    </RecordList>
  )
}

/** Links that narrow the list to one role, with counts; roles with no projects are left out. */
export function RoleFilter<R extends string>({
  basePath,
  fragment,
  roles,
  counts,
  total,
  current,
  roleLabels,
}: {
  basePath: string
  fragment: string
  roles: readonly R[]
  counts: Record<R, number>
  total: number
  current: R | undefined
  roleLabels: Record<R, string>
}) {
  const shown = roles.filter((r) => counts[r] > 0 || r === current)
  if (shown.length < 2 && !current) return null
  const LINK = 'inline-block rounded border px-3 py-1 text-sm no-underline'
  const item = (role: R | undefined, text: string, count: number) => {
    const active = role === current
    const href = `${basePath}${role ? `?role=${role}` : ''}#${fragment}` as Route
    return (
      <li key={role ?? 'all'}>
        <Link href={href} aria-current={active ? 'true' : undefined} className={`${LINK} ${active ? 'border-brand-700 bg-brand-700 text-white hover:text-white' : 'border-line'}`}>
          {text}（{formatCount(count)}）
        </Link>
      </li>
    )
  }
  return (
    <nav aria-label="按角色筛选" className="mt-3 print:hidden">
      <ul className="flex flex-wrap gap-2">
        {item(undefined, '全部', total)}
        {shown.map((r) => item(r, roleLabels[r], counts[r]))}
      </ul>
    </nav>
  )
}
