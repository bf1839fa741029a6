// The pickers of the stage forms: enterprises by USCC or name (any region: parties come from the
// whole province and beyond), and the practitioners holding a valid registration with one
// enterprise on a day (the people a permit may name). Staff only; no personal data beyond names.
import type { Db } from '@db/client'
import { ENTERPRISE_TYPES } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import { normalizeUscc } from '@shared/validators/uscc'
import { hasControlCharacter } from '@web/server/lib/database-text'
import { authorize } from '@web/server/staff/authorize'
import { createPartyLookupsRepository } from './party-lookups-repository'
import { staffSearchTerm } from '@web/server/staff/staff-search'
import { KEY_PERSON_REGISTRATION_TYPES, type KeyPersonKind } from '@shared/domain/key-people'

const LIMIT = 10

export async function lookupEnterprises(db: Db, actor: Actor, q: string, type?: string) {
  authorize(actor, 'workspace.read')
  const text = staffSearchTerm(q) ?? ''
  if (text.length < 2) return []
  // the picker's type comes from the URL: one that names no enterprise type matches no enterprise
  if (type !== undefined && !(ENTERPRISE_TYPES as readonly string[]).includes(type)) return []
  return createPartyLookupsRepository(db).searchEnterprises(text, normalizeUscc(text), type, LIMIT)
}

/** The enterprise's people who may stand as the permit's `kind` on `on` (the registration types of shared/domain/key-people.ts). */
export async function lookupRegisteredPractitioners(db: Db, actor: Actor, enterpriseUscc: string, kind: KeyPersonKind, on: Date) {
  authorize(actor, 'workspace.read')
  // no USCC holds one, and PostgreSQL refuses to bind a NUL (database-text.ts)
  if (hasControlCharacter(enterpriseUscc)) return []
  const rows = await createPartyLookupsRepository(db).registrationsWith(normalizeUscc(enterpriseUscc), KEY_PERSON_REGISTRATION_TYPES[kind], on, 100)
  return rows.map((r) => ({ personId: r.person.id, name: r.person.name, registrationNumber: r.number, type: r.type }))
}
