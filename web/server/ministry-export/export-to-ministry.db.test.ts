// The ministry export on both databases, over seeded demo data: the full export reads every row of
// every table exactly once (small keyset batches), in an order whose references resolve; the
// operator command writes the same counts to its files; an increment sends exactly the entities
// staff changed through the real use cases after the cursor, as they stand now (a withdrawn
// penalty and a revoked permit go out with UpdateFlag D), and nothing for an audited read; the
// cursor is the head read at the start, so a change made during an export is sent next time.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { decodeMinistryCursor, encodeMinistryCursor } from '@shared/ministry/cursor'
import { MINISTRY_TABLES, type MinistryRow, type MinistryTableName } from '@shared/ministry/tables'
import type { Actor } from '@shared/staff/actor'
import { makeIdNumber } from '@shared/validators/id-number'
import { makeUscc } from '@shared/validators/uscc'
import { revokeCertificate } from '@web/server/certificates/change-certificate-status'
import { createEnterprise } from '@web/server/enterprises/create-enterprise'
import { InputError } from '@web/server/lib/errors'
import { addRegistration } from '@web/server/practitioners/add-registration'
import { createPractitioner } from '@web/server/practitioners/create-practitioner'
import { revealPersonalData } from '@web/server/practitioners/reveal-personal-data'
import { withdrawRecord } from '@web/server/records/withdraw-record'
import { main as exportCommand } from '../../../scripts/export/ministry.ts'
import { openIdNumber } from '@web/server/personal-data/personal-data'
import { seedDatabase } from '../../../scripts/seed/seed-database.ts'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys.ts'
import { exportToMinistry, type MinistryExport } from './export-to-ministry'

const providers = await testProviders()
const HAIKOU = '460100'
const T1 = new Date('2026-07-01T10:00:00+08:00')
const T2 = new Date('2026-07-02T10:00:00+08:00')
const quiet = { log: () => {}, error: (line: string) => console.error(line) }

type Rows = Record<MinistryTableName, MinistryRow[]>

/** Reads a whole export, checking that its tables come in MINISTRY_TABLES order. */
async function collect(run: MinistryExport): Promise<Rows> {
  const rows = Object.fromEntries(MINISTRY_TABLES.map((t) => [t.name, []])) as unknown as Rows
  const order = MINISTRY_TABLES.map((t) => t.name as MinistryTableName)
  let last = 0
  for await (const batch of run.batches) {
    const index = order.indexOf(batch.table)
    expect(index, `${batch.table} after ${order[last]}`).toBeGreaterThanOrEqual(last)
    last = index
    rows[batch.table].push(...batch.rows)
  }
  return rows
}

const nonEmpty = (rows: Rows) => Object.fromEntries(Object.entries(rows).filter(([, r]) => r.length > 0).map(([t, r]) => [t, r.length]))
const values = (rows: MinistryRow[], field: string) => rows.map((r) => r[field])

describe.each(providers)('ministry export on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let officer: Actor
  let provinceOfficer: Actor
  let out: string
  /** the cursor each increment continues from */
  let cursor: string

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    await seedDatabase(db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'ministry', asOf: '2026-06-30' })
    const actor = async (username: string, regionCode: string, regions: Actor['regions']): Promise<Actor> => {
      const authority = await db.authority.findUniqueOrThrow({ where: { regionCode } })
      const user = await db.user.create({ data: { username, displayName: username, passwordHash: 'not-a-hash', role: 'REGION_OFFICER', authorityId: authority.id } })
      return { userId: user.id, username, displayName: username, role: 'REGION_OFFICER', authorityId: authority.id, regionCode, regions, clientIp: '203.0.113.9' }
    }
    officer = await actor('ministry-hk-officer', HAIKOU, [HAIKOU])
    provinceOfficer = await actor('ministry-hn-officer', '460000', 'ALL')
    out = fs.mkdtempSync(path.join(os.tmpdir(), `ministry-export-${provider}-`))
  })
  afterAll(async () => {
    if (out) fs.rmSync(out, { recursive: true, force: true })
    await t?.drop()
  })

  it('exports every row of every table once, references before their users, the cursor at the audit head', async () => {
    const run = await exportToMinistry(db, { batchSize: 37 })
    const head = (await db.auditLog.findFirst({ orderBy: { seq: 'desc' } }))?.seq ?? 0
    expect(run).toMatchObject({ mode: 'full', afterSeq: null, headSeq: head })
    expect(decodeMinistryCursor(run.nextCursor)).toBe(head)
    const rows = await collect(run)

    const projects = await db.project.findMany({ select: { projectCode: true } })
    expect(projects.length).toBeGreaterThan(37)
    const keys: Record<MinistryTableName, [string, Promise<string[]>]> = {
      TBCorpBasicInfo: ['CorpCode', db.enterprise.findMany({ select: { uscc: true } }).then((r) => r.map((x) => x.uscc))],
      TBCorpCertInfo: ['CertID', db.qualification.findMany({ select: { certificateNumber: true } }).then((r) => r.map((x) => x.certificateNumber))],
      TBRegPersonRegInfo: ['CertNum', db.registration.findMany({ select: { number: true } }).then((r) => r.map((x) => x.number))],
      TBProjectInfo: ['PrjNum', Promise.resolve(projects.map((p) => p.projectCode))],
      TBContractRecordManage: ['RecordNum', db.contractFiling.findMany({ select: { filingNumber: true } }).then((r) => r.map((x) => x.filingNumber))],
      TBProjectCensorInfo: ['CensorNum', db.drawingReview.findMany({ select: { certificateNumber: true } }).then((r) => r.map((x) => x.certificateNumber))],
      TBBuilderLicenceManage: ['BuilderLicenceNum', db.constructionPermit.findMany({ select: { permitNumber: true } }).then((r) => r.map((x) => x.permitNumber))],
      TBProjectFinishManage: ['PrjFinishNum', db.completionFiling.findMany({ select: { filingNumber: true } }).then((r) => r.map((x) => x.filingNumber))],
      xzcf: ['ajNo', db.integrityRecord.findMany({ where: { kind: 'BAD' }, select: { decisionNumber: true } }).then((r) => r.map((x) => x.decisionNumber))],
    }
    for (const [table, [field, expected]] of Object.entries(keys)) {
      const exported = values(rows[table as MinistryTableName], field) as string[]
      expect(exported.length, table).toBe(new Set(exported).size === exported.length ? (await expected).length : -1)
      expect(new Set(exported), table).toEqual(new Set(await expected))
    }

    const corpCodes = new Set(values(rows.TBCorpBasicInfo, 'CorpCode'))
    const prjNums = new Set(values(rows.TBProjectInfo, 'PrjNum'))
    for (const r of rows.TBProjectInfo) expect(corpCodes.has(r.BuildCorpCode)).toBe(true)
    for (const table of ['TBContractRecordManage', 'TBProjectCensorInfo', 'TBBuilderLicenceManage', 'TBProjectFinishManage'] as const) {
      for (const r of rows[table]) expect(prjNums.has(r.PrjNum), `${table} ${r.PrjNum}`).toBe(true)
    }
    for (const r of rows.TBBuilderLicenceManage) expect(corpCodes.has(r.ConsCorpCode)).toBe(true)

    expect(run.skipped).toEqual({
      ...((await db.supervisionFiling.count()) > 0 ? { SupervisionFiling: await db.supervisionFiling.count() } : {}),
      ...((await db.integrityRecord.count({ where: { kind: 'GOOD' } })) > 0 ? { 'IntegrityRecord:GOOD': await db.integrityRecord.count({ where: { kind: 'GOOD' } }) } : {}),
    })
  })

  it('sends a permit as the database holds it: full ID numbers, the contractor, its status as UpdateFlag', async () => {
    const permit = await db.constructionPermit.findFirstOrThrow({
      where: { chiefSupervisorId: { not: null } },
      select: { permitNumber: true, status: true, contractor: { select: { uscc: true } }, projectManager: { select: { idNumber: true } }, chiefSupervisor: { select: { idNumber: true } } },
    })
    const rows = await collect(await exportToMinistry(db))
    const row = rows.TBBuilderLicenceManage.find((r) => r.BuilderLicenceNum === permit.permitNumber)!
    expect(row).toMatchObject({
      ConsCorpCode: permit.contractor.uscc,
      // stored encrypted, sent in full
      ConstructorIDCard: openIdNumber(permit.projectManager.idNumber),
      SupervisionIDCard: openIdNumber(permit.chiefSupervisor!.idNumber),
      UpdateFlag: permit.status === 'ACTIVE' ? 'U' : 'D',
    })
    expect(String(row.ConstructorIDCard)).toMatch(/^\d{17}[\dX]$/)
  })

  it('the command writes one file per table with the same counts (JSON Lines and CSV) and prints the next cursor', async () => {
    const lines: string[] = []
    expect(await exportCommand(['--out', path.join(out, 'full-jsonl')], { DATABASE_URL: t.url }, { log: (l) => lines.push(l), error: quiet.error })).toBe(0)
    expect(await exportCommand(['--format', 'csv', '--out', path.join(out, 'full-csv')], { DATABASE_URL: t.url }, quiet)).toBe(0)
    const expected: Record<MinistryTableName, number> = {
      TBCorpBasicInfo: await db.enterprise.count(),
      TBCorpCertInfo: await db.qualification.count(),
      TBRegPersonRegInfo: await db.registration.count(),
      TBProjectInfo: await db.project.count(),
      TBContractRecordManage: await db.contractFiling.count(),
      TBProjectCensorInfo: await db.drawingReview.count(),
      TBBuilderLicenceManage: await db.constructionPermit.count(),
      TBProjectFinishManage: await db.completionFiling.count(),
      xzcf: await db.integrityRecord.count({ where: { kind: 'BAD' } }),
    }
    for (const [table, n] of Object.entries(expected)) {
      const jsonl = fs.readFileSync(path.join(out, 'full-jsonl', `${table}.jsonl`), 'utf8')
      expect(jsonl.split('\n').filter(Boolean).length, table).toBe(n)
      const csv = fs.readFileSync(path.join(out, 'full-csv', `${table}.csv`), 'utf8')
      expect(csv.startsWith('\uFEFF'), table).toBe(true)
      expect((parse(csv.slice(1)) as string[][]).length - 1, table).toBe(n)
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'full-jsonl', 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ mode: 'full', format: 'jsonl' })
    expect(manifest.tables.TBProjectInfo.rows).toBe(expected.TBProjectInfo)
    expect(lines).toContain(`next cursor: ${manifest.nextCursor}`)
    cursor = manifest.nextCursor
  })

  it('sends nothing when nothing changed after the cursor', async () => {
    const run = await exportToMinistry(db, { cursor })
    expect(run.mode).toBe('incremental')
    expect(nonEmpty(await collect(run))).toEqual({})
    expect(run.nextCursor).toBe(cursor)
  })

  it('the command sends exactly an enterprise created after the cursor, and not a practitioner whose ID number was only viewed', async () => {
    const uscc = makeUscc('91', HAIKOU, 'MX000001')
    await createEnterprise(db, officer, { uscc, name: '海口明晓建设工程有限公司', type: 'CONTRACTOR', regionCode: HAIKOU, legalRepresentative: '陈明', registeredAddress: '海口市美兰区海甸岛1号', registeredCapital: '3000', establishedOn: '2020-03-01' }, T1)
    // a registered practitioner: were the read taken for a change, their registrations would go out
    const viewed = await db.registration.findFirstOrThrow({ where: { person: { employer: { regionCode: HAIKOU } } }, select: { personId: true } })
    await revealPersonalData(db, officer, viewed.personId, T1)

    const dir = path.join(out, 'increment-1')
    expect(await exportCommand(['--cursor', cursor, '--out', dir], { DATABASE_URL: t.url }, quiet)).toBe(0)
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    expect(Object.fromEntries(Object.entries(manifest.tables as Record<string, { rows: number }>).filter(([, v]) => v.rows > 0).map(([k, v]) => [k, v.rows]))).toEqual({ TBCorpBasicInfo: 1 })
    const [line] = fs.readFileSync(path.join(dir, 'TBCorpBasicInfo.jsonl'), 'utf8').split('\n')
    expect(JSON.parse(line)).toMatchObject({ CorpName: '海口明晓建设工程有限公司', CorpCode: uscc, ProvinceNum: '460000', CityNum: HAIKOU, CountyNum: null, RegPrin: '3000', CorpBirthDate: '2020-03-01' })
    expect(decodeMinistryCursor(manifest.nextCursor)).toBe((await db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })).seq)
    cursor = manifest.nextCursor
  })

  it('sends a new practitioner\'s registration once though both the person and the registration changed', async () => {
    const { id: personId } = await createPractitioner(db, officer, { idNumber: makeIdNumber(HAIKOU, '19880808', 17), name: '吴晓峰', gender: '男', phone: '13907560000', employerUscc: makeUscc('91', HAIKOU, 'MX000001') }, T1)
    await addRegistration(db, officer, personId, { type: 'CONSTRUCTOR_2', number: '琼246202600017', specialty: '建筑工程', issuedOn: '2026-01-01', validUntil: '2029-01-01' }, T1)
    const run = await exportToMinistry(db, { cursor })
    const rows = await collect(run)
    expect(nonEmpty(rows)).toEqual({ TBRegPersonRegInfo: 1 })
    expect(rows.TBRegPersonRegInfo[0]).toMatchObject({ PersonName: '吴晓峰', IDCard18: makeIdNumber(HAIKOU, '19880808', 17), SpecialtyTypNum: '82', CertNum: '琼246202600017' })
    expect(Object.values(rows.TBRegPersonRegInfo[0])).not.toContain('13907560000')
    cursor = run.nextCursor
  })

  it('sends a withdrawn penalty and a revoked permit as they stand now, with UpdateFlag D; a withdrawn commendation has no table', async () => {
    const bad = await db.integrityRecord.findFirstOrThrow({ where: { kind: 'BAD', status: 'ACTIVE', enterpriseId: { not: null } }, select: { id: true, decisionNumber: true } })
    const good = await db.integrityRecord.findFirstOrThrow({ where: { kind: 'GOOD', status: 'ACTIVE' }, select: { id: true } })
    const certificate = await db.certificate.findFirstOrThrow({ where: { type: 'CONSTRUCTION_PERMIT', status: 'VALID', permitId: { not: null } }, select: { serial: true, permit: { select: { permitNumber: true } } } })
    await withdrawRecord(db, provinceOfficer, bad.id, { reason: '经复核，处罚决定已被撤销' }, T2)
    await withdrawRecord(db, provinceOfficer, good.id, { reason: '表彰文件有误' }, T2)
    await revokeCertificate(db, { serial: certificate.serial, reason: '以欺骗手段取得施工许可', userId: provinceOfficer.userId }, T2)

    const run = await exportToMinistry(db, { cursor })
    const rows = await collect(run)
    expect(nonEmpty(rows)).toEqual({ TBBuilderLicenceManage: 1, xzcf: 1 })
    expect(rows.xzcf[0]).toMatchObject({ ajNo: bad.decisionNumber, updateFlag: 'D' })
    expect(rows.TBBuilderLicenceManage[0]).toMatchObject({ BuilderLicenceNum: certificate.permit!.permitNumber, UpdateFlag: 'D' })
    expect(run.skipped).toEqual({ 'IntegrityRecord:GOOD': 1 })

    // the same changes, found by time instead of cursor: everything logged at or after T2
    const bySince = await collect(await exportToMinistry(db, { since: T2 }))
    expect(nonEmpty(bySince)).toEqual({ TBBuilderLicenceManage: 1, xzcf: 1 })
    expect(nonEmpty(await collect(await exportToMinistry(db, { since: new Date('2099-01-01T00:00:00Z') })))).toEqual({})
    cursor = run.nextCursor
  })

  it('a change written while an export runs is sent by the next one, not lost', async () => {
    const run = await exportToMinistry(db, { cursor })
    const uscc = makeUscc('91', HAIKOU, 'MX000002')
    await createEnterprise(db, officer, { uscc, name: '海口晓峰劳务有限公司', type: 'CONTRACTOR', regionCode: HAIKOU, legalRepresentative: '吴晓峰', registeredAddress: '海口市龙华区1号', registeredCapital: '500', establishedOn: '2021-01-01' }, T2)
    await collect(run)
    const next = await collect(await exportToMinistry(db, { cursor: run.nextCursor }))
    expect(values(next.TBCorpBasicInfo, 'CorpCode')).toEqual([uscc])
  })

  it('refuses a cursor it did not make, one past the audit log\'s head, and a cursor with a time', async () => {
    await expect(exportToMinistry(db, { cursor: 'abc' })).rejects.toBeInstanceOf(InputError)
    const head = (await db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })).seq
    await expect(exportToMinistry(db, { cursor: encodeMinistryCursor(head + 1) })).rejects.toThrow('全量导出')
    await expect(exportToMinistry(db, { cursor, since: T1 })).rejects.toBeInstanceOf(InputError)
    expect(await exportCommand(['--cursor', 'abc', '--out', path.join(out, 'refused')], { DATABASE_URL: t.url }, { log: () => {}, error: () => {} })).toBe(2)
    expect(fs.existsSync(path.join(out, 'refused'))).toBe(false)
  })
})
