// A small world for the back office's project tests and the save-stage benchmark: the province,
// 海口 and 三亚 with their authorities, enterprises of each role, practitioners registered with the
// contractor and the supervisor (and one with another contractor), and one staff account per
// role. Actors are built directly, as the web layer would resolve them from a session.
import type { Db } from '@db/client'
import type { ImportKindSpec } from '@shared/import/column-spec'
import { matchHeader } from '@shared/import/header'
import { normalizeRow, type ImportRow } from '@shared/import/import-row'
import type { StaffRole } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import { makeUscc } from '@shared/validators/uscc'
import { appendAuditEntries, type AuditEntryInput } from '@web/server/audit/audit-log-repository'
import type { ImportHandler, RowResult } from '@web/server/import/import-handler'

export const HAIKOU = '460100'
export const SANYA = '460200'
export const PROVINCE = '460000'

export const USCC = {
  owner: makeUscc('91', HAIKOU, '10000001'),
  survey: makeUscc('91', HAIKOU, '20000001'),
  design: makeUscc('91', HAIKOU, '30000001'),
  contractor: makeUscc('91', HAIKOU, '40000001'),
  otherContractor: makeUscc('91', SANYA, '40000002'),
  supervisor: makeUscc('91', HAIKOU, '50000001'),
}

export interface ProjectWorld {
  authorities: Record<'province' | 'haikou' | 'sanya', string>
  people: { manager: string; chief: string; otherManager: string; expiredManager: string; secondManager: string }
  actors: {
    haikouOfficer: Actor
    sanyaOfficer: Actor
    provinceOfficer: Actor
    reviewer: Actor
    auditor: Actor
    admin: Actor
  }
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

export async function createProjectWorld(db: Db): Promise<ProjectWorld> {
  await db.region.create({ data: { code: PROVINCE, name: '海南省', shortName: '海南', level: 'PROVINCE', sortOrder: 0 } })
  await db.region.create({ data: { code: HAIKOU, name: '海口市', shortName: '海口', level: 'CITY', parentCode: PROVINCE, sortOrder: 1 } })
  await db.region.create({ data: { code: SANYA, name: '三亚市', shortName: '三亚', level: 'CITY', parentCode: PROVINCE, sortOrder: 2 } })
  const authority = (regionCode: string, name: string) =>
    db.authority.create({ data: { regionCode, name, address: `${name}办公地址`, phone: '0898-66668888' } }).then((a) => a.id)
  const authorities = {
    province: await authority(PROVINCE, '海南省住房和城乡建设厅'),
    haikou: await authority(HAIKOU, '海口市住房和城乡建设局'),
    sanya: await authority(SANYA, '三亚市住房和城乡建设局'),
  }
  const enterprise = (uscc: string, name: string, type: 'OWNER' | 'SURVEY' | 'DESIGN' | 'CONTRACTOR' | 'SUPERVISOR', regionCode = HAIKOU) =>
    db.enterprise
      .create({
        data: { uscc, name, type, regionCode, inProvince: true, legalRepresentative: '王海', registeredAddress: '海口市龙华区', registeredCapital: '5000', establishedOn: day('2010-01-01') },
      })
      .then((e) => e.id)
  await enterprise(USCC.owner, '海口城市建设投资有限公司', 'OWNER')
  await enterprise(USCC.survey, '海南地质勘察院有限公司', 'SURVEY')
  await enterprise(USCC.design, '海南省建筑设计院有限公司', 'DESIGN')
  const contractorId = await enterprise(USCC.contractor, '海南建工集团有限公司', 'CONTRACTOR')
  const otherContractorId = await enterprise(USCC.otherContractor, '三亚建设工程有限公司', 'CONTRACTOR', SANYA)
  const supervisorId = await enterprise(USCC.supervisor, '海南工程监理有限公司', 'SUPERVISOR')

  let n = 0
  const person = async (name: string, employerId: string, type: 'CONSTRUCTOR_1' | 'SUPERVISION_ENGINEER', validUntil = '2030-12-31') => {
    n++
    const p = await db.person.create({ data: { name, idNumber: `46010019800101${String(1000 + n)}`, gender: '男', employerId } })
    await db.registration.create({
      data: { personId: p.id, type, number: `琼${String(146_000_000 + n)}`, specialty: '建筑工程', employerId, issuedOn: day('2018-01-01'), validUntil: day(validUntil) },
    })
    return p.id
  }
  const people = {
    manager: await person('李建国', contractorId, 'CONSTRUCTOR_1'),
    chief: await person('陈监理', supervisorId, 'SUPERVISION_ENGINEER'),
    otherManager: await person('赵外企', otherContractorId, 'CONSTRUCTOR_1'),
    expiredManager: await person('钱过期', contractorId, 'CONSTRUCTOR_1', '2020-12-31'),
    // a second valid 项目经理 of the contractor, for correcting a permit's manager
    secondManager: await person('孙建设', contractorId, 'CONSTRUCTOR_1'),
  }

  const actor = async (username: string, role: StaffRole, authorityId: string | null, regionCode: string | null, regions: Actor['regions']): Promise<Actor> => {
    const user = await db.user.create({ data: { username, displayName: username, passwordHash: 'x', role, authorityId } })
    return { userId: user.id, username, displayName: username, role, authorityId, regionCode, regions, clientIp: '203.0.113.7' }
  }
  const actors = {
    haikouOfficer: await actor('hk-officer', 'REGION_OFFICER', authorities.haikou, HAIKOU, [HAIKOU]),
    sanyaOfficer: await actor('sy-officer', 'REGION_OFFICER', authorities.sanya, SANYA, [SANYA]),
    provinceOfficer: await actor('province-officer', 'REGION_OFFICER', authorities.province, PROVINCE, 'ALL'),
    reviewer: await actor('hk-reviewer', 'REVIEWER', authorities.haikou, HAIKOU, [HAIKOU]),
    auditor: await actor('auditor', 'AUDITOR', authorities.province, PROVINCE, 'ALL'),
    admin: await actor('admin', 'PROVINCE_ADMIN', authorities.province, PROVINCE, 'ALL'),
  }
  return { authorities, people, actors }
}

/** Valid inputs for each stage of a project registered in Haikou (dates before 2026-07-01). */
export function stageInputs(projectCode: string, world: ProjectWorld) {
  return {
    contractDesign: { projectCode, partyRole: 'DESIGN', partyUscc: USCC.design, contractPrice: '120.5', signedOn: '2026-03-02', filedOn: '2026-03-05' },
    contractBuild: { projectCode, partyRole: 'CONTRACTOR', partyUscc: USCC.contractor, contractPrice: '8800', signedOn: '2026-04-20', filedOn: '2026-04-22' },
    contractSupervise: { projectCode, partyRole: 'SUPERVISOR', partyUscc: USCC.supervisor, contractPrice: '150', signedOn: '2026-04-20', filedOn: '2026-04-22' },
    review: { projectCode, reviewAgency: '海南省建设工程施工图审查中心', result: '合格', issueCount: '12', certificateNumber: `SC-${projectCode.slice(-8)}`, passedOn: '2026-04-10' },
    supervision: { projectCode, supervisionStation: '海口市建设工程质量安全监督站', filedOn: '2026-05-06' },
    permit: {
      projectCode,
      scale: '地上18层 地下2层',
      floorArea: '32000',
      contractPrice: '8800',
      plannedStartOn: '2026-07-15',
      plannedEndOn: '2028-06-30',
      contractorUscc: USCC.contractor,
      supervisorUscc: USCC.supervisor,
      projectManagerId: world.people.manager,
      chiefSupervisorId: world.people.chief,
    },
    completion: { projectCode, acceptedOn: '2026-07-01', actualCost: '9100', actualArea: '32100' },
  } as const
}

export const projectInput = (regionCode = HAIKOU) => ({
  name: '海口市美兰区第一中学教学综合楼',
  address: '海口市美兰区海甸岛人民大道 58 号',
  regionCode,
  category: 'BUILDING' as const,
  floorArea: '32000',
  investment: '12000',
  ownerUscc: USCC.owner,
})

// ---------------------------------------------------------------- bulk import (issue 13)

/** An import file's cells by field, as a user types them; an absent field is an empty cell. */
export type ImportCells = Partial<Record<string, string>>

/** Rows as the file reader hands them over: read with its own normalisation, numbered from 2 as Excel shows them. */
export function importRows(spec: ImportKindSpec, rows: readonly ImportCells[]): ImportRow[] {
  const header = matchHeader(spec, spec.columns.map((c) => c.header))
  return rows.map((cells, i) => {
    const read = normalizeRow(spec, header, spec.columns.map((c) => cells[c.field] ?? ''), i + 2)
    // the runner never hands a row with unreadable cells to a handler; a test must not either
    if (read.problems.length > 0) throw new Error(`row ${i + 2} cannot be read: ${JSON.stringify(read.problems)}`)
    return read
  })
}

export interface ImportPassResult {
  results: RowResult[]
  /** the per-entity audit entries the handler pushed, in order */
  audit: AuditEntryInput[]
}

export interface ImportStep {
  handler: ImportHandler
  rows: readonly ImportRow[]
}

/**
 * Passes of handlers over their rows in ONE transaction, kept, as the import runner makes them:
 * batches, each batch's audit entries appended after it, the job's file name as the source.
 */
export async function importPasses(db: Db, actor: Actor, steps: readonly ImportStep[], now: Date, fileName = '导入测试.csv', batchSize = 500): Promise<ImportPassResult[]> {
  return db.$transaction(
    async (tx) => {
      const passes: ImportPassResult[] = []
      for (const { handler, rows } of steps) {
        const pass: ImportPassResult = { results: [], audit: [] }
        for (let i = 0; i < rows.length; i += batchSize) {
          const batch = { tx, actor, now, audit: [] as AuditEntryInput[], changedSubjects: [], source: { jobId: 'job-test', fileName } }
          pass.results.push(...(await handler.writeBatch(batch, rows.slice(i, i + batchSize))))
          await appendAuditEntries(tx, batch.audit)
          pass.audit.push(...batch.audit)
        }
        passes.push(pass)
      }
      return passes
    },
    { timeout: 120_000 },
  )
}

export async function importPass(db: Db, actor: Actor, handler: ImportHandler, rows: readonly ImportRow[], now: Date, fileName?: string): Promise<ImportPassResult> {
  return (await importPasses(db, actor, [{ handler, rows }], now, fileName))[0]
}

/** Row number → outcome, or the refused row's problems as [column, reason]. */
export function outcomes(results: readonly RowResult[]): Record<number, string | [string, string][]> {
  return Object.fromEntries(results.map((r) => [r.row, 'outcome' in r ? r.outcome : r.problems.map((p) => [p.column, p.reason] as [string, string])]))
}
