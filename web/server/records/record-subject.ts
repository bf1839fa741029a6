import type { SubjectRef } from '@web/server/credit/grade-snapshots-repository'

/** The subject whose grade a record (or a request about it) moves. */
export function subjectRefOf(row: { subjectType: string; enterpriseId: string | null; personId: string | null }): SubjectRef {
  return row.subjectType === 'ENTERPRISE' ? { type: 'ENTERPRISE', id: row.enterpriseId! } : { type: 'PERSON', id: row.personId! }
}
