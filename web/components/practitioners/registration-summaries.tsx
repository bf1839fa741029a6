import { REGISTRATION_TYPE_LABELS } from '@shared/domain/enums'
import type { PractitionerRegistrationSummary } from '@web/server/practitioners/practitioners-schemas'

/** A practitioner's registrations on one line each: type, number, and a mark when expired. */
export function RegistrationSummaries({ registrations }: { registrations: readonly PractitionerRegistrationSummary[] }) {
  if (!registrations.length) return <>无</>
  return (
    <ul>
      {registrations.map((r) => (
        <li key={r.number}>
          {REGISTRATION_TYPE_LABELS[r.type]} <span className="tabular-nums">{r.number}</span>
          {r.expired && <span className="text-seal-dark">（已过期）</span>}
        </li>
      ))}
    </ul>
  )
}
