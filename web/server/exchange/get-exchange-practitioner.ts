// GET /api/exchange/v1/practitioners/{practitioner}: one practitioner with their registrations,
// named by a practising registration number (执业注册编号, what other departments' systems hold) or by
// the practitioner's id (what the exchange API's writes answer) — never by an ID number, which
// would then sit in URLs and access logs. The two cannot be confused: a registration number is at
// most 15 characters of 1–3 letters or a province abbreviation and digits, an id 25 lower-case
// characters. Read through the back office's own use case (getStaffPractitioner: the ID number
// masked, no phone), so another region's practitioner answers 404 like a missing one.
import type { Db } from '@db/client'
import { practiceRegistrationNumberSchema } from '@shared/validators/codes'
import type { ApiCaller } from '@web/server/api-tokens/authenticate-api-token'
import { InputError, NotFoundError } from '@web/server/lib/errors'
import { getStaffPractitioner } from '@web/server/practitioners/get-staff-practitioner'
import { createStaffPractitionersRepository } from '@web/server/practitioners/staff-practitioners-repository'
import { authorize } from '@web/server/staff/authorize'
import { exchangePractitionerSchema, type ExchangePractitioner } from './exchange-read-schemas'
import { requireScope } from './exchange-scope'

const PRACTITIONER_ID = /^[a-z0-9]{20,40}$/

export async function getExchangePractitioner(db: Db, caller: ApiCaller, practitioner: string): Promise<ExchangePractitioner> {
  requireScope(caller, 'read')
  authorize(caller.actor, 'workspace.read')
  const ref = practitioner.trim()
  let personId: string
  const number = practiceRegistrationNumberSchema.safeParse(ref)
  if (number.success) {
    const [registration] = await createStaffPractitionersRepository(db).findRegistrationsInRegionByNumber(caller.actor, [number.data])
    if (!registration) throw new NotFoundError('从业人员')
    personId = registration.personId
  } else if (PRACTITIONER_ID.test(ref)) {
    personId = ref
  } else {
    throw new InputError({ practitioner: '应为执业注册编号（如 琼146202400123）或从业人员编号' })
  }
  const p = await getStaffPractitioner(db, caller.actor, personId)
  return exchangePractitionerSchema.parse({
    id: p.id,
    name: p.name,
    gender: p.gender,
    idNumberMasked: p.idNumberMasked,
    employer: p.employer ? { uscc: p.employer.uscc, name: p.employer.name, regionCode: p.employer.regionCode } : null,
    registrations: p.registrations.map((r) => ({
      id: r.id,
      type: r.type,
      number: r.number,
      specialty: r.specialty,
      issuedOn: r.issuedOn,
      validUntil: r.validUntil,
    })),
  })
}
