// The region rule of enterprise writes (issue 12): an in-province enterprise is written only by an
// officer of its region (the province's officers act for every region); an out-of-province one —
// its region is its registering city outside Hainan — only by the province's officers.
import { isKnownRegionCode } from '@shared/regions/hainan'
import { actsFor, type Actor } from '@shared/staff/actor'
import { InputError } from '@web/server/lib/errors'
import type { EnterpriseLookups } from './enterprise-write-lookups'
import type { StaffEnterprisesRepository } from './staff-enterprises-repository'

/** Checks that the actor may place an enterprise in `regionCode`; returns whether it is in the province. */
export async function checkEnterpriseRegion(
  enterprises: StaffEnterprisesRepository,
  actor: Actor,
  regionCode: string,
  lookups: EnterpriseLookups = {},
): Promise<boolean> {
  const registered = lookups.registeredRegions?.has(regionCode) || (await enterprises.isRegisteredRegion(regionCode))
  if (!registered) throw new InputError({ regionCode: '不是平台登记的地区' })
  const inProvince = isKnownRegionCode(regionCode)
  if (!inProvince && actor.regions !== 'ALL') throw new InputError({ regionCode: '省外企业只能由省级主管部门登记和维护' })
  if (inProvince && !actsFor(actor, regionCode)) throw new InputError({ regionCode: '只能登记和维护本地区的企业' })
  return inProvince
}
