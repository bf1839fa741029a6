// The province table (施工许可及竣工验收备案网上办理情况统计表) for whoever may read the
// statistics ('statistics.read'); a regional officer's or reviewer's own regions are highlighted.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { DEFAULT_LAG_RULE, type LagRule } from './lag-rule'
import { computeProvinceTable } from './province-table'
import type { ProvinceTable } from './dashboard-schemas'

export async function getProvinceTable(db: Db, actor: Actor, rule: LagRule = DEFAULT_LAG_RULE, asOf = new Date()): Promise<ProvinceTable> {
  authorize(actor, 'statistics.read')
  const own = actor.regions === 'ALL' ? [] : [...actor.regions]
  return computeProvinceTable(db, asOf, rule, own)
}
