// GET /api/exchange/v1/projects/{projectCode}: one project with every record of its five stages and
// their states, read through the back office's own use case (getStaffProject), so the token's
// authority sees exactly what its staff see: another region's project answers 404 like a missing one.
import type { Db } from '@db/client'
import { parseProjectCode, projectCodeSchema } from '@shared/validators/codes'
import type { ApiCaller } from '@web/server/api-tokens/authenticate-api-token'
import { InputError } from '@web/server/lib/errors'
import { getStaffProject } from '@web/server/projects/get-staff-project'
import { authorize } from '@web/server/staff/authorize'
import { exchangeProjectSchema, type ExchangeProject } from './exchange-read-schemas'
import { requireScope } from './exchange-scope'

const ref = <T extends { id: string; name: string } | null>(p: T) => (p ? { id: p.id, name: p.name } : null)

export async function getExchangeProject(db: Db, caller: ApiCaller, projectCode: string): Promise<ExchangeProject> {
  requireScope(caller, 'read')
  authorize(caller.actor, 'workspace.read')
  const code = projectCodeSchema.safeParse(projectCode)
  if (!code.success) throw new InputError({ projectCode: code.error.issues[0].message })
  const p = await getStaffProject(db, caller.actor, code.data)
  return exchangeProjectSchema.parse({
    projectCode: p.projectCode,
    name: p.name,
    address: p.address,
    regionCode: parseProjectCode(p.projectCode)?.regionCode,
    regionName: p.regionName,
    category: p.category,
    floorArea: p.floorArea,
    investment: p.investment,
    registeredOn: p.registeredOn,
    owner: p.owner,
    participants: p.participants.map((x) => ({ role: x.role, name: x.name, uscc: x.uscc })),
    keyPeople: p.keyPeople,
    stages: {
      contractFilings: p.contracts.map((c) => ({
        id: c.id,
        filingNumber: c.filingNumber,
        partyRole: c.partyRole,
        party: c.party,
        contractPrice: c.contractPrice,
        signedOn: c.signedOn,
        filedOn: c.filedOn,
        status: c.status,
      })),
      drawingReviews: p.reviews.map((r) => ({
        id: r.id,
        certificateNumber: r.certificateNumber,
        reviewAgency: r.reviewAgency,
        result: r.result,
        issueCount: r.issueCount,
        passedOn: r.passedOn,
        status: r.status,
      })),
      supervisionFilings: p.supervisions.map((s) => ({ id: s.id, filingNumber: s.filingNumber, supervisionStation: s.supervisionStation, filedOn: s.filedOn, status: s.status })),
      constructionPermits: p.permits.map((x) => ({
        id: x.id,
        permitNumber: x.permitNumber,
        issuedOn: x.issuedOn,
        scale: x.scale,
        floorArea: x.floorArea,
        contractPrice: x.contractPrice,
        plannedStartOn: x.plannedStartOn,
        plannedEndOn: x.plannedEndOn,
        status: x.status,
        revocationReason: x.revocationReason,
        contractor: x.contractor,
        supervisor: x.supervisor,
        projectManager: ref(x.projectManager),
        chiefSupervisor: ref(x.chiefSupervisor),
        certificate: x.certificate,
      })),
      completionFilings: p.completions.map((c) => ({
        id: c.id,
        filingNumber: c.filingNumber,
        acceptedOn: c.acceptedOn,
        filedOn: c.filedOn,
        actualCost: c.actualCost,
        actualArea: c.actualArea,
        status: c.status,
        revocationReason: c.revocationReason,
        certificate: c.certificate,
      })),
    },
  })
}
