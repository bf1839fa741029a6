// The back office's practitioner list: people employed by enterprises of the actor's regions (the
// province also sees those with no employer), searched by name or registration number; ID numbers
// and phones masked.
import type { Db } from '@db/client'
import { maskIdNumber, maskPhone } from '@shared/privacy/masking'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { createStaffPractitionersRepository } from './staff-practitioners-repository'
import { staffSearchTerm } from '@web/server/staff/staff-search'

export async function listStaffPractitioners(db: Db, actor: Actor, query: { q?: string; page?: number; pageSize?: number } = {}) {
  authorize(actor, 'workspace.read')
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100)
  const page = Math.max(query.page ?? 1, 1)
  const { total, rows } = await createStaffPractitionersRepository(db).listInRegion(actor, staffSearchTerm(query.q), page, pageSize)
  return {
    total,
    page,
    pageSize,
    items: rows.map((p) => ({
      id: p.id,
      name: p.name,
      gender: p.gender,
      idNumberMasked: maskIdNumber(p.idNumber),
      phoneMasked: maskPhone(p.phone),
      employerName: p.employer?.name ?? null,
      registrations: p._count.registrations,
    })),
  }
}
