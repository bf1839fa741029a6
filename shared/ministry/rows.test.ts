// Concrete rows for concrete entities: the expected values are written out by hand from the
// sources' code tables (code-tables.ts cites them) and GB/T 2260's digit layout, not computed.
import { describe, expect, it } from 'vitest'
import type { MinistryCompletionFiling, MinistryPermit } from './entities'
import {
  toTBBuilderLicenceManageRow,
  toTBContractRecordManageRow,
  toTBCorpBasicInfoRow,
  toTBCorpCertInfoRow,
  toTBProjectCensorInfoRow,
  toTBProjectFinishManageRow,
  toTBProjectInfoRow,
  toTBRegPersonRegInfoRow,
  toXzcfRow,
} from './rows'
import { MINISTRY_TABLES, type MinistryRow, type MinistryTableName } from './tables'

const OWNER = { name: '海南椰城置业有限公司', uscc: '91460100MA5T000013' }
const CONTRACTOR = { name: '海南建工集团有限公司', uscc: '914600002012345678' }
const SUPERVISOR = { name: '海南正衡工程监理有限公司', uscc: '91460000708812345X' }
const SURVEY = { name: '海南地质勘察院', uscc: '12460000428200123K' }
const DESIGN = { name: '海南省建筑设计院', uscc: '12460000428200456M' }
const MANAGER = { name: '王建国', idNumber: '460100198503120016' }
const CHIEF = { name: '李娟', idNumber: '46010019800101002X' }

const permit: MinistryPermit = {
  permitNumber: '460100202403150301',
  projectCode: '46010020240300017',
  drawingReviewNumber: 'STZX2024-0088',
  contractPrice: '6000.5',
  floorArea: 20000.25,
  scale: '地上18层 地下2层',
  issuedOn: '2024-03-15',
  survey: SURVEY,
  design: DESIGN,
  contractor: CONTRACTOR,
  supervisor: SUPERVISOR,
  projectManager: MANAGER,
  chiefSupervisor: CHIEF,
  status: 'ACTIVE',
}

describe('TBCorpBasicInfo', () => {
  it('maps an enterprise of a county-level city under the province: 4690 省直辖县级行政区划', () => {
    expect(
      toTBCorpBasicInfoRow({
        uscc: '91469002MA5T00001X',
        name: '琼海市万泉建筑工程有限公司',
        regionCode: '469002',
        legalRepresentative: '符海',
        registeredAddress: '琼海市嘉积镇银海路1号',
        registeredCapital: '5000',
        establishedOn: '2010-05-01',
      }),
    ).toEqual({
      CorpName: '琼海市万泉建筑工程有限公司',
      CorpCode: '91469002MA5T00001X',
      LicenseNum: '91469002MA5T00001X',
      ProvinceNum: '460000',
      CityNum: '469000',
      CountyNum: '469002',
      Address: '琼海市嘉积镇银海路1号',
      PostalCode: null,
      LegalMan: '符海',
      IDCardTypeNum: null,
      LegalManIDCard: null,
      LegalManDuty: null,
      LegaManProTitle: null,
      EconomicNum: null,
      RegPrin: '5000',
      FactRegPrin: null,
      PrincipalUnitNum: null,
      CorpBirthDate: '2010-05-01',
      OfficePhone: null,
      Fax: null,
      LinkMan: null,
      LinkTel: null,
      LinkPhone: null,
      EMail: null,
      Url: null,
      Description: null,
    })
  })

  it('reports a development zone as the division that hosts it (洋浦 → 儋州市), and an out-of-province district in full', () => {
    const base = { uscc: OWNER.uscc, name: 'x', legalRepresentative: 'x', registeredAddress: 'x', registeredCapital: '1', establishedOn: '2020-01-01' }
    const yangpu = toTBCorpBasicInfoRow({ ...base, regionCode: '469901' })
    expect([yangpu.ProvinceNum, yangpu.CityNum, yangpu.CountyNum]).toEqual(['460000', '460400', null])
    const chaoyang = toTBCorpBasicInfoRow({ ...base, regionCode: '110105' })
    expect([chaoyang.ProvinceNum, chaoyang.CityNum, chaoyang.CountyNum]).toEqual(['110000', '110100', '110105'])
    const beijing = toTBCorpBasicInfoRow({ ...base, regionCode: '110000' })
    expect([beijing.ProvinceNum, beijing.CityNum, beijing.CountyNum]).toEqual(['110000', null, null])
  })
})

describe('TBCorpCertInfo and TBRegPersonRegInfo', () => {
  it('maps a qualification with its category and grade as CertName', () => {
    expect(
      toTBCorpCertInfoRow({
        enterprise: CONTRACTOR,
        category: '建筑工程施工总承包',
        grade: '一级',
        certificateNumber: 'D146012345',
        issuedBy: '海南省住房和城乡建设厅',
        issuedOn: '2024-01-01',
        validUntil: '2029-01-01',
      }),
    ).toEqual({
      CorpName: '海南建工集团有限公司',
      CorpCode: '914600002012345678',
      CertTypeNum: null,
      CertID: 'D146012345',
      TitleLevelNum: null,
      OrganName: '海南省住房和城乡建设厅',
      CertName: '建筑工程施工总承包一级',
      OrganDate: '2024-01-01',
      EndDate: '2029-01-01',
    })
  })

  it('maps a registration with the full ID number and tbSpecialtyTypeDic 81 for 一级注册建造师', () => {
    expect(
      toTBRegPersonRegInfoRow({ person: MANAGER, type: 'CONSTRUCTOR_1', number: '琼146202400123', issuedOn: '2024-01-01', validUntil: '2027-01-01', employer: CONTRACTOR }),
    ).toEqual({
      PersonName: '王建国',
      IDCardTypeNum: '1',
      IDCard18: '460100198503120016',
      SpecialtyTypNum: '81',
      CertNum: '琼146202400123',
      AwardDate: '2024-01-01',
      AwardDepart: null,
      StampNum: null,
      EffectDate: '2027-01-01',
      CorpName: '海南建工集团有限公司',
      CorpCode: '914600002012345678',
      RegTradeTypeNum: null,
    })
  })

  it('sends the codes the dictionary has (71 监理, 91 造价, 21 岩土) and none for 注册安全工程师', () => {
    const code = (type: Parameters<typeof toTBRegPersonRegInfoRow>[0]['type']) =>
      toTBRegPersonRegInfoRow({ person: CHIEF, type, number: 'A46001234', issuedOn: '2024-01-01', validUntil: '2027-01-01', employer: null }).SpecialtyTypNum
    expect([code('SUPERVISION_ENGINEER'), code('COST_ENGINEER_1'), code('SURVEY_ENGINEER'), code('SAFETY_ENGINEER')]).toEqual(['71', '91', '21', null])
  })
})

describe('TBProjectInfo', () => {
  it('maps a 海口 building project: 01 房屋建筑工程, region codes as int, no county', () => {
    expect(
      toTBProjectInfoRow({
        projectCode: '46010020240300017',
        name: '椰城花园二期',
        category: 'BUILDING',
        regionCode: '460100',
        owner: OWNER,
        investment: '8000.75',
        floorArea: 20000.5,
        registeredOn: '2024-03-02',
      }),
    ).toEqual({
      PrjNum: '46010020240300017',
      PrjName: '椰城花园二期',
      PrjTypeNum: '01',
      BuildCorpName: '海南椰城置业有限公司',
      BuildCorpCode: '91460100MA5T000013',
      ProvinceNum: 460000,
      CityNum: 460100,
      CountyNum: null,
      PrjApprovalNum: null,
      PrjApprovalLevelNum: null,
      BuldPlanNum: null,
      ProjectPlanNum: null,
      AllInvest: '8000.75',
      AllArea: '20000.5',
      PrjSize: null,
      PrjPropertyNum: null,
      PrjFunctionNum: null,
      BDate: null,
      EDate: null,
      CreateDate: '2024-03-02',
      UpdateFlag: 'U',
    })
  })

  it('maps a municipal project to 02 市政工程', () => {
    const row = toTBProjectInfoRow({ projectCode: '46900220240300001', name: '嘉积大道改造', category: 'MUNICIPAL', regionCode: '469002', owner: OWNER, investment: '1', floorArea: null, registeredOn: '2024-03-02' })
    expect([row.PrjTypeNum, row.CityNum, row.CountyNum, row.AllArea]).toEqual(['02', 469000, 469002, null])
  })
})

describe('stage tables', () => {
  it('maps a contractor contract filing to 301 施工总包 let by the owner, and a revoked one to UpdateFlag D', () => {
    const filing = {
      filingNumber: 'HT4601002024000123',
      projectCode: '46010020240300017',
      owner: OWNER,
      partyRole: 'CONTRACTOR' as const,
      party: CONTRACTOR,
      contractPrice: '6000.5',
      signedOn: '2024-02-20',
      filedOn: '2024-02-28',
      status: 'ACTIVE' as const,
    }
    expect(toTBContractRecordManageRow(filing)).toEqual({
      RecordNum: 'HT4601002024000123',
      PrjNum: '46010020240300017',
      ContractNum: null,
      ContractTypeNum: '301',
      ContractMoney: '6000.5',
      PrjSize: null,
      ContractDate: '2024-02-20',
      PropietorCorpName: '海南椰城置业有限公司',
      PropietorCorpCode: '91460100MA5T000013',
      ContractorCorpName: '海南建工集团有限公司',
      ContractorCorpCode: '914600002012345678',
      UnionCorpName: null,
      UnionCorpCode: null,
      CreateDate: '2024-02-28',
      UpdateFlag: 'U',
    })
    expect(toTBContractRecordManageRow({ ...filing, partyRole: 'SUPERVISOR', status: 'REVOKED' })).toMatchObject({ ContractTypeNum: '400', UpdateFlag: 'D' })
    expect([toTBContractRecordManageRow({ ...filing, partyRole: 'SURVEY' }).ContractTypeNum, toTBContractRecordManageRow({ ...filing, partyRole: 'DESIGN' }).ContractTypeNum]).toEqual(['100', '200'])
  })

  it('maps a drawing review: passed at the first review only when it found no issues', () => {
    const review = { certificateNumber: 'STZX2024-0088', projectCode: '46010020240300017', reviewAgency: '海南省施工图审查中心', issueCount: 0, passedOn: '2024-03-05', survey: SURVEY, design: DESIGN, status: 'ACTIVE' as const }
    expect(toTBProjectCensorInfoRow(review)).toEqual({
      CensorNum: 'STZX2024-0088',
      PrjNum: '46010020240300017',
      CensorCorpName: '海南省施工图审查中心',
      CensorCorpCode: null,
      CensorEDate: '2024-03-05',
      PrjSize: null,
      EconCorpName: '海南地质勘察院',
      EconCorpCode: '12460000428200123K',
      DesignCorpName: '海南省建筑设计院',
      DesignCorpCode: '12460000428200456M',
      OneCensorIsPass: 1,
      OneCensorWfqtCount: null,
      OneCensorWfqtContent: null,
      CreateDate: '2024-03-05',
      UpdateFlag: 'U',
    })
    expect(toTBProjectCensorInfoRow({ ...review, issueCount: 3, survey: null })).toMatchObject({ OneCensorIsPass: 0, EconCorpName: null, EconCorpCode: null })
  })

  it('maps a permit with the full ID numbers of the 项目经理 and 总监理工程师', () => {
    expect(toTBBuilderLicenceManageRow(permit)).toEqual({
      BuilderLicenceNum: '460100202403150301',
      PrjNum: '46010020240300017',
      BuldPlanNum: null,
      ProjectPlanNum: null,
      CensorNum: 'STZX2024-0088',
      ContractMoney: '6000.5',
      Area: '20000.25',
      PrjSize: '地上18层 地下2层',
      IssueCertDate: '2024-03-15',
      EconCorpName: '海南地质勘察院',
      EconCorpCode: '12460000428200123K',
      DesignCorpName: '海南省建筑设计院',
      DesignCorpCode: '12460000428200456M',
      ConsCorpName: '海南建工集团有限公司',
      ConsCorpCode: '914600002012345678',
      SafetyCerID: null,
      SuperCorpName: '海南正衡工程监理有限公司',
      SuperCorpCode: '91460000708812345X',
      ConstructorName: '王建国',
      CIDCardTypeNum: '1',
      ConstructorIDCard: '460100198503120016',
      SupervisionName: '李娟',
      SIDCardTypeNum: '1',
      SupervisionIDCard: '46010019800101002X',
      CreateDate: '2024-03-15',
      UpdateFlag: 'U',
    })
  })

  it('sends a revoked permit with UpdateFlag D, and a permit without a chief supervisor with no ID type for one', () => {
    expect(toTBBuilderLicenceManageRow({ ...permit, status: 'REVOKED', supervisor: null, chiefSupervisor: null })).toMatchObject({
      UpdateFlag: 'D',
      SuperCorpName: null,
      SupervisionName: null,
      SIDCardTypeNum: null,
      SupervisionIDCard: null,
    })
  })

  it('maps a completion filing, and says why a revoked one was revoked in Mark', () => {
    const filing: MinistryCompletionFiling = {
      filingNumber: 'JB460100202612010201',
      projectCode: '46010020240300017',
      permitNumber: '460100202403150301',
      actualCost: '6120',
      actualArea: 20010,
      acceptedOn: '2026-11-20',
      filedOn: '2026-12-01',
      status: 'ACTIVE',
      revocationReason: null,
    }
    expect(toTBProjectFinishManageRow(filing)).toEqual({
      PrjFinishNum: 'JB460100202612010201',
      PrjNum: '46010020240300017',
      BuilderLicenceNum: '460100202403150301',
      QCCorpName: null,
      QCCorpCode: null,
      FactCost: '6120',
      FactArea: '20010',
      FactSize: null,
      PrjStructureTypeNum: null,
      BDate: null,
      EDate: '2026-11-20',
      Mark: null,
      CreateDate: '2026-12-01',
      UpdateFlag: 'U',
    })
    expect(toTBProjectFinishManageRow({ ...filing, status: 'REVOKED', revocationReason: '备案材料弄虚作假' })).toMatchObject({ Mark: '已撤销：备案材料弄虚作假', UpdateFlag: 'D' })
  })
})

describe('xzcf', () => {
  it('maps a penalty of an enterprise on a project, and a withdrawn one of a person to D with the full ID number', () => {
    const penalty = {
      decisionNumber: '琼建罚〔2025〕12号',
      title: '未取得施工许可证擅自施工',
      decidedOn: '2025-06-30',
      subject: { name: CONTRACTOR.name, code: CONTRACTOR.uscc },
      project: { projectCode: '46010020240300017', name: '椰城花园二期' },
      status: 'ACTIVE' as const,
    }
    expect(toXzcfRow(penalty)).toEqual({
      ajNo: '琼建罚〔2025〕12号',
      prjNum: '46010020240300017',
      wfwgxm: '椰城花园二期',
      wfwgdwry: '海南建工集团有限公司',
      zzjgdmSfzh: '914600002012345678',
      wfxw: '未取得施工许可证擅自施工',
      lasj: null,
      jasj: '2025-06-30',
      updateFlag: 'U',
    })
    expect(toXzcfRow({ ...penalty, subject: { name: MANAGER.name, code: MANAGER.idNumber }, project: null, status: 'WITHDRAWN' })).toMatchObject({
      prjNum: null,
      wfwgxm: null,
      zzjgdmSfzh: '460100198503120016',
      updateFlag: 'D',
    })
  })
})

describe('rows against their table definitions', () => {
  // one fully populated entity per table: every field the definition says the platform fills
  // must be filled, every field it says the platform has nothing for must be empty, in order
  const samples: Record<MinistryTableName, MinistryRow> = {
    TBCorpBasicInfo: toTBCorpBasicInfoRow({ uscc: OWNER.uscc, name: OWNER.name, regionCode: '469002', legalRepresentative: '符海', registeredAddress: '路', registeredCapital: '1', establishedOn: '2020-01-01' }),
    TBCorpCertInfo: toTBCorpCertInfoRow({ enterprise: CONTRACTOR, category: 'c', grade: 'g', certificateNumber: 'n', issuedBy: 'i', issuedOn: '2020-01-01', validUntil: '2025-01-01' }),
    TBRegPersonRegInfo: toTBRegPersonRegInfoRow({ person: MANAGER, type: 'CONSTRUCTOR_1', number: 'n', issuedOn: '2020-01-01', validUntil: '2025-01-01', employer: CONTRACTOR }),
    TBProjectInfo: toTBProjectInfoRow({ projectCode: 'p', name: 'n', category: 'BUILDING', regionCode: '469002', owner: OWNER, investment: '1', floorArea: 1, registeredOn: '2020-01-01' }),
    TBContractRecordManage: toTBContractRecordManageRow({ filingNumber: 'f', projectCode: 'p', owner: OWNER, partyRole: 'CONTRACTOR', party: CONTRACTOR, contractPrice: '1', signedOn: '2020-01-01', filedOn: '2020-01-02', status: 'ACTIVE' }),
    TBProjectCensorInfo: toTBProjectCensorInfoRow({ certificateNumber: 'c', projectCode: 'p', reviewAgency: 'a', issueCount: 0, passedOn: '2020-01-01', survey: SURVEY, design: DESIGN, status: 'ACTIVE' }),
    TBBuilderLicenceManage: toTBBuilderLicenceManageRow(permit),
    TBProjectFinishManage: toTBProjectFinishManageRow({ filingNumber: 'f', projectCode: 'p', permitNumber: 'l', actualCost: '1', actualArea: 1, acceptedOn: '2020-01-01', filedOn: '2020-01-02', status: 'REVOKED', revocationReason: 'r' }),
    xzcf: toXzcfRow({ decisionNumber: 'd', title: 't', decidedOn: '2020-01-01', subject: { name: 'n', code: 'c' }, project: { projectCode: 'p', name: 'n' }, status: 'ACTIVE' }),
  }

  it.each(MINISTRY_TABLES.map((t) => [t.name, t] as const))('%s has exactly the defined fields, in order, filled exactly where the definition says', (name, table) => {
    const row = samples[name]
    expect(Object.keys(row)).toEqual(table.fields.map((f) => f.name))
    const filled = table.fields.filter((f) => row[f.name] !== null).map((f) => f.name)
    expect(filled).toEqual(table.fields.filter((f) => f.from !== null).map((f) => f.name))
  })
})
