import type { ExposureSubject } from '@web/server/records/exposure-schemas'
import { EnterpriseLink, PersonLink } from '../entity-links'

/** The subject of a record: an enterprise by name (→ its profile), a person by name only. */
export function ExposureSubjectLink({ subject }: { subject: ExposureSubject }) {
  return subject.type === 'ENTERPRISE' ? <EnterpriseLink enterprise={subject} /> : <PersonLink person={subject} />
}
