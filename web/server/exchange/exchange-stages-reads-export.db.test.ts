// The exchange API beyond subject writes, on both databases, through the route wrapper as the
// portal runs it over a test database: a project and its five stages written by batch (each accepted
// item answered with its entity's id, the permit and the completion filing signed), a token of 三亚
// refused for 海口's project and reads, a read-only token refused for writes; the reads of a project
// (stages and states), an enterprise and a practitioner (by registration number or id, the ID number
// masked) scoped to the token's region with 404 outside it; the ministry export streamed as JSON
// Lines (ending with its cursor) and CSV, limited to the token's regions, incremental by cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { createDemoKeyFile, parseKeyFile } from '@shared/certificates/key-file'
import type { ApiTokenScope } from '@shared/staff-forms/api-tokens'
import { exchangeBatchHandler } from '@web/lib/exchange/exchange-batch-route'
import { exchangeMinistryExportHandler } from '@web/lib/exchange/exchange-ministry-export-route'
import { exchangeEnterpriseHandler, exchangePractitionerHandler, exchangeProjectHandler } from '@web/lib/exchange/exchange-read-routes'
import { createExchangeRoute, type ExchangeHandler } from '@web/lib/exchange/exchange-route'
import { exchangeErrorSchema } from '@web/lib/exchange/exchange-error-schema'
import { authenticateApiToken } from '@web/server/api-tokens/authenticate-api-token'
import { createApiToken } from '@web/server/api-tokens/create-api-token'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { importHandlers } from '@web/server/import/import-engine'
import { createProjectWorld, HAIKOU, USCC, type ProjectWorld } from '@web/server/projects/testing/fixtures'
import { EXCHANGE_BATCH_SCOPES, type ExchangeBatchKind } from './exchange-kinds'
import { exchangeEnterpriseSchema, exchangePractitionerSchema, exchangeProjectSchema } from './exchange-read-schemas'
import { exchangeBatchAnswerSchema } from './exchange-schemas'

const providers = await testProviders()
const RING = parseKeyFile(createDemoKeyFile('2020-01-01'))
/** 2026-07-01 in China */
const NOW = new Date('2026-07-01T03:00:00Z')
const CODE = '46010020240300071'
const PERMIT = '46010020260610' + '01' + '01'
const FILING = 'JB46010020260620' + '01' + '01'

describe.each(providers)('exchange stages, reads and ministry export on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let w: ProjectWorld
  const tokens: Record<'haikou' | 'sanya' | 'readOnly' | 'province', string> = { haikou: '', sanya: '', readOnly: '', province: '' }
  let managerNumber = ''
  let chiefNumber = ''
  const route = createExchangeRoute({ db: () => db, authenticate: authenticateApiToken, clientIp: () => '198.51.100.30', now: () => NOW })
  const handlers = importHandlers({ keyRing: () => RING })

  let keyCount = 0
  const post = async (kind: ExchangeBatchKind, items: unknown[], token = tokens.haikou) => {
    const request = new Request(`http://localhost/api/exchange/v1/${kind}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `k-${++keyCount}` },
      body: JSON.stringify({ items }),
    })
    return route(EXCHANGE_BATCH_SCOPES[kind], exchangeBatchHandler(kind, handlers))(request)
  }
  const get = (path: string, handler: ExchangeHandler, token: string, params: Record<string, string> = {}) =>
    route<Record<string, string>>('read', handler)(new Request(`http://localhost/api/exchange/v1/${path}`, { headers: { Authorization: `Bearer ${token}` } }), {
      params: Promise.resolve(params),
    })
  const accepted = async (response: Response) => {
    expect(response.status).toBe(200)
    const answer = exchangeBatchAnswerSchema.parse(await response.json())
    expect(answer.items.map((i) => i.status), JSON.stringify(answer)).toEqual(answer.items.map(() => 'created'))
    return answer.items.map((i) => ('id' in i ? i.id : ''))
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    w = await createProjectWorld(db)
    const token = async (authorityId: string, scopes: ApiTokenScope[]) =>
      (await createApiToken(db, w.actors.admin, { name: `令牌${scopes.join('')}`, authorityId, scopes, expiresOn: '2027-06-30' }, NOW)).token
    tokens.haikou = await token(w.authorities.haikou, ['write-stages', 'read'])
    tokens.sanya = await token(w.authorities.sanya, ['write-stages', 'write-subjects', 'read'])
    tokens.readOnly = await token(w.authorities.haikou, ['read'])
    tokens.province = await token(w.authorities.province, ['read'])
    managerNumber = (await db.registration.findFirstOrThrow({ where: { personId: w.people.manager } })).number
    chiefNumber = (await db.registration.findFirstOrThrow({ where: { personId: w.people.chief } })).number
  })
  afterAll(async () => t?.drop())

  it('writes a project and its five stages, answering each item with its id; permits and filings signed', async () => {
    const [projectId] = await accepted(
      await post('projects', [
        { projectCode: CODE, name: '海口市龙华区滨海花园二期住宅工程', address: '海口市龙华区滨海大道与金贸路交叉口东北侧', regionCode: HAIKOU, category: '房屋建筑工程', floorArea: 86500.5, investment: '32000', ownerUscc: USCC.owner },
      ]),
    )
    expect(projectId).toBe((await db.project.findUniqueOrThrow({ where: { projectCode: CODE } })).id)

    const contract = (partyRole: string, partyUscc: string, contractPrice: string) => ({ projectCode: CODE, partyRole, partyUscc, contractPrice, signedOn: '2026-04-20', filedOn: '2026-04-22' })
    const contractIds = await accepted(
      await post('contract-filings', [contract('设计', USCC.design, '120.5'), contract('施工', USCC.contractor, '8800'), contract('监理', USCC.supervisor, '150')]),
    )
    expect(contractIds.sort()).toEqual((await db.contractFiling.findMany({ where: { projectId }, select: { id: true } })).map((c) => c.id).sort())
    const [reviewId] = await accepted(
      await post('drawing-reviews', [{ projectCode: CODE, certificateNumber: 'SC20240371', reviewAgency: '海南省建设工程施工图审查中心', result: '合格', issueCount: 12, passedOn: '2026-04-25' }]),
    )
    expect(reviewId).toBe((await db.drawingReview.findUniqueOrThrow({ where: { certificateNumber: 'SC20240371' } })).id)
    await accepted(await post('supervision-filings', [{ projectCode: CODE, supervisionStation: '海口市建设工程质量安全监督站', filedOn: '2026-05-06' }]))

    // 三亚's token cannot write a stage of 海口's project: refused with the handler's message, nothing written
    const before = await db.constructionPermit.count()
    const refused = await post(
      'construction-permits',
      [{ permitNumber: PERMIT, issuedOn: '2026-06-10', projectCode: CODE, scale: '地上18层', floorArea: '32000', contractPrice: '8800', plannedStartOn: '2026-06-15', plannedEndOn: '2028-06-30', contractorUscc: USCC.contractor, supervisorUscc: USCC.supervisor, projectManagerRegistrationNumber: managerNumber, chiefSupervisorRegistrationNumber: chiefNumber }],
      tokens.sanya,
    )
    const refusedAnswer = exchangeBatchAnswerSchema.parse(await refused.json())
    expect(refusedAnswer.items[0].status).toBe('refused')
    expect(await db.constructionPermit.count()).toBe(before)
    // a token without write-stages is refused as a whole
    const forbidden = await post('projects', [{ projectCode: CODE }], tokens.readOnly)
    expect(forbidden.status).toBe(403)
    expect(exchangeErrorSchema.parse(await forbidden.json()).error.code).toBe('forbidden')

    const [permitId] = await accepted(
      await post('construction-permits', [
        { permitNumber: PERMIT, issuedOn: '2026-06-10', projectCode: CODE, scale: '地上18层', floorArea: '32000', contractPrice: '8800', plannedStartOn: '2026-06-15', plannedEndOn: '2028-06-30', contractorUscc: USCC.contractor, supervisorUscc: USCC.supervisor, projectManagerRegistrationNumber: managerNumber, chiefSupervisorRegistrationNumber: chiefNumber },
      ]),
    )
    const permit = await db.constructionPermit.findUniqueOrThrow({ where: { permitNumber: PERMIT }, select: { id: true, certificate: { select: { status: true, signature: true } } } })
    expect(permitId).toBe(permit.id)
    expect(permit.certificate).toMatchObject({ status: 'VALID', signature: expect.any(String) })
    const [filingId] = await accepted(await post('completion-filings', [{ filingNumber: FILING, filedOn: '2026-06-20', projectCode: CODE, acceptedOn: '2026-06-18', actualCost: '9100', actualArea: '32100' }]))
    expect(filingId).toBe((await db.completionFiling.findUniqueOrThrow({ where: { filingNumber: FILING } })).id)
    expect(await verifyAuditChain(db)).toBeNull()
  })

  it('reads the project with its stages and states in its region only', async () => {
    const ok = await get(`projects/${CODE}`, exchangeProjectHandler, tokens.haikou, { projectCode: CODE })
    expect(ok.status).toBe(200)
    const project = exchangeProjectSchema.parse(await ok.json())
    expect(project.regionCode).toBe(HAIKOU)
    expect(project.stages.contractFilings).toHaveLength(3)
    expect(project.stages.constructionPermits[0]).toMatchObject({ permitNumber: PERMIT, status: 'ACTIVE', certificate: { status: 'VALID' } })
    expect(project.stages.completionFilings[0]).toMatchObject({ filingNumber: FILING, status: 'ACTIVE' })
    expect((await get(`projects/${CODE}`, exchangeProjectHandler, tokens.province, { projectCode: CODE })).status).toBe(200)

    for (const [token, code] of [
      [tokens.sanya, CODE],
      [tokens.haikou, '46010020240300099'],
    ]) {
      const missing = await get(`projects/${code}`, exchangeProjectHandler, token, { projectCode: code })
      expect(missing.status).toBe(404)
      expect(exchangeErrorSchema.parse(await missing.json()).error.code).toBe('not_found')
    }
    const bad = await get('projects/abc', exchangeProjectHandler, tokens.haikou, { projectCode: 'abc' })
    expect(bad.status).toBe(400)
    expect(exchangeErrorSchema.parse(await bad.json()).error.issues?.[0].field).toBe('projectCode')
  })

  it('reads enterprises and practitioners in the region only, the ID number masked', async () => {
    const enterprise = await get(`enterprises/${USCC.contractor}`, exchangeEnterpriseHandler, tokens.haikou, { uscc: USCC.contractor })
    expect(enterprise.status).toBe(200)
    expect(exchangeEnterpriseSchema.parse(await enterprise.json()).uscc).toBe(USCC.contractor)
    expect((await get(`enterprises/${USCC.contractor}`, exchangeEnterpriseHandler, tokens.sanya, { uscc: USCC.contractor })).status).toBe(404)
    expect((await get(`enterprises/${USCC.otherContractor}`, exchangeEnterpriseHandler, tokens.sanya, { uscc: USCC.otherContractor })).status).toBe(200)
    expect((await get('enterprises/123', exchangeEnterpriseHandler, tokens.haikou, { uscc: '123' })).status).toBe(400)

    const byNumber = await get(`practitioners/${encodeURIComponent(managerNumber)}`, exchangePractitionerHandler, tokens.haikou, { practitioner: managerNumber })
    expect(byNumber.status).toBe(200)
    const text = await byNumber.text()
    const person = exchangePractitionerSchema.parse(JSON.parse(text))
    expect(person.id).toBe(w.people.manager)
    expect(person.registrations.map((r) => r.number)).toContain(managerNumber)
    // the full ID number appears nowhere in the answer
    expect(text).not.toMatch(/\d{17}[\dX]/)
    expect((await get(`practitioners/${w.people.manager}`, exchangePractitionerHandler, tokens.haikou, { practitioner: w.people.manager })).status).toBe(200)
    expect((await get(`practitioners/${w.people.manager}`, exchangePractitionerHandler, tokens.sanya, { practitioner: w.people.manager })).status).toBe(404)
    expect((await get('practitioners/x', exchangePractitionerHandler, tokens.sanya, { practitioner: 'x' })).status).toBe(400)
  })

  const exportOf = (token: string, query: string) => get(`ministry-export?${query}`, exchangeMinistryExportHandler, token)
  const jsonl = async (response: Response) => {
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/jsonl/)
    const lines = (await response.text()).trimEnd().split('\n').map((l) => JSON.parse(l))
    const end = lines.pop()
    expect(end.end.nextCursor).toBe(response.headers.get('export-next-cursor'))
    return { rows: lines as { table: string; row: Record<string, unknown> }[], end: end.end }
  }

  it('streams the ministry export limited to the token’s regions, and increments by cursor', async () => {
    const haikou = await jsonl(await exportOf(tokens.haikou, ''))
    const projectRows = haikou.rows.filter((l) => l.table === 'TBProjectInfo')
    expect(projectRows.map((l) => Object.values(l.row)).flat()).toContain(CODE)
    expect(haikou.end.rows).toMatchObject({ TBProjectInfo: 1, TBContractRecordManage: 3, TBProjectCensorInfo: 1, TBBuilderLicenceManage: 1, TBProjectFinishManage: 1 })
    expect(haikou.end.rows.TBCorpBasicInfo).toBe(5)

    const sanya = await jsonl(await exportOf(tokens.sanya, ''))
    expect(sanya.rows.filter((l) => l.table === 'TBProjectInfo')).toEqual([])
    expect(sanya.end.rows.TBCorpBasicInfo).toBe(1)
    const province = await jsonl(await exportOf(tokens.province, ''))
    expect(province.end.rows.TBCorpBasicInfo).toBe(6)

    // nothing changed since: the increment is empty; a new stage change comes out next time
    const empty = await jsonl(await exportOf(tokens.haikou, `cursor=${haikou.end.nextCursor}`))
    expect(empty.rows).toEqual([])
    await accepted(await post('drawing-reviews', [{ projectCode: CODE, certificateNumber: 'SC20240372', reviewAgency: '海南省建设工程施工图审查中心', result: '合格', issueCount: 3, passedOn: '2026-04-26' }]))
    const next = await jsonl(await exportOf(tokens.haikou, `cursor=${haikou.end.nextCursor}`))
    expect(next.rows.map((l) => l.table)).toEqual(['TBProjectCensorInfo'])
    expect((await jsonl(await exportOf(tokens.sanya, `cursor=${haikou.end.nextCursor}`))).rows).toEqual([])

    const csv = await exportOf(tokens.haikou, 'format=csv&table=TBProjectInfo')
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const csvBytes = new Uint8Array(await csv.arrayBuffer())
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csvText = new TextDecoder().decode(csvBytes)
    expect(csvText.trimEnd().split('\n')).toHaveLength(2)

    for (const query of ['format=csv', 'cursor=nonsense', 'since=yesterday', 'bogus=1', `since=2026-01-01&cursor=${haikou.end.nextCursor}`]) {
      const bad = await exportOf(tokens.haikou, query)
      expect(bad.status, query).toBe(400)
      expect(exchangeErrorSchema.parse(await bad.json()).error.issues?.length, query).toBeGreaterThan(0)
    }
    // each export is audited as the token's service account
    expect(await db.auditLog.count({ where: { action: 'exchange.ministry-export' } })).toBeGreaterThanOrEqual(7)
  })
})
