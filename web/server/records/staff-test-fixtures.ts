// Fixtures of the back office's db tests (enterprises, practitioners, records, objections): two
// cities (海口 460100, 三亚 460200), the province, one out-of-province city; an authority and staff of
// every role; an enterprise and a registered practitioner in each city and one enterprise outside
// the province. Small inserts, no seed, so each test states what it relies on.
import type { Db } from '@db/client'
import type { StaffRole } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import { makeIdNumber } from '@shared/validators/id-number'
import { makeUscc } from '@shared/validators/uscc'
import { sealedIdNumber, sealedPhone } from '@web/server/personal-data/testing/test-key-ring'

export const HAIKOU = '460100'
export const SANYA = '460200'
export const PROVINCE = '460000'
export const BEIJING = '110000'

export interface StaffFixture {
  actors: Record<'haikouOfficer' | 'sanyaOfficer' | 'provinceOfficer' | 'haikouReviewer' | 'provinceReviewer' | 'admin' | 'auditor', Actor>
  haikou: { enterpriseId: string; uscc: string; personId: string; idNumber: string; registrationNumber: string }
  sanya: { enterpriseId: string; uscc: string; personId: string; idNumber: string; registrationNumber: string }
  outside: { enterpriseId: string; uscc: string }
}

export const uscc = (region: string, body: string) => makeUscc('91', region, body)

export async function createStaffFixture(db: Db): Promise<StaffFixture> {
  const regions = [
    { code: PROVINCE, name: '海南省', shortName: '海南', level: 'PROVINCE' as const, parentCode: null, sortOrder: 0 },
    { code: HAIKOU, name: '海口市', shortName: '海口', level: 'CITY' as const, parentCode: PROVINCE, sortOrder: 1 },
    { code: SANYA, name: '三亚市', shortName: '三亚', level: 'CITY' as const, parentCode: PROVINCE, sortOrder: 2 },
    { code: BEIJING, name: '北京市', shortName: '北京', level: 'CITY' as const, parentCode: null, sortOrder: 100 },
  ]
  for (const r of regions) await db.region.create({ data: r })
  const authority = async (regionCode: string, name: string) =>
    (await db.authority.create({ data: { regionCode, name, address: '测试地址', phone: '0898-66666666' } })).id
  const authorities: Record<string, string> = { [PROVINCE]: await authority(PROVINCE, '海南省住房和城乡建设厅'), [HAIKOU]: await authority(HAIKOU, '海口市住房和城乡建设局'), [SANYA]: await authority(SANYA, '三亚市住房和城乡建设局') }

  const actor = async (username: string, role: StaffRole, regionCode: string | null, regions: Actor['regions']): Promise<Actor> => {
    const authorityId = regionCode ? authorities[regionCode] : null
    const user = await db.user.create({ data: { username, displayName: username, passwordHash: 'not-a-hash', role, authorityId } })
    return { userId: user.id, username, displayName: username, role, authorityId, regionCode, regions, clientIp: '203.0.113.7' }
  }
  const actors = {
    haikouOfficer: await actor('hk-officer', 'REGION_OFFICER', HAIKOU, [HAIKOU]),
    sanyaOfficer: await actor('sy-officer', 'REGION_OFFICER', SANYA, [SANYA]),
    provinceOfficer: await actor('hn-officer', 'REGION_OFFICER', PROVINCE, 'ALL'),
    haikouReviewer: await actor('hk-reviewer', 'REVIEWER', HAIKOU, [HAIKOU]),
    provinceReviewer: await actor('hn-reviewer', 'REVIEWER', PROVINCE, 'ALL'),
    admin: await actor('admin', 'PROVINCE_ADMIN', PROVINCE, 'ALL'),
    auditor: await actor('auditor', 'AUDITOR', PROVINCE, 'ALL'),
  }

  const enterprise = async (regionCode: string, body: string, name: string) => {
    const code = uscc(regionCode, body)
    const e = await db.enterprise.create({
      data: {
        uscc: code,
        name,
        type: 'CONTRACTOR',
        regionCode,
        inProvince: regionCode !== BEIJING,
        legalRepresentative: '王建国',
        registeredAddress: '测试路1号',
        registeredCapital: 5000,
        establishedOn: new Date('2010-05-01T00:00:00Z'),
      },
    })
    return { enterpriseId: e.id, uscc: code }
  }
  const person = async (employerId: string, seq: number, registrationNumber: string) => {
    const idNumber = makeIdNumber(HAIKOU, '19850312', seq)
    const p = await db.person.create({ data: { name: `测试人员${seq}`, ...sealedIdNumber(idNumber), gender: '男', phone: sealedPhone('13907561234'), employerId } })
    await db.registration.create({
      data: { personId: p.id, type: 'CONSTRUCTOR_1', number: registrationNumber, specialty: '建筑工程', employerId, issuedOn: new Date('2020-01-01T00:00:00Z'), validUntil: new Date('2029-01-01T00:00:00Z') },
    })
    return { personId: p.id, idNumber, registrationNumber }
  }
  const hk = await enterprise(HAIKOU, 'HK000001', '海口测试建设工程有限公司')
  const sy = await enterprise(SANYA, 'TY000001', '三亚测试建设工程有限公司')
  const outside = await enterprise(BEIJING, 'BJ000001', '北京测试建设集团有限公司')
  return {
    actors,
    haikou: { ...hk, ...(await person(hk.enterpriseId, 101, '琼146202000101')) },
    sanya: { ...sy, ...(await person(sy.enterpriseId, 102, '琼146202000102')) },
    outside,
  }
}

/** Rows of the tables a back-office write touches, to prove a refused call wrote nothing. */
export async function tableCounts(db: Db) {
  return {
    enterprise: await db.enterprise.count(),
    qualification: await db.qualification.count(),
    person: await db.person.count(),
    registration: await db.registration.count(),
    integrityRecord: await db.integrityRecord.count(),
    objection: await db.objection.count(),
    auditLog: await db.auditLog.count(),
    creditGrade: await db.creditGrade.count(),
  }
}
