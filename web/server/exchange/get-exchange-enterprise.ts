// GET /api/exchange/v1/enterprises/{uscc}: one enterprise with its qualifications, found by USCC
// among the token's authority's enterprises and read through the back office's own use case
// (getStaffEnterprise); another region's enterprise answers 404 like a missing one.
import type { Db } from '@db/client'
import { usccSchema } from '@shared/validators/uscc'
import type { ApiCaller } from '@web/server/api-tokens/authenticate-api-token'
import { getStaffEnterprise } from '@web/server/enterprises/get-staff-enterprise'
import { createStaffEnterprisesRepository } from '@web/server/enterprises/staff-enterprises-repository'
import { InputError, NotFoundError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { exchangeEnterpriseSchema, type ExchangeEnterprise } from './exchange-read-schemas'
import { requireScope } from './exchange-scope'

export async function getExchangeEnterprise(db: Db, caller: ApiCaller, uscc: string): Promise<ExchangeEnterprise> {
  requireScope(caller, 'read')
  authorize(caller.actor, 'workspace.read')
  const code = usccSchema.safeParse(uscc)
  if (!code.success) throw new InputError({ uscc: code.error.issues[0].message })
  const [found] = await createStaffEnterprisesRepository(db).findManyAuditFieldsInRegionByUscc(caller.actor, [code.data])
  if (!found) throw new NotFoundError('企业')
  const e = await getStaffEnterprise(db, caller.actor, found.id)
  return exchangeEnterpriseSchema.parse({
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    type: e.type,
    regionCode: e.regionCode,
    regionName: e.regionName,
    inProvince: e.inProvince,
    legalRepresentative: e.legalRepresentative,
    registeredAddress: e.registeredAddress,
    registeredCapital: e.registeredCapital,
    establishedOn: e.establishedOn,
    qualifications: e.qualifications.map((q) => ({
      id: q.id,
      category: q.category,
      grade: q.grade,
      certificateNumber: q.certificateNumber,
      issuedBy: q.issuedBy,
      issuedOn: q.issuedOn,
      validUntil: q.validUntil,
    })),
  })
}
