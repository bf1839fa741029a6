import { describe, expect, it } from 'vitest'
import type { PractitionerListItem } from '@web/server/practitioners/practitioners-schemas'
import { csvExport } from './export-response'
import { practitionerExportColumns, practitionerToJson } from './practitioner-export'
import { enterpriseExportColumns } from './enterprise-export'

const person: PractitionerListItem = {
  id: 'cpe1',
  name: '陈世华',
  gender: '男',
  idNumberMasked: '469***********2811',
  employer: { name: '三亚致远建工集团有限公司', uscc: '914602003684492950', regionCode: '460200', regionName: '三亚市', inProvince: true },
  registrations: [
    { type: 'CONSTRUCTOR_1', number: '琼146201700022', specialty: '建筑工程', validUntil: '2029-05-05', expired: false },
    { type: 'SAFETY_ENGINEER', number: '琼846201900003', specialty: '建筑施工安全', validUntil: '2025-01-01', expired: true },
  ],
}

async function* batchesOf<T>(...batches: T[][]) {
  for (const b of batches) yield b
}

describe('practitioner export', () => {
  it('writes one row per person, registrations joined, the ID number masked', async () => {
    const text = (await csvExport('从业人员', practitionerExportColumns, batchesOf([person])).text()).replace(/^\uFEFF/, '')
    const [header, row] = text.trim().split('\n')
    expect(header).toBe('姓名,性别,身份证号（脱敏）,工作单位,工作单位统一社会信用代码,单位注册地,注册类别,注册编号,注册专业,注册有效期至')
    expect(row).toBe('陈世华,男,469***********2811,三亚致远建工集团有限公司,914602003684492950,三亚市,一级注册建造师；注册安全工程师,琼146201700022；琼846201900003,建筑工程；建筑施工安全,2029-05-05；2025-01-01（已过期）')
  })

  it('leaves the employer cells empty for someone without one', () => {
    const values = practitionerExportColumns.map((c) => c.value({ ...person, employer: null, registrations: [] }))
    expect(values).toEqual(['陈世华', '男', '469***********2811', undefined, undefined, undefined, '', '', '', ''])
  })

  it('exports JSON as the list item, which has no idNumber or phone field', () => {
    expect(Object.keys(practitionerToJson(person)).sort()).toEqual(['employer', 'gender', 'id', 'idNumberMasked', 'name', 'registrations'])
  })
})

describe('enterprise export', () => {
  it('has the register columns', () => {
    expect(enterpriseExportColumns.map((c) => c.header)).toEqual([
      '企业名称', '统一社会信用代码', '企业类型', '注册地', '注册地行政区划代码', '省内/省外', '法定代表人', '注册地址', '注册资本（万元）', '成立日期',
    ])
  })
})
