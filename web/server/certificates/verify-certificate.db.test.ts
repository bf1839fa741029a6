// verifyScannedCode against a real database on every test provider: a hand-built permit with its
// certificate, signed with a key generated here (the real key file is never read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bytesToHex,
  certificateFactsDigest,
  encodeBase64url,
  generateSigningKey,
  publicKeyOf,
  signCertificate,
  type CertificatePublicKey,
  type SignedCertificate,
} from '@shared/certificates'
import { TEST_VECTORS } from '@shared/certificates/test-vectors'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { createCertificatesRepository } from './certificates-repository'
import { verifyScannedCode, type VerifyDependencies } from './verify-certificate'

const providers = await testProviders()

const ORIGIN = 'https://portal.example.gov.cn'
const NOW = new Date('2026-11-24T02:00:00Z')
const KEY_ID = 3
const secretKey = generateSigningKey()
const publicKeys: CertificatePublicKey[] = [{ keyId: KEY_ID, publicKey: publicKeyOf(secretKey), notBefore: '2014-01-01', notAfter: null }]

// Vector 1 of docs/certificate-format.md: the same fields and facts, built as database rows.
const permitVector = TEST_VECTORS[0]
const completionVector = TEST_VECTORS[1]
const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`) // calendar dates are stored as UTC midnight

async function seed(db: TestDatabase['db']): Promise<string> {
  await db.region.create({ data: { code: '460100', name: '海口市', shortName: '海口', level: 'CITY', sortOrder: 1 } })
  const authority = await db.authority.create({
    data: { regionCode: '460100', name: '海口市住房和城乡建设局', address: '海口市长滨路', phone: '0898-68724510' },
  })
  const enterprise = (uscc: string, name: string, type: 'OWNER' | 'CONTRACTOR' | 'SUPERVISOR') =>
    db.enterprise.create({
      data: {
        uscc,
        name,
        type,
        regionCode: '460100',
        inProvince: true,
        legalRepresentative: '王海',
        registeredAddress: '海口市龙华区',
        registeredCapital: '5000',
        establishedOn: utcDay('2010-03-01'),
      },
    })
  const owner = await enterprise(permitVector.fields.holderUscc, '海南滨海示例置业有限公司', 'OWNER')
  const contractor = await enterprise('91460100MA5T000002', '海南示例建设工程有限公司', 'CONTRACTOR')
  const supervisor = await enterprise('91460100MA5T000003', '海南示例工程监理有限公司', 'SUPERVISOR')
  const manager = await db.person.create({
    data: { name: '陈明', idNumber: '460100198001010011', gender: '男', employerId: contractor.id },
  })
  const project = await db.project.create({
    data: {
      projectCode: permitVector.fields.projectCode,
      name: '海口市龙华区滨海花园二期住宅楼工程',
      address: '海南省海口市龙华区滨海大道168号',
      regionCode: '460100',
      category: 'BUILDING',
      floorArea: 45230.56,
      investment: '32000',
      ownerId: owner.id,
      registeredOn: utcDay('2024-03-01'),
    },
  })
  const permit = await db.constructionPermit.create({
    data: {
      projectId: project.id,
      permitNumber: '460100202403150301',
      regionCode: '460100',
      authorityId: authority.id,
      issuedOn: utcDay('2024-03-15'),
      scale: '地上18层 地下2层',
      floorArea: 45230.56,
      contractPrice: '18650.50',
      plannedStartOn: utcDay('2024-04-01'),
      plannedEndOn: utcDay('2026-03-31'),
      contractorId: contractor.id,
      supervisorId: supervisor.id,
      projectManagerId: manager.id,
    },
  })
  await db.certificate.create({
    data: {
      type: 'CONSTRUCTION_PERMIT',
      serial: permitVector.fields.serial,
      permitId: permit.id,
      projectCode: permitVector.fields.projectCode,
      holderUscc: permitVector.fields.holderUscc,
      issuedOn: utcDay(permitVector.fields.issuedOn),
    },
  })
  return project.id
}

describe.each(providers)('verifyScannedCode on %s', (provider) => {
  let testDb: TestDatabase
  let deps: VerifyDependencies
  let projectId: string
  let signed: SignedCertificate

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    projectId = await seed(testDb.db)
    const repository = createCertificatesRepository(testDb.db)
    deps = { publicKeys, origin: ORIGIN, findCertificateBySerial: repository.findCertificateBySerial }
    // Sign from what the database holds, as the issuing code will, and store key id and signature.
    const record = await repository.findCertificateBySerial(permitVector.fields.serial)
    expect(record?.facts).not.toBeNull()
    const factsDigest = certificateFactsDigest(record!.facts!)
    expect(bytesToHex(factsDigest)).toBe(bytesToHex(certificateFactsDigest(permitVector.facts))) // the rows are vector 1
    signed = signCertificate({ ...permitVector.fields, factsDigest }, secretKey, KEY_ID)
    await testDb.db.certificate.update({
      where: { serial: permitVector.fields.serial },
      data: { keyId: String(KEY_ID), signature: encodeBase64url(signed.signature) },
    })
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('answers genuine and VALID for the printed code, as URL and as bare payload', async () => {
    const answer = await verifyScannedCode(signed.url(ORIGIN), NOW, deps)
    expect(answer).toEqual({
      valid: true,
      genuine: true,
      status: 'VALID',
      message: expect.stringContaining('真实有效'),
      certificate: {
        type: 'CONSTRUCTION_PERMIT',
        serial: 'P20244601000001236',
        projectCode: '46010020240300017',
        projectName: '海口市龙华区滨海花园二期住宅楼工程',
        holderUscc: '91460100MA5T0K3D2F',
        holderName: '海南滨海示例置业有限公司',
        issuedOn: '2024-03-15',
        statusChangedAt: null,
        statusReason: null,
        documentNumber: '460100202403150301',
        contractorName: '海南示例建设工程有限公司',
        supervisorName: '海南示例工程监理有限公司',
      },
    })
    expect((await verifyScannedCode(signed.payload, NOW, deps)).status).toBe('VALID')
  })

  it('says not genuine for a tampered code, a foreign host and garbage', async () => {
    const chars = signed.payload.split('')
    chars[100] = chars[100] === 'A' ? 'B' : 'A'
    const tampered = await verifyScannedCode(`${ORIGIN}/v/${chars.join('')}`, NOW, deps)
    expect(tampered).toMatchObject({ valid: false, genuine: false, status: 'UNKNOWN', reason: 'BAD_SIGNATURE' })
    expect(tampered.certificate).toBeUndefined()
    expect(await verifyScannedCode(signed.url('https://portal.example.gov.cn.evil.com'), NOW, deps)).toMatchObject({
      valid: false,
      genuine: false,
      status: 'UNKNOWN',
      reason: 'FOREIGN_HOST',
      message: expect.stringContaining('不是官方证书二维码'),
    })
    expect(await verifyScannedCode('微信号 hello', NOW, deps)).toMatchObject({ valid: false, genuine: false, status: 'UNKNOWN', reason: 'NOT_A_URL' })
    expect(await verifyScannedCode('hello', NOW, deps)).toMatchObject({ valid: false, genuine: false, status: 'UNKNOWN', reason: 'MALFORMED' })
    expect(await verifyScannedCode(signed.url(ORIGIN), NOW, { ...deps, publicKeys: [] })).toMatchObject({ valid: false, genuine: false, reason: 'UNKNOWN_KEY' })
  })

  it('treats a validly signed code for a serial never issued as not genuine (leaked key)', async () => {
    const forged = signCertificate(
      { ...completionVector.fields, factsDigest: certificateFactsDigest(completionVector.facts) },
      secretKey,
      KEY_ID,
    )
    expect(await verifyScannedCode(forged.url(ORIGIN), NOW, deps)).toEqual({
      valid: false,
      genuine: false,
      status: 'UNKNOWN',
      reason: 'NOT_ISSUED',
      message: expect.stringContaining('泄露'),
    })
  })

  it('refuses a genuine code that is not the one stored for the certificate', async () => {
    const other = signCertificate({ ...permitVector.fields, factsDigest: new Uint8Array(16) }, secretKey, KEY_ID)
    expect(await verifyScannedCode(other.url(ORIGIN), NOW, deps)).toMatchObject({ valid: false, genuine: false, reason: 'SUPERSEDED_CODE' })
  })

  it('answers REVOKED with the reason once the row is revoked', async () => {
    await testDb.db.certificate.update({
      where: { serial: permitVector.fields.serial },
      data: { status: 'REVOKED', statusChangedAt: utcDay('2026-10-08'), statusReason: '以欺骗手段取得施工许可' },
    })
    const answer = await verifyScannedCode(signed.url(ORIGIN), NOW, deps)
    expect(answer).toMatchObject({
      valid: false,
      genuine: true,
      status: 'REVOKED',
      reason: 'REVOKED',
      message: expect.stringContaining('以欺骗手段取得施工许可'),
      certificate: { statusChangedAt: '2026-10-08', statusReason: '以欺骗手段取得施工许可' },
    })
  })

  it('answers FACTS_CHANGED when a signed fact was edited after signing', async () => {
    await testDb.db.project.update({ where: { id: projectId }, data: { name: '海口市龙华区滨海花园三期住宅楼工程' } })
    expect(await verifyScannedCode(signed.url(ORIGIN), NOW, deps)).toMatchObject({
      valid: false,
      genuine: false,
      reason: 'FACTS_CHANGED',
      message: expect.stringContaining('不一致'),
      certificate: { projectName: '海口市龙华区滨海花园三期住宅楼工程' },
    })
  })
})
