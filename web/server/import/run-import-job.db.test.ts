// The import from upload to commit on both databases, with the real file reader and the real
// enterprise handler: a GBK CSV as Chinese Excel saves it, dry run (nothing written), commit (all
// rows, their audit entries and the import's own), re-import (nothing changes), a file with one bad
// row (nothing written, every problem listed, no commit), a file refused as a whole, a commit that
// finds rows refused that the dry run accepted, a job whose runner died, and who may see a job.
import iconv from 'iconv-lite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { importEnterprises } from '@web/server/enterprises/import-enterprises'
import { ConflictError, ForbiddenError, NotFoundError } from '@web/server/lib/errors'
import { createStaffFixture, uscc, HAIKOU, SANYA, type StaffFixture } from '@web/server/records/staff-test-fixtures'
import { getImportJob } from './get-import-job'
import { createImportEngine } from './import-engine'
import { createImportJobsRepository } from './import-jobs-repository'
import { listImportJobs } from './list-import-jobs'
import { requestImportCommit } from './request-import-commit'
import { runImportJob, runPendingImportJobs } from './run-import-job'
import { uploadImportFile } from './upload-import-file'

const providers = await testProviders()
const NOW = new Date('2026-06-15T02:00:00Z')
const engine = createImportEngine({ keyRing: () => { throw new Error('no signing in this test') } }, { enterprises: importEnterprises })
const HEADERS = IMPORT_KINDS.enterprises.columns.map((c) => c.header)

function csvLines(rows: string[][]): string {
  return [HEADERS, ...rows].map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n'
}

/** A row as a user types it in the template's column order. */
function row(code: string, name: string, region = '海口市', capital = '1,200'): string[] {
  return [code, name, '施工单位', region, '李明', '海南省海口市美兰区海府路1号', capital, '2012年3月5日']
}

async function* body(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  // in two pieces, as a network upload arrives
  const half = Math.floor(bytes.byteLength / 2)
  yield bytes.subarray(0, half)
  yield bytes.subarray(half)
}

describe.each(providers)('bulk import of enterprises on %s', (provider) => {
  let t: TestDatabase
  let f: StaffFixture
  const codes = [uscc(HAIKOU, 'MP000001'), uscc(HAIKOU, 'MP000002'), uscc(HAIKOU, 'MP000003')]
  const gbkFile = () => iconv.encode(csvLines([row(codes[0], '海口导入建设有限公司'), row(codes[1], '海口导入（集团）工程有限公司'), row(codes[2], '海口导入市政有限公司')]), 'gb18030')

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    f = await createStaffFixture(t.db)
  })
  afterAll(async () => {
    await t?.drop()
  })
  beforeEach(async () => {
    // each test starts with no job waiting
    await t.db.importJob.deleteMany({})
  })

  const upload = (bytes: Uint8Array, fileName = '企业.csv', actor = f.actors.haikouOfficer) =>
    uploadImportFile(t.db, actor, engine, { kind: 'enterprises', fileName, body: body(bytes) }, { maxBytes: 1024 * 1024 }, NOW)
  const run = () => runPendingImportJobs(t.db, engine, { now: () => NOW, batchSize: 2 })
  const counts = async () => ({ enterprises: await t.db.enterprise.count(), audit: await t.db.auditLog.count() })

  it('dry-runs a GBK file without writing, then commits every row with its audit entries, all or nothing', async () => {
    const before = await counts()
    const uploaded = await upload(gbkFile())
    expect(uploaded.status).toBe('UPLOADED')
    expect(uploaded.fileSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(await run()).toBe(1)
    let view = await getImportJob(t.db, f.actors.haikouOfficer, uploaded.id)
    expect(view.job).toMatchObject({ status: 'VALID', rowsTotal: 3, toCreate: 3, toChange: 0, unchanged: 0, problemCount: 0 })
    expect(await counts()).toEqual(before)

    await requestImportCommit(t.db, f.actors.haikouOfficer, engine, uploaded.id, NOW)
    await expect(requestImportCommit(t.db, f.actors.haikouOfficer, engine, uploaded.id, NOW)).rejects.toBeInstanceOf(ConflictError)
    expect(await run()).toBe(1)
    view = await getImportJob(t.db, f.actors.haikouOfficer, uploaded.id)
    expect(view.job).toMatchObject({ status: 'COMMITTED', rowsWritten: 3, toCreate: 3 })
    const stored = await t.db.enterprise.findMany({ where: { uscc: { in: codes } }, orderBy: { uscc: 'asc' } })
    expect(stored.map((e) => e.name)).toEqual(['海口导入建设有限公司', '海口导入（集团）工程有限公司', '海口导入市政有限公司'])
    expect(stored.every((e) => e.regionCode === HAIKOU && e.establishedOn.toISOString().startsWith('2012-03-05'))).toBe(true)
    const entries = await t.db.auditLog.findMany({ orderBy: { seq: 'asc' }, skip: before.audit })
    expect(entries.map((e) => e.action)).toEqual(['enterprise.create', 'enterprise.create', 'enterprise.create', 'import.commit'])
    const summary = JSON.parse(entries[3].changes)
    expect(summary).toMatchObject({ kind: 'enterprises', fileName: '企业.csv', fileSha256: uploaded.fileSha256, rows: 3, created: 3, changed: 0, unchanged: 0 })
    expect(entries[3].userId).toBe(f.actors.haikouOfficer.userId)
    expect(await verifyAuditChain(t.db)).toBeNull()
  })

  it('re-importing the same file changes nothing', async () => {
    const job = await upload(gbkFile())
    await run()
    await requestImportCommit(t.db, f.actors.haikouOfficer, engine, job.id, NOW)
    const before = await counts()
    await run()
    const view = await getImportJob(t.db, f.actors.haikouOfficer, job.id)
    expect(view.job).toMatchObject({ status: 'COMMITTED', toCreate: 0, toChange: 0, unchanged: 3 })
    // only the import's own entry
    expect(await counts()).toEqual({ enterprises: before.enterprises, audit: before.audit + 1 })
  })

  it('a file with bad rows writes nothing, lists every problem and cannot be committed', async () => {
    const before = await counts()
    const bad = new TextEncoder().encode(
      '\uFEFF' +
        csvLines([
          row(uscc(HAIKOU, 'MP000010'), '海口新建设有限公司'),
          row('91460100MA5T000000', '校验码错误有限公司'),
          row(uscc(SANYA, 'MP000011'), '三亚某某有限公司', '三亚市'),
          row(uscc(HAIKOU, 'MP000012'), '日期错误有限公司', '海口市', '1,200').map((v, i) => (i === 7 ? '3/5/2012' : v)),
        ]),
    )
    const job = await upload(bad)
    await run()
    const view = await getImportJob(t.db, f.actors.haikouOfficer, job.id)
    expect(view.job).toMatchObject({ status: 'INVALID', rowsTotal: 4, toCreate: 1 })
    expect(view.job.problemCount).toBe(3)
    expect(view.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '统一社会信用代码'],
      [4, '所在地区'],
      [5, '成立日期'],
    ])
    expect(view.problems[0].value).toBe('91460100MA5T000000')
    expect(view.problems.every((p) => p.reason.length > 0)).toBe(true)
    expect(await counts()).toEqual(before)
    await expect(requestImportCommit(t.db, f.actors.haikouOfficer, engine, job.id, NOW)).rejects.toBeInstanceOf(ConflictError)
  })

  it('refuses the second row of an entity the file already names', async () => {
    const code = uscc(HAIKOU, 'MP000060')
    const job = await upload(new TextEncoder().encode(csvLines([row(code, '重复一有限公司'), row(uscc(HAIKOU, 'MP000061'), '不重复有限公司'), row(code, '重复二有限公司')])))
    await run()
    const view = await getImportJob(t.db, f.actors.haikouOfficer, job.id)
    expect(view.job).toMatchObject({ status: 'INVALID', problemCount: 1 })
    expect(view.problems).toEqual([{ row: 4, column: '统一社会信用代码', value: code, reason: expect.stringContaining('与第2行重复') }])
  })

  it('refuses a file with an unknown column as a whole, naming it', async () => {
    const text = csvLines([row(uscc(HAIKOU, 'MP000020'), '表头错误有限公司')]).replace('法定代表人', '法人代表')
    const job = await upload(new TextEncoder().encode(text))
    await run()
    const view = await getImportJob(t.db, f.actors.haikouOfficer, job.id)
    expect(view.job.status).toBe('INVALID')
    expect(view.job.error).toMatch(/法人代表/)
  })

  it('a commit that now finds a row refused writes nothing and lists it', async () => {
    const code = uscc(HAIKOU, 'MP000030')
    const job = await upload(new TextEncoder().encode(csvLines([row(uscc(HAIKOU, 'MP000031'), '先导入有限公司'), row(code, '后冲突有限公司')])))
    await run()
    expect((await getImportJob(t.db, f.actors.haikouOfficer, job.id)).job.status).toBe('VALID')
    // meanwhile 三亚 registers an enterprise under that USCC: the 海口 officer may no longer change it
    await t.db.enterprise.create({
      data: { uscc: code, name: '三亚抢先有限公司', type: 'CONTRACTOR', regionCode: SANYA, inProvince: true, legalRepresentative: '赵', registeredAddress: '三亚', registeredCapital: 1, establishedOn: new Date('2011-01-01T00:00:00Z') },
    })
    await requestImportCommit(t.db, f.actors.haikouOfficer, engine, job.id, NOW)
    const before = await counts()
    await run()
    const view = await getImportJob(t.db, f.actors.haikouOfficer, job.id)
    expect(view.job.status).toBe('INVALID')
    expect(view.job.error).toMatch(/未写入任何数据/)
    expect(view.problems.map((p) => p.row)).toEqual([3])
    expect(await counts()).toEqual(before)
    expect(await t.db.enterprise.count({ where: { uscc: uscc(HAIKOU, 'MP000031') } })).toBe(0)
  })

  it('claims again a job whose runner stopped beating, and never one that is running', async () => {
    const job = await upload(new TextEncoder().encode(csvLines([row(uscc(HAIKOU, 'MP000040'), '重启后导入有限公司')])))
    const jobs = createImportJobsRepository(t.db)
    // a runner claims it, then dies without a word
    const claimed = await jobs.claimNext(NOW, new Date(NOW.getTime() - 120_000))
    expect(claimed?.id).toBe(job.id)
    expect(await jobs.claimNext(new Date(NOW.getTime() + 60_000), new Date(NOW.getTime() - 60_000))).toBeNull()
    const later = new Date(NOW.getTime() + 10 * 60_000)
    const again = await jobs.claimNext(later, new Date(later.getTime() - 120_000))
    expect(again?.id).toBe(job.id)
    expect(await runImportJob(t.db, again!, engine, { now: () => later })).toBe('VALID')
  })

  it('a job is seen by its authority only; an auditor may not import', async () => {
    const job = await upload(new TextEncoder().encode(csvLines([row(uscc(HAIKOU, 'MP000050'), '可见性有限公司')])))
    expect((await listImportJobs(t.db, f.actors.haikouOfficer)).map((j) => j.id)).toContain(job.id)
    expect((await listImportJobs(t.db, f.actors.provinceOfficer)).map((j) => j.id)).toContain(job.id)
    expect((await listImportJobs(t.db, f.actors.sanyaOfficer)).map((j) => j.id)).not.toContain(job.id)
    await expect(getImportJob(t.db, f.actors.sanyaOfficer, job.id)).rejects.toBeInstanceOf(NotFoundError)
    await expect(requestImportCommit(t.db, f.actors.sanyaOfficer, engine, job.id, NOW)).rejects.toBeInstanceOf(NotFoundError)
    await expect(upload(gbkFile(), '企业.csv', f.actors.auditor)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(upload(gbkFile(), '企业.csv', f.actors.haikouReviewer)).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('refuses an upload over the size limit while it streams, and a legacy .xls by its name', async () => {
    const jobsBefore = await t.db.importJob.count()
    await expect(uploadImportFile(t.db, f.actors.haikouOfficer, engine, { kind: 'enterprises', fileName: 'big.csv', body: body(new Uint8Array(4096)) }, { maxBytes: 1000 }, NOW)).rejects.toMatchObject({
      name: 'ImportFileTooLargeError',
    })
    await expect(upload(gbkFile(), '企业.xls')).rejects.toMatchObject({ fields: { file: expect.stringMatching(/xlsx/) } })
    expect(await t.db.importJob.count()).toBe(jobsBefore)
  })
})
