// The construction permits of a completion filing's project, each linking to its page; a permit
// that is not in force says so in words.
import Link from 'next/link'
import type { Route } from 'next'
import { STAGE_STATUS_LABELS, type StageStatus } from '@shared/domain/enums'

export function PermitLinks({ permits }: { permits: readonly { permitNumber: string; issuedOn: string; status: StageStatus }[] }) {
  if (!permits.length) return <>—</>
  return (
    <ul>
      {permits.map((p) => (
        <li key={p.permitNumber}>
          <Link href={`/permits/${encodeURIComponent(p.permitNumber)}` as Route} className="tabular-nums">
            {p.permitNumber}
          </Link>
          <span className="ml-2 text-sm text-muted">{p.issuedOn} 发证</span>
          {p.status !== 'ACTIVE' && <span className="ml-2 text-sm text-seal-dark">（{STAGE_STATUS_LABELS[p.status]}）</span>}
        </li>
      ))}
    </ul>
  )
}
