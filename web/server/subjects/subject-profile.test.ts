import { describe, expect, it } from 'vitest'
import { chinaToday, countsByRole, isExpired, recordCategoryLabel, toCreditGrade, toProjectRoleItem, toRecordItem } from './subject-profile'

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

describe('chinaToday', () => {
  it('reads the instant in Beijing time', () => {
    expect(chinaToday(new Date('2026-06-30T15:59:59Z'))).toBe('2026-06-30')
    expect(chinaToday(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01')
  })
})

describe('isExpired', () => {
  it('counts the last valid day as valid', () => {
    expect(isExpired('2026-06-30', '2026-06-30')).toBe(false)
    expect(isExpired('2026-06-29', '2026-06-30')).toBe(true)
    expect(isExpired('2031-01-01', '2026-06-30')).toBe(false)
  })
})

describe('recordCategoryLabel', () => {
  it.each([
    ['BAD.PENALTY.SERIOUS', '较重行政处罚'],
    ['BAD.ACCIDENT.MAJOR', '重大及以上质量安全事故'],
    ['BAD.ACCIDENT.LARGER', '较大质量安全事故'],
    ['GOOD.AWARD.NATIONAL', '国家级工程质量奖'],
    ['GOOD.COMMENDATION.CITY', '市县表彰'],
    ['BAD.CONTRACT.ILLEGAL_SUBCONTRACT', '违法分包'],
    ['BAD.CONTRACT.TRANSFER_OR_LEND', '转包、出借资质'],
    ['OTHER.THING', 'OTHER.THING'],
  ])('%s → %s (the scoring standard’s label)', (code, label) => {
    expect(recordCategoryLabel(code)).toBe(label)
  })
})

describe('toRecordItem', () => {
  const row = {
    id: 'r1',
    kind: 'BAD' as const,
    categoryCode: 'BAD.PENALTY.MINOR',
    title: '未按规定实施旁站监理',
    description: '……',
    decisionNumber: '琼建罚〔2026〕3号',
    issuedBy: '海南省住房和城乡建设厅',
    decidedOn: day('2026-03-11'),
    publishFrom: day('2026-03-11'),
    publishUntil: day('2026-09-11'),
    status: 'ACTIVE' as const,
    points: -2,
    project: null,
  }
  it('publishes calendar dates, the last public day and whether the record is public', () => {
    expect(toRecordItem(row, '2026-09-10')).toMatchObject({
      decidedOn: '2026-03-11',
      publishFrom: '2026-03-11',
      lastPublicDay: '2026-09-10',
      categoryLabel: '一般行政处罚',
      publication: 'PUBLIC',
      isPublic: true,
    })
    expect(toRecordItem(row, '2026-09-11')).toMatchObject({ publication: 'ENDED', isPublic: false })
  })
  it('does not pass on unknown columns', () => {
    expect(Object.keys(toRecordItem({ ...row, secret: 'x' } as typeof row, '2026-01-01'))).not.toContain('secret')
  })
})

describe('toCreditGrade', () => {
  it('is null without a stored grade', () => {
    expect(toCreditGrade([])).toBeNull()
  })
  it('takes the first (latest) row', () => {
    expect(
      toCreditGrade([{ grade: 'AA', score: 91.5, asOf: day('2026-06-30'), standardVersion: '2026.1', blacklisted: false, computedAt: new Date('2026-07-01T02:00:00Z') }]),
    ).toEqual({ grade: 'AA', score: 91.5, asOf: '2026-06-30', standardVersion: '2026.1', blacklisted: false, computedAt: '2026-07-01T02:00:00.000Z' })
  })
})

describe('toProjectRoleItem', () => {
  const project = {
    projectCode: '46010020240100001',
    name: '海口市某项目',
    category: 'BUILDING' as const,
    regionCode: '460100',
    registeredOn: day('2024-01-15'),
    region: { name: '海口市' },
    permits: [] as { permitNumber: string; issuedOn: Date; status: 'ACTIVE' | 'REVOKED' | 'SUPERSEDED' }[],
  }
  it('has no permit before one is issued', () => {
    expect(toProjectRoleItem('CONTRACTOR', project).permit).toBeNull()
  })
  it('shows the latest permit with its date and status', () => {
    const item = toProjectRoleItem('CONTRACTOR', { ...project, permits: [{ permitNumber: '460100202406030101', issuedOn: day('2024-06-03'), status: 'REVOKED' }] })
    expect(item).toEqual({
      role: 'CONTRACTOR',
      projectCode: '46010020240100001',
      projectName: '海口市某项目',
      category: 'BUILDING',
      regionCode: '460100',
      regionName: '海口市',
      registeredOn: '2024-01-15',
      permit: { permitNumber: '460100202406030101', issuedOn: '2024-06-03', status: 'REVOKED' },
    })
  })
})

describe('countsByRole', () => {
  it('has every role, 0 where the subject has none, and the total', () => {
    const groups = [{ role: 'CONTRACTOR' as const, _count: { _all: 3 } }, { role: 'OWNER' as const, _count: { _all: 1 } }]
    expect(countsByRole(['OWNER', 'SURVEY', 'CONTRACTOR'] as const, groups)).toEqual({ OWNER: 1, SURVEY: 0, CONTRACTOR: 3, total: 4 })
    expect(countsByRole(['OWNER'] as const, [])).toEqual({ OWNER: 0, total: 0 })
  })
})
