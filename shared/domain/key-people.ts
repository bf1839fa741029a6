// Who a construction permit may name as its 项目经理 and 总监理工程师: a person holding a
// practising registration of the right type with that very enterprise, valid on the day from
// which the permit names them (its issue day, or the day of a correction). The one statement of
// the rule: the staff form, the import and the exchange check it through
// web/server/projects/permit-content.ts, and the demo seed generates permits that keep it.
import type { RegistrationType } from './enums'

export const KEY_PERSON_REGISTRATION_TYPES = {
  /** 项目经理: a registered constructor, first or second class */
  manager: ['CONSTRUCTOR_1', 'CONSTRUCTOR_2'],
  /** 总监理工程师: a registered supervision engineer */
  chief: ['SUPERVISION_ENGINEER'],
} as const satisfies Record<string, readonly RegistrationType[]>

export type KeyPersonKind = keyof typeof KEY_PERSON_REGISTRATION_TYPES

/** A practising registration as the rule reads it; days are 'YYYY-MM-DD' (calendar days compare as text). */
export interface RegistrationTerms {
  type: string
  employerId: string | null
  issuedOn: string
  validUntil: string
}

/** True when `registration` lets its holder be the permit's `kind` for `employerId` on day `on` (both ends included). */
export function registrationQualifies(registration: RegistrationTerms, kind: KeyPersonKind, employerId: string, on: string): boolean {
  const types: readonly string[] = KEY_PERSON_REGISTRATION_TYPES[kind]
  return types.includes(registration.type) && registration.employerId === employerId && registration.issuedOn <= on && on <= registration.validUntil
}
