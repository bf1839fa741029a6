// One project as the back office shows it: the five stages in order with every record (ACTIVE or
// not), participants and key people, and the certificates with their status. Another region's
// project answers NotFoundError, like a missing one.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { NotFoundError } from '@web/server/lib/errors'
import { amount, isoDate } from '@web/server/lib/values'
import { assertRegion, authorize } from '@web/server/staff/authorize'
import { createStaffProjectsRepository } from './staff-projects-repository'

export async function getStaffProject(db: Db, actor: Actor, projectCode: string) {
  authorize(actor, 'workspace.read')
  const p = await createStaffProjectsRepository(db).findByCode(projectCode)
  if (!p) throw new NotFoundError('项目')
  assertRegion(actor, p.regionCode, '项目')
  const cert = (c: { serial: string; status: string; issuedOn: Date; statusReason: string | null } | null) =>
    c ? { serial: c.serial, status: c.status, issuedOn: isoDate(c.issuedOn), statusReason: c.statusReason } : null
  return {
    projectCode: p.projectCode,
    name: p.name,
    address: p.address,
    regionName: p.region.name,
    category: p.category,
    floorArea: p.floorArea,
    investment: amount(p.investment),
    registeredOn: isoDate(p.registeredOn),
    owner: p.owner,
    participants: p.participants.map((x) => ({ role: x.role, ...x.enterprise })),
    keyPeople: p.keyPeople.map((k) => ({ role: k.role, name: k.person.name })),
    contracts: p.contractFilings.map((c) => ({ ...c, party: c.party, contractPrice: amount(c.contractPrice), signedOn: isoDate(c.signedOn), filedOn: isoDate(c.filedOn) })),
    reviews: p.drawingReviews.map((r) => ({ ...r, passedOn: isoDate(r.passedOn) })),
    supervisions: p.supervisionFilings.map((s) => ({ ...s, filedOn: isoDate(s.filedOn) })),
    permits: p.permits.map((x) => ({
      ...x,
      contractPrice: amount(x.contractPrice),
      issuedOn: isoDate(x.issuedOn),
      plannedStartOn: isoDate(x.plannedStartOn),
      plannedEndOn: isoDate(x.plannedEndOn),
      certificate: cert(x.certificate),
    })),
    completions: p.completionFilings.map((c) => ({ ...c, actualCost: amount(c.actualCost), acceptedOn: isoDate(c.acceptedOn), filedOn: isoDate(c.filedOn), certificate: cert(c.certificate) })),
  }
}
export type StaffProject = Awaited<ReturnType<typeof getStaffProject>>
