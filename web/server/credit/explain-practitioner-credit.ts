import type { Db } from '@db/client'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { createCreditExplanationRepository } from './credit-explanation-repository'
import { explainCredit } from './credit-explanation'
import type { SubjectCredit } from './credit-schemas'

/** A practitioner's grade explained on the China calendar day of `asOf`; null for an unknown id. Name and portal id only. */
export async function explainPractitionerCredit(db: Db, id: string, asOf: Date = new Date()): Promise<SubjectCredit | null> {
  const row = await createCreditExplanationRepository(db).findPractitioner(id)
  if (!row) return null
  return explainCredit(
    {
      scoring: { id: row.id, subjectType: 'PERSON' },
      subject: { type: 'PERSON', id: row.id, name: row.name, employerName: row.employer?.name ?? null },
      regionName: row.employer?.region.name ?? null,
      records: row.records,
      history: row.grades,
    },
    chinaDateOf(asOf),
  )
}
