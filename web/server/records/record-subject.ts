import type { Actor } from '@shared/staff/actor'
import { isValidUscc } from '@shared/validators/uscc'
import type { SubjectRef } from '@web/server/credit/grade-snapshots-repository'
import { InputError } from '@web/server/lib/errors'
import type { RecordSubjectClass } from './record-terms'
import type { StaffRecordsRepository } from './staff-records-repository'

/** The subject whose grade a record (or a request about it) moves. */
export function subjectRefOf(row: { subjectType: string; enterpriseId: string | null; personId: string | null }): SubjectRef {
  return row.subjectType === 'ENTERPRISE' ? { type: 'ENTERPRISE', id: row.enterpriseId! } : { type: 'PERSON', id: row.personId! }
}

/** The subject a new record is about: the columns that link the record to it, and its class (the standard's rules depend on it). */
export interface RecordSubject {
  data: { subjectType: 'ENTERPRISE'; enterpriseId: string } | { subjectType: 'PERSON'; personId: string }
  kind: RecordSubjectClass
}

/** Subjects by the code a form or a row names them with (USCC or practising registration number). */
export type KnownSubjects = ReadonlyMap<string, RecordSubject>

/**
 * The subjects of the actor's regions that the codes name; a code naming nothing there is absent.
 * The form looks up its one code and an import a batch's codes with this same lookup, so the
 * region rule is the same query whichever way a record arrives.
 */
export async function findRecordSubjects(records: StaffRecordsRepository, actor: Actor, codes: Iterable<string>): Promise<Map<string, RecordSubject>> {
  const usccs: string[] = []
  const numbers: string[] = []
  for (const code of new Set(codes)) (isValidUscc(code) ? usccs : numbers).push(code)
  // one after the other: both may run on one transaction's connection
  const enterprises = usccs.length > 0 ? await records.findSubjectEnterprises(actor, usccs) : []
  const persons = numbers.length > 0 ? await records.findSubjectPersons(actor, numbers) : []
  const known = new Map<string, RecordSubject>()
  for (const e of enterprises) known.set(e.uscc, { data: { subjectType: 'ENTERPRISE', enterpriseId: e.id }, kind: { type: 'ENTERPRISE', enterpriseType: e.type } })
  for (const r of persons) known.set(r.number, { data: { subjectType: 'PERSON', personId: r.personId }, kind: { type: 'PERSON' } })
  return known
}

// one message whether the code names nothing or a subject of another region: an officer must not
// learn what other regions hold
const NOT_FOUND = { subjectCode: '未找到本地区的该企业或执业注册人员' }

/** The subject `code` names among those found; InputError on the subjectCode field when none. */
export function subjectNamed(known: KnownSubjects, code: string): RecordSubject {
  const subject = known.get(code)
  if (!subject) throw new InputError(NOT_FOUND)
  return subject
}
