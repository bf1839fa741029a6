// The export round trip of issue 13, on both databases: a small but complete data set (every
// import kind: enterprises, qualifications, practitioners, registrations, two projects, the five
// stages, good and bad records, an enterprise whose name begins with '=') is exported as the
// import's files, every file is imported in order into an EMPTY database (the same regions and a
// staff actor) through the real engine — upload, dry run, commit — and the two databases are
// compared row by row on natural keys and every field the files carry.
//
// Not compared, and why:
// - ids, createdAt/updatedAt: each database makes its own;
// - Project.registeredOn: the day the project was registered on this platform (the import's day);
// - contract and supervision filings' filingNumber: the platform numbers them when it files them
//   (no file column carries one); their and every stage's authorityId: the importing officer's authority;
// - certificates' serial, keyId, signature, issuedOn, createdAt: an imported permit or filing gets a
//   new certificate signed on the day of the import (its facts are compared);
// - audit log, import jobs, credit grades: each database's own history, not data the files move;
// - withdrawn records, a second record in force under one decision and subject, and people without
//   an employer: not representable by the files (counted as skipped by the export, checked below).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { createDemoKeyFile, parseKeyFile } from '@shared/certificates/key-file'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import { IMPORT_KIND_IDS, type ImportKindId } from '@shared/import/import-kind-ids'
import type { Actor } from '@shared/staff/actor'
import { makeIdNumber } from '@shared/validators/id-number'
import { makeUscc } from '@shared/validators/uscc'
import { ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { getImportJob } from '@web/server/import/get-import-job'
import { createImportEngine } from '@web/server/import/import-engine'
import { requestImportCommit } from '@web/server/import/request-import-commit'
import { runPendingImportJobs } from '@web/server/import/run-import-job'
import { csvBytes } from '@web/server/import/testing/fixtures'
import { uploadImportFile } from '@web/server/import/upload-import-file'
import { openIdNumber, openPersonPhone, sealIdNumber } from '@web/server/personal-data/personal-data'
import { withdrawRecord } from '@web/server/records/withdraw-record'
import { directorySink } from './directory-sink'
import { exportData, exportFileName, type ExportedFile } from './export-data'
import { SKIP_REASONS } from './export-rows'

const providers = await testProviders()
const RING = parseKeyFile(createDemoKeyFile('2020-01-01'))
/** the import runs on 2026-07-01 (China); every date of the data is older */
const NOW = new Date('2026-07-01T03:00:00Z')
const engine = createImportEngine({ keyRing: () => RING })

const PROVINCE = '460000'
const HAIKOU = '460100'
const SANYA = '460200'

const USCC = {
  owner: makeUscc('91', HAIKOU, '10000001'),
  design: makeUscc('91', HAIKOU, '30000001'),
  contractor: makeUscc('91', HAIKOU, '40000001'),
  supervisor: makeUscc('91', HAIKOU, '50000001'),
  sanyaOwner: makeUscc('91', SANYA, '10000002'),
  sanyaContractor: makeUscc('91', SANYA, '40000002'),
}
const ID = { manager: makeIdNumber(HAIKOU, '19850312', 1), chief: makeIdNumber(HAIKOU, '19800101', 2), sanya: makeIdNumber(SANYA, '19900101', 3) }
const REG = { manager: '琼146202400123', chief: '琼246202300456', sanya: '琼146202400999' }
const P1 = '46010020240300017'
const P2 = '46020020240300021'
const FORMULA_NAME = '=SUM(1,2)建筑设计有限公司'

type Cells = Record<string, string>

/** The source data as files a user would type, by kind (field → cell). */
const SOURCE: Record<ImportKindId, Cells[]> = {
  enterprises: [
    enterprise(USCC.owner, '海口城市建设投资有限公司', 'OWNER', HAIKOU),
    enterprise(USCC.design, FORMULA_NAME, 'DESIGN', HAIKOU),
    enterprise(USCC.contractor, '海南建工集团（海口）有限公司', 'CONTRACTOR', HAIKOU),
    enterprise(USCC.supervisor, '海南工程监理有限公司', 'SUPERVISOR', HAIKOU),
    enterprise(USCC.sanyaOwner, '三亚城市投资有限公司', 'OWNER', SANYA),
    enterprise(USCC.sanyaContractor, '三亚建设工程有限公司', 'CONTRACTOR', SANYA),
  ],
  qualifications: [
    { enterpriseUscc: USCC.contractor, category: '建筑工程施工总承包', grade: '一级', certificateNumber: 'D246012345', issuedBy: '海南省住房和城乡建设厅', issuedOn: '2021-04-12', validUntil: '2026-04-11' },
    { enterpriseUscc: USCC.sanyaContractor, category: '市政公用工程施工总承包', grade: '二级', certificateNumber: 'D246099999', issuedBy: '海南省住房和城乡建设厅', issuedOn: '2022-01-05', validUntil: '2027-01-04' },
  ],
  practitioners: [
    { idNumber: ID.manager, name: '李建国', gender: '男', phone: '13876001234', employerUscc: USCC.contractor },
    { idNumber: ID.chief, name: '陈静', gender: '女', phone: '', employerUscc: USCC.supervisor },
    { idNumber: ID.sanya, name: '王海', gender: '男', phone: '0898-88661234', employerUscc: USCC.sanyaContractor },
  ],
  registrations: [
    { idNumber: ID.manager, type: 'CONSTRUCTOR_1', number: REG.manager, specialty: '建筑工程', issuedOn: '2024-01-15', validUntil: '2027-01-14' },
    { idNumber: ID.chief, type: 'SUPERVISION_ENGINEER', number: REG.chief, specialty: '房屋建筑工程', issuedOn: '2023-01-01', validUntil: '2027-12-31' },
    { idNumber: ID.sanya, type: 'CONSTRUCTOR_1', number: REG.sanya, specialty: '市政公用工程', issuedOn: '2023-06-01', validUntil: '2026-05-31' },
  ],
  projects: [
    { projectCode: P1, name: '海口市龙华区滨海花园二期住宅工程', address: '海口市龙华区滨海大道与金贸路交叉口东北侧', regionCode: HAIKOU, category: 'BUILDING', floorArea: '86500.5', investment: '32000', ownerUscc: USCC.owner },
    { projectCode: P2, name: '三亚市吉阳区迎宾路改造工程', address: '三亚市吉阳区迎宾路', regionCode: SANYA, category: 'MUNICIPAL', floorArea: '', investment: '1500.25', ownerUscc: USCC.sanyaOwner },
  ],
  'contract-filings': [
    { projectCode: P1, partyRole: 'DESIGN', partyUscc: USCC.design, contractPrice: '120.5', signedOn: '2024-03-02', filedOn: '2024-03-05' },
    { projectCode: P1, partyRole: 'CONTRACTOR', partyUscc: USCC.contractor, contractPrice: '28500', signedOn: '2024-03-20', filedOn: '2024-03-25' },
    { projectCode: P1, partyRole: 'SUPERVISOR', partyUscc: USCC.supervisor, contractPrice: '150', signedOn: '2024-03-20', filedOn: '2024-03-25' },
    { projectCode: P2, partyRole: 'CONTRACTOR', partyUscc: USCC.sanyaContractor, contractPrice: '1400', signedOn: '2024-03-10', filedOn: '2024-03-12' },
  ],
  'drawing-reviews': [
    { projectCode: P1, certificateNumber: 'HNSC2024040201', reviewAgency: '海南省建设工程施工图审查中心', result: '合格', issueCount: '12', passedOn: '2024-04-02' },
    { projectCode: P2, certificateNumber: 'HNSC2024040299', reviewAgency: '海南省建设工程施工图审查中心', result: '合格', issueCount: '0', passedOn: '2024-04-05' },
  ],
  'supervision-filings': [{ projectCode: P1, supervisionStation: '海口市建设工程质量安全监督站', filedOn: '2024-04-10' }],
  'construction-permits': [
    {
      permitNumber: '460100202405080101',
      issuedOn: '2024-05-08',
      projectCode: P1,
      scale: '地上18层 地下2层',
      floorArea: '86500.5',
      contractPrice: '28500',
      plannedStartOn: '2024-05-20',
      plannedEndOn: '2026-05-19',
      contractorUscc: USCC.contractor,
      supervisorUscc: USCC.supervisor,
      projectManagerRegistrationNumber: REG.manager,
      chiefSupervisorRegistrationNumber: REG.chief,
    },
  ],
  'completion-filings': [{ filingNumber: 'JB460100202606300101', filedOn: '2026-06-30', projectCode: P1, acceptedOn: '2026-06-18', actualCost: '29120.75', actualArea: '86620' }],
  'integrity-records': [
    {
      subjectCode: USCC.contractor,
      kind: 'BAD',
      categoryCode: 'BAD.PENALTY.SERIOUS',
      title: '未按规定设置安全防护设施',
      description: '2024年6月检查发现施工现场临边防护缺失，"责令整改"。\n=依据《建设工程安全生产管理条例》第六十二条予以处罚。',
      decisionNumber: '琼建罚〔2024〕12号',
      issuedBy: '海口市住房和城乡建设局',
      decidedOn: '2024-06-28',
      penaltyLastDay: '2024-12-31',
      publishFrom: '',
    },
    {
      subjectCode: REG.manager,
      kind: 'GOOD',
      categoryCode: 'GOOD.AWARD.PROVINCIAL',
      title: '+海南省优质工程“绿岛杯”奖',
      description: '滨海花园二期住宅工程获评省级优质工程。',
      decisionNumber: '琼建质〔2025〕3号',
      issuedBy: '海南省住房和城乡建设厅',
      decidedOn: '2025-03-01',
      penaltyLastDay: '',
      publishFrom: '2025-03-10',
    },
    {
      subjectCode: USCC.supervisor,
      kind: 'BAD',
      categoryCode: 'BAD.PENALTY.MINOR',
      title: '监理日志记录不全',
      description: '检查发现监理日志记录不全。',
      decisionNumber: '琼建罚〔2025〕7号',
      issuedBy: '海口市住房和城乡建设局',
      decidedOn: '2025-05-05',
      penaltyLastDay: '',
      publishFrom: '',
    },
  ],
}

function enterprise(uscc: string, name: string, type: string, regionCode: string): Cells {
  return { uscc, name, type, regionCode, legalRepresentative: '王海峰', registeredAddress: `${regionCode === HAIKOU ? '海口市龙华区' : '三亚市吉阳区'}滨海大道100号`, registeredCapital: '5,000.5', establishedOn: '2010-01-01' }
}

function fileOf(kind: ImportKindId, rows: readonly Cells[]): Buffer {
  const spec = IMPORT_KINDS[kind]
  return csvBytes([spec.columns.map((c) => c.header), ...rows.map((r) => spec.columns.map((c) => r[c.field] ?? ''))])
}

/** The regions, the authorities and a province officer: what an empty instance has before any import. */
async function createInstance(db: Db): Promise<{ officer: Actor; haikouOfficer: Actor; reviewer: Actor }> {
  await db.region.create({ data: { code: PROVINCE, name: '海南省', shortName: '海南', level: 'PROVINCE', sortOrder: 0 } })
  await db.region.create({ data: { code: HAIKOU, name: '海口市', shortName: '海口', level: 'CITY', parentCode: PROVINCE, sortOrder: 1 } })
  await db.region.create({ data: { code: SANYA, name: '三亚市', shortName: '三亚', level: 'CITY', parentCode: PROVINCE, sortOrder: 2 } })
  const authority = (regionCode: string, name: string) => db.authority.create({ data: { regionCode, name, address: `${name}办公地址`, phone: '0898-66668888' } }).then((a) => a.id)
  const province = await authority(PROVINCE, '海南省住房和城乡建设厅')
  const haikou = await authority(HAIKOU, '海口市住房和城乡建设局')
  await authority(SANYA, '三亚市住房和城乡建设局')
  const actor = async (username: string, role: 'REGION_OFFICER' | 'REVIEWER', authorityId: string, regionCode: string, regions: Actor['regions']): Promise<Actor> => {
    const user = await db.user.create({ data: { username, displayName: username, passwordHash: 'x', role, authorityId } })
    return { userId: user.id, username, displayName: username, role, authorityId, regionCode, regions, clientIp: '203.0.113.7' }
  }
  return {
    officer: await actor('province-officer', 'REGION_OFFICER', province, PROVINCE, 'ALL'),
    haikouOfficer: await actor('hk-officer', 'REGION_OFFICER', haikou, HAIKOU, [HAIKOU]),
    reviewer: await actor('hk-reviewer', 'REVIEWER', haikou, HAIKOU, [HAIKOU]),
  }
}

async function* body(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes
}

/** One file through the real import: upload, dry run (must be clean), commit. */
async function importFile(db: Db, actor: Actor, kind: ImportKindId, bytes: Buffer): Promise<void> {
  const job = await uploadImportFile(db, actor, engine, { kind, fileName: `${kind}.csv`, body: body(bytes) }, { maxBytes: 16 * 1024 * 1024 }, NOW)
  await runPendingImportJobs(db, engine, { now: () => NOW, batchSize: 2 })
  const dry = await getImportJob(db, actor, job.id, 200, NOW)
  expect({ kind, status: dry.job.status, error: dry.job.error, problems: dry.problems }).toEqual({ kind, status: 'VALID', error: null, problems: [] })
  await requestImportCommit(db, actor, engine, job.id, NOW)
  await runPendingImportJobs(db, engine, { now: () => NOW, batchSize: 2 })
  const committed = await getImportJob(db, actor, job.id, 200, NOW)
  expect({ kind, status: committed.job.status, problems: committed.problems }).toEqual({ kind, status: 'COMMITTED', problems: [] })
}

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null
const money = (d: { toFixed(n: number): string }) => d.toFixed(2)
const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))

/** Every table the files move, by natural key, as plain values. */
async function contents(db: Db, leftOut: readonly string[] = []) {
  const enterprises = (await db.enterprise.findMany()).map((e) => ({
    uscc: e.uscc,
    name: e.name,
    type: e.type,
    regionCode: e.regionCode,
    inProvince: e.inProvince,
    legalRepresentative: e.legalRepresentative,
    registeredAddress: e.registeredAddress,
    registeredCapital: money(e.registeredCapital),
    establishedOn: iso(e.establishedOn),
  }))
  const qualifications = (await db.qualification.findMany({ include: { enterprise: true } })).map((q) => ({
    certificateNumber: q.certificateNumber,
    enterprise: q.enterprise.uscc,
    category: q.category,
    grade: q.grade,
    issuedBy: q.issuedBy,
    issuedOn: iso(q.issuedOn),
    validUntil: iso(q.validUntil),
  }))
  // people without an employer cannot be in the files (checked separately)
  const people = (await db.person.findMany({ where: { employerId: { not: null } }, include: { employer: true } })).map((p) => ({
    // stored encrypted, under a random IV: compared opened
    idNumber: openIdNumber(p.idNumber),
    name: p.name,
    gender: p.gender,
    phone: openPersonPhone(p.phone),
    employer: p.employer?.uscc ?? null,
  }))
  const registrations = (await db.registration.findMany({ include: { person: true, employer: true } })).map((r) => ({
    number: r.number,
    person: openIdNumber(r.person.idNumber),
    type: r.type,
    specialty: r.specialty,
    employer: r.employer?.uscc ?? null,
    issuedOn: iso(r.issuedOn),
    validUntil: iso(r.validUntil),
  }))
  const projects = (
    await db.project.findMany({ include: { owner: true, participants: { include: { enterprise: true } }, keyPeople: { include: { person: true } } } })
  ).map((p) => ({
    projectCode: p.projectCode,
    name: p.name,
    address: p.address,
    regionCode: p.regionCode,
    category: p.category,
    floorArea: p.floorArea,
    investment: money(p.investment),
    owner: p.owner.uscc,
    // made by the stages as they are filed: the same stages make the same participants and key people
    participants: p.participants.map((x) => `${x.role}:${x.enterprise.uscc}`).sort(),
    keyPeople: p.keyPeople.map((x) => `${x.role}:${openIdNumber(x.person.idNumber)}`).sort(),
  }))
  const contractFilings = (await db.contractFiling.findMany({ include: { project: true, party: true } })).map((c) => ({
    project: c.project.projectCode,
    partyRole: c.partyRole,
    party: c.party.uscc,
    contractPrice: money(c.contractPrice),
    signedOn: iso(c.signedOn),
    filedOn: iso(c.filedOn),
    status: c.status,
  }))
  const drawingReviews = (await db.drawingReview.findMany({ include: { project: true } })).map((d) => ({
    certificateNumber: d.certificateNumber,
    project: d.project.projectCode,
    reviewAgency: d.reviewAgency,
    result: d.result,
    issueCount: d.issueCount,
    passedOn: iso(d.passedOn),
    status: d.status,
  }))
  const supervisionFilings = (await db.supervisionFiling.findMany({ include: { project: true } })).map((s) => ({
    project: s.project.projectCode,
    supervisionStation: s.supervisionStation,
    filedOn: iso(s.filedOn),
    status: s.status,
  }))
  const certificateFacts = (c: { type: string; projectCode: string; holderUscc: string; validUntil: Date | null; status: string } | null) =>
    c && { type: c.type, projectCode: c.projectCode, holderUscc: c.holderUscc, validUntil: iso(c.validUntil), status: c.status }
  const permits = (
    await db.constructionPermit.findMany({ include: { project: true, contractor: true, supervisor: true, projectManager: true, chiefSupervisor: true, certificate: true } })
  ).map((p) => ({
    permitNumber: p.permitNumber,
    project: p.project.projectCode,
    regionCode: p.regionCode,
    issuedOn: iso(p.issuedOn),
    scale: p.scale,
    floorArea: p.floorArea,
    contractPrice: money(p.contractPrice),
    plannedStartOn: iso(p.plannedStartOn),
    plannedEndOn: iso(p.plannedEndOn),
    contractor: p.contractor.uscc,
    supervisor: p.supervisor?.uscc ?? null,
    projectManager: openIdNumber(p.projectManager.idNumber),
    chiefSupervisor: p.chiefSupervisor ? openIdNumber(p.chiefSupervisor.idNumber) : null,
    status: p.status,
    certificate: certificateFacts(p.certificate),
    certificateSigned: p.certificate?.signature != null,
  }))
  const completionFilings = (await db.completionFiling.findMany({ include: { project: true, certificate: true } })).map((c) => ({
    filingNumber: c.filingNumber,
    project: c.project.projectCode,
    regionCode: c.regionCode,
    acceptedOn: iso(c.acceptedOn),
    filedOn: iso(c.filedOn),
    actualCost: money(c.actualCost),
    actualArea: c.actualArea,
    status: c.status,
    certificate: certificateFacts(c.certificate),
    certificateSigned: c.certificate?.signature != null,
  }))
  // withdrawn records cannot be in the files (checked separately)
  const records = (await db.integrityRecord.findMany({ where: { status: 'ACTIVE', id: { notIn: [...leftOut] } }, include: { enterprise: true, person: true } })).map((r) => ({
    subject: r.enterprise?.uscc ?? openIdNumber(r.person!.idNumber),
    subjectType: r.subjectType,
    decisionNumber: r.decisionNumber,
    kind: r.kind,
    categoryCode: r.categoryCode,
    title: r.title,
    description: r.description,
    issuedBy: r.issuedBy,
    decidedOn: iso(r.decidedOn),
    publishFrom: iso(r.publishFrom),
    penaltyLastDay: iso(r.penaltyLastDay),
    // follow from the category under the standard; both databases import under the same one
    publishUntil: iso(r.publishUntil),
    points: r.points,
    status: r.status,
  }))
  return {
    enterprises: byKey(enterprises, (e) => e.uscc),
    qualifications: byKey(qualifications, (q) => q.certificateNumber),
    people: byKey(people, (p) => p.idNumber),
    registrations: byKey(registrations, (r) => r.number),
    projects: byKey(projects, (p) => p.projectCode),
    contractFilings: byKey(contractFilings, (c) => [c.project, c.partyRole, c.party, c.signedOn].join('|')),
    drawingReviews: byKey(drawingReviews, (d) => d.certificateNumber),
    supervisionFilings: byKey(supervisionFilings, (s) => `${s.project}|${s.filedOn}`),
    permits: byKey(permits, (p) => p.permitNumber),
    completionFilings: byKey(completionFilings, (c) => c.filingNumber),
    records: byKey(records, (r) => `${r.decisionNumber}|${r.subject}`),
  }
}

async function exportTo(db: Db, exporter: Parameters<typeof exportData>[1], options: Parameters<typeof exportData>[2] = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-export-'))
  // small pages, so that every kind is read across several keyset pages
  const files = await exportData(db, exporter, { pageSize: 2, ...options }, directorySink(dir), NOW)
  return { dir, files, read: (kind: ImportKindId) => fs.readFileSync(path.join(dir, exportFileName(kind))) }
}

const fileRows = (files: ExportedFile[]) => Object.fromEntries(files.map((f) => [f.kind, f.rows]))

describe.each(providers)('export for re-import on %s', (provider) => {
  let source: TestDatabase
  let target: TestDatabase
  let sourceActors: Awaited<ReturnType<typeof createInstance>>
  let repeated: string
  const dirs: string[] = []

  beforeAll(async () => {
    source = await createTestDatabase(provider)
    target = await createTestDatabase(provider)
    sourceActors = await createInstance(source.db)
    for (const kind of IMPORT_KIND_IDS) await importFile(source.db, sourceActors.officer, kind, fileOf(kind, SOURCE[kind]))
    // what the files cannot carry: a withdrawn record, and a person without an employer
    const withdrawn = await source.db.integrityRecord.findFirstOrThrow({ where: { decisionNumber: '琼建罚〔2025〕7号' } })
    await withdrawRecord(source.db, sourceActors.officer, withdrawn.id, { reason: '经复核，处罚决定已被撤销' }, NOW)
    await source.db.person.create({ data: { name: '赵无业', ...sealIdNumber(makeIdNumber(HAIKOU, '19700101', 9)), gender: '男' } })
    // a second record in force under the same decision and subject (made outside the forms): the files' key holds one
    const { id: _id, createdAt: _createdAt, ...first } = await source.db.integrityRecord.findFirstOrThrow({ where: { decisionNumber: '琼建罚〔2024〕12号' } })
    repeated = (await source.db.integrityRecord.create({ data: { ...first, title: '同一决定中的另一项处罚' } })).id
  }, 240_000)
  afterAll(async () => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
    await source?.drop()
    await target?.drop()
  })

  it('exports every kind, imports the files into an empty database, and the two hold the same rows', async () => {
    const exported = await exportTo(source.db, 'operator')
    dirs.push(exported.dir)
    expect(exported.files.map((f) => f.fileName)).toEqual(IMPORT_KIND_IDS.map(exportFileName))
    expect(fileRows(exported.files)).toEqual({
      enterprises: 6,
      qualifications: 2,
      practitioners: 3,
      registrations: 3,
      projects: 2,
      'contract-filings': 4,
      'drawing-reviews': 2,
      'supervision-filings': 1,
      'construction-permits': 1,
      'completion-filings': 1,
      'integrity-records': 2,
    })
    const skipped = Object.fromEntries(exported.files.filter((f) => Object.keys(f.skipped).length > 0).map((f) => [f.kind, f.skipped]))
    expect(skipped).toEqual({ practitioners: { [SKIP_REASONS.noEmployer]: 1 }, 'integrity-records': { [SKIP_REASONS.withdrawn]: 1, [SKIP_REASONS.repeatedKey]: 1 } })

    const targetActors = await createInstance(target.db)
    for (const kind of IMPORT_KIND_IDS) await importFile(target.db, targetActors.officer, kind, exported.read(kind))

    const [before, after] = [await contents(source.db, [repeated]), await contents(target.db)]
    // the data set is complete: every table holds rows (a comparison of empty tables proves nothing)
    for (const [table, rows] of Object.entries(after)) expect({ table, rows: rows.length > 0 }).toEqual({ table, rows: true })
    expect(after).toEqual(before)
    expect(after.enterprises.find((e) => e.uscc === USCC.design)?.name).toBe(FORMULA_NAME)
    // the imported certificates are the target's own: new serials, signed
    const [sourceCert, targetCert] = await Promise.all([source.db.certificate.findFirstOrThrow({ where: { type: 'CONSTRUCTION_PERMIT' } }), target.db.certificate.findFirstOrThrow({ where: { type: 'CONSTRUCTION_PERMIT' } })])
    expect(targetCert.signature).not.toBeNull()
    expect(targetCert.issuedOn.toISOString().slice(0, 10)).toBe('2026-07-01')
    expect(sourceCert.signature).not.toBeNull()

    // exported again from the target, the files hold the same rows (row order follows each database's ids)
    const again = await exportTo(target.db, 'operator')
    dirs.push(again.dir)
    for (const kind of IMPORT_KIND_IDS) {
      const lines = (bytes: Buffer) => {
        const [head, ...rows] = bytes.toString('utf8').split('\r\n')
        return { head, rows: rows.sort() }
      }
      expect({ kind, ...lines(again.read(kind)) }).toEqual({ kind, ...lines(exported.read(kind)) })
    }
  }, 240_000)

  it('writes UTF-8 with a BOM and CRLF, the template headers, labels of code tables, and guards a formula-like name', async () => {
    const exported = await exportTo(source.db, 'operator', { kinds: ['enterprises', 'integrity-records'] })
    dirs.push(exported.dir)
    expect(exported.files.map((f) => f.kind)).toEqual(['enterprises', 'integrity-records'])
    expect(fs.readdirSync(exported.dir).sort()).toEqual(['01-enterprises.csv', '11-integrity-records.csv'])
    const bytes = exported.read('enterprises')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    // UTF-8 as written (a GBK reading of these bytes would not give back the Chinese)
    expect(Buffer.from(text, 'utf8').equals(bytes.subarray(3))).toBe(true)
    const lines = text.split('\r\n')
    expect(lines.at(-1)).toBe('')
    expect(lines.slice(0, -1).every((l) => !/[\r\n]/.test(l))).toBe(true)
    expect(lines[0]).toBe('统一社会信用代码*,企业名称*,企业类型*,所在地区*,法定代表人*,注册地址*,注册资本（万元）*,成立日期*')
    expect(lines).toContain(`${USCC.design},"'=SUM(1,2)建筑设计有限公司",设计单位,${HAIKOU},王海峰,海口市龙华区滨海大道100号,5000.5,2010-01-01`)
    // the record's description keeps its line break inside one quoted cell, its "=" line guarded only at the cell's start
    const records = exported.read('integrity-records').toString('utf8')
    expect(records).toContain('"2024年6月检查发现施工现场临边防护缺失，""责令整改""。\n=依据')
    expect(records).toContain(",'+海南省优质工程“绿岛杯”奖,")
  })

  it('exports one region: its enterprises and projects, their stages, its practitioners and their records', async () => {
    const exported = await exportTo(source.db, 'operator', { region: SANYA })
    dirs.push(exported.dir)
    expect(fileRows(exported.files)).toEqual({
      enterprises: 2,
      qualifications: 1,
      practitioners: 1,
      registrations: 1,
      projects: 1,
      'contract-filings': 1,
      'drawing-reviews': 1,
      'supervision-filings': 0,
      'construction-permits': 0,
      'completion-filings': 0,
      'integrity-records': 0,
    })
    expect(exported.read('projects').toString('utf8')).toContain(P2)
    expect(exported.read('projects').toString('utf8')).not.toContain(P1)
    // an empty kind is still a file with the header, so a set of files is always complete
    expect(exported.read('construction-permits').toString('utf8').split('\r\n')).toHaveLength(2)
  })

  it('lets an officer export their own regions only, records it in the audit log, and refuses bad options', async () => {
    const { haikouOfficer, reviewer } = sourceActors
    const audit = await source.db.auditLog.count()
    const own = await exportTo(source.db, haikouOfficer)
    dirs.push(own.dir)
    expect(fileRows(own.files)).toMatchObject({ enterprises: 4, projects: 1, practitioners: 2, 'integrity-records': 2 })
    const entry = await source.db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })
    expect(await source.db.auditLog.count()).toBe(audit + 1)
    expect(entry).toMatchObject({ action: 'data.export', userId: haikouOfficer.userId })
    expect(JSON.parse(entry.changes)).toMatchObject({ regions: [HAIKOU], files: expect.arrayContaining([{ kind: 'enterprises', rows: 4, skipped: {} }]) })
    expect(entry.changes).not.toContain(ID.manager)

    await expect(exportTo(source.db, haikouOfficer, { region: SANYA })).rejects.toBeInstanceOf(NotFoundError)
    await expect(exportTo(source.db, reviewer)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(exportTo(source.db, 'operator', { region: '4601' })).rejects.toMatchObject({ fields: { region: expect.any(String) } })
    await expect(exportTo(source.db, 'operator', { region: '110000' })).rejects.toBeInstanceOf(InputError)
    await expect(exportTo(source.db, 'operator', { kinds: ['enterprises', 'buildings' as ImportKindId] })).rejects.toMatchObject({ fields: { kinds: '导入数据类型无效' } })
  })
})
