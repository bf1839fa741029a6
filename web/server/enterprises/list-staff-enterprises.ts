// The back office's enterprise list: only enterprises of the actor's regions, searched by name or
// USCC, ordered by name, a page at a time.
import type { Db } from '@db/client'
import { ENTERPRISE_TYPE_LABELS } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { createStaffEnterprisesRepository } from './staff-enterprises-repository'
import { staffSearchTerm } from '@web/server/staff/staff-search'

export interface StaffListQuery {
  q?: string
  page?: number
  pageSize?: number
}

export async function listStaffEnterprises(db: Db, actor: Actor, query: StaffListQuery = {}) {
  authorize(actor, 'workspace.read')
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100)
  const page = Math.max(query.page ?? 1, 1)
  const { total, rows } = await createStaffEnterprisesRepository(db).listInRegion(actor, staffSearchTerm(query.q), page, pageSize)
  return {
    total,
    page,
    pageSize,
    items: rows.map((e) => ({ id: e.id, uscc: e.uscc, name: e.name, type: e.type, typeLabel: ENTERPRISE_TYPE_LABELS[e.type], inProvince: e.inProvince, regionName: e.region.name })),
  }
}
