// The exchange tables the export writes, as data: each table's fields in order with their Chinese
// meaning, the type and length and constraint as the first typed source documents them (M 必填,
// O 可选, C 条件必填), the sources that name the field in that table (sources.ts), and what the
// platform puts in (`from`; null: the platform has nothing for it and the field goes out empty).
// The field lists are what the sources document, less the Wuxi/Jiangsu profile's bookkeeping
// columns (PKID GUIDs, *InnerNum, sbdqbm) and every phone number of a person (never exported);
// each table's `omitted` names the documented columns it leaves out.
import type { MinistrySourceId } from './sources'
import { MINISTRY_SOURCES } from './sources'

export type Constraint = 'M' | 'O' | 'C'

export interface MinistryField {
  readonly name: string
  readonly label: string
  /** e.g. varchar(200), char(2), int, decimal(15,4), date; null when no source gives a type */
  readonly type: string | null
  readonly constraint: Constraint | null
  readonly sources: readonly MinistrySourceId[]
  readonly from: string | null
  readonly note?: string
}

export interface MinistryTable {
  readonly name: string
  readonly label: string
  readonly sources: readonly MinistrySourceId[]
  /** the audit-log entities whose changes re-export rows of this table */
  readonly entities: readonly string[]
  readonly fields: readonly MinistryField[]
  /** documented columns deliberately not written, and why */
  readonly omitted?: string
  readonly note?: string
}

const ENTERPRISE_CODE_NOTE = 'the 18-character USCC; sources before 2015 size it for the 15-character organisation code, the 2019 Wuxi profile widens it to 18'

export const TB_CORP_BASIC_INFO = {
  name: 'TBCorpBasicInfo',
  label: '企业基本信息',
  sources: ['QS_CORP', 'PAGE_CORP_TYPES'],
  entities: ['Enterprise'],
  fields: [
    { name: 'CorpName', label: '企业名称', type: 'varchar(200)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.name' },
    { name: 'CorpCode', label: '组织机构代码', type: 'varchar(15)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.uscc', note: ENTERPRISE_CODE_NOTE },
    { name: 'LicenseNum', label: '工商营业执照注册号', type: 'varchar(50)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.uscc', note: 'since 三证合一 (2015) the business licence number is the USCC' },
    { name: 'ProvinceNum', label: '注册所在省(自治区、直辖市)', type: 'char(6)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.regionCode → province code' },
    { name: 'CityNum', label: '注册所在地(市、州、盟)', type: 'char(6)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.regionCode → prefecture code' },
    { name: 'CountyNum', label: '注册所在县(区、市、旗)', type: 'char(6)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.regionCode → county code', note: 'empty for 海口 and 三亚: the platform keeps no districts' },
    { name: 'Address', label: '企业营业地址', type: 'varchar(200)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.registeredAddress', note: 'the platform keeps the registered address only' },
    { name: 'PostalCode', label: '企业营业地址邮政编码', type: 'varchar(6)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'LegalMan', label: '法定代表人姓名', type: 'varchar(50)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.legalRepresentative' },
    { name: 'IDCardTypeNum', label: '法定代表人证件类型', type: 'char(1)', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null, note: 'the platform keeps no ID of the legal representative' },
    { name: 'LegalManIDCard', label: '法定代表人证件号码', type: 'varchar(30)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'LegalManDuty', label: '法定代表人职务', type: 'varchar(50)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'LegaManProTitle', label: '法定代表人职称', type: 'varchar(50)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null, note: 'spelt as in the sources (LegaMan)' },
    { name: 'EconomicNum', label: '企业登记注册类型', type: 'int', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null, note: 'TBECONTYPEDIC codes not found; the platform keeps no registration type' },
    { name: 'RegPrin', label: '注册资本(万元)', type: 'float(15,3)', constraint: 'C', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.registeredCapital' },
    { name: 'FactRegPrin', label: '实收资本(万元)', type: 'float(15,3)', constraint: 'C', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'PrincipalUnitNum', label: '注册资本币种', type: 'char(3)', constraint: 'C', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null, note: 'TBPRINCIPALUNITDIC codes not found' },
    { name: 'CorpBirthDate', label: '成立日期', type: 'date', constraint: 'M', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: 'Enterprise.establishedOn' },
    { name: 'OfficePhone', label: '办公电话', type: 'varchar(30)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'Fax', label: '传真号码', type: 'varchar(30)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'LinkMan', label: '联系人姓名', type: 'varchar(50)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'LinkTel', label: '联系人办公电话', type: 'varchar(30)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'LinkPhone', label: '联系人手机号码', type: 'varchar(30)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'EMail', label: '联系邮箱', type: 'varchar(100)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'Url', label: '企业网址', type: 'varchar(200)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
    { name: 'Description', label: '备注', type: 'varchar(1000)', constraint: 'O', sources: ['QS_CORP', 'PAGE_CORP_TYPES'], from: null },
  ],
  note: 'Types and M/O/C come from PAGE_CORP_TYPES only (no address). No update flag: the platform never withdraws an enterprise; a changed enterprise goes out again under the same CorpCode.',
} as const satisfies MinistryTable

export const TB_CORP_CERT_INFO = {
  name: 'TBCorpCertInfo',
  label: '企业资质证书信息',
  sources: ['QS_CERT'],
  entities: ['Qualification'],
  fields: [
    { name: 'CorpName', label: '企业名称', type: null, constraint: null, sources: ['QS_CERT'], from: 'Qualification.enterprise.name' },
    { name: 'CorpCode', label: '组织机构代码', type: null, constraint: null, sources: ['QS_CERT'], from: 'Qualification.enterprise.uscc', note: ENTERPRISE_CODE_NOTE },
    { name: 'CertTypeNum', label: '资质资格类型', type: 'int', constraint: null, sources: ['QS_CERT'], from: null, note: 'code table not found' },
    { name: 'CertID', label: '证书编号', type: null, constraint: null, sources: ['QS_CERT'], from: 'Qualification.certificateNumber' },
    { name: 'TitleLevelNum', label: '资质资格最高等级', type: 'int', constraint: null, sources: ['QS_CERT'], from: null, note: 'TBCERTTITLELEVELDIC codes not found' },
    { name: 'OrganName', label: '发证机关', type: null, constraint: null, sources: ['QS_CERT'], from: 'Qualification.issuedBy' },
    { name: 'CertName', label: '资质类别及等级', type: null, constraint: null, sources: ['QS_CERT'], from: 'Qualification.category + grade' },
    { name: 'OrganDate', label: '发证日期', type: 'date', constraint: null, sources: ['QS_CERT'], from: 'Qualification.issuedOn' },
    { name: 'EndDate', label: '证书有效截止日期', type: 'date', constraint: null, sources: ['QS_CERT'], from: 'Qualification.validUntil' },
  ],
  omitted: 'the approval columns (ApprovalDept, ApprovalStaff, UltimateDate …) and the copies of TBCorpBasicInfo columns (LicenseNum, ProvinceNum …, LegalMan …); IsValid (证书状态: the platform keeps no status and the export does not derive one from the day it runs).',
  note: 'The source is an insert statement: no lengths or constraints; int and date are what it binds with setInt/setDate.',
} as const satisfies MinistryTable

export const TB_REG_PERSON_REG_INFO = {
  name: 'TBRegPersonRegInfo',
  label: '注册人员注册信息',
  sources: ['QS_REG_PERSON'],
  entities: ['Registration', 'Person'],
  fields: [
    { name: 'PersonName', label: '姓名', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: 'Registration.person.name' },
    { name: 'IDCardTypeNum', label: '证件类型', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: '1 (居民身份证)' },
    { name: 'IDCard18', label: '身份证号（18位）', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: 'Registration.person.idNumber (in full)' },
    { name: 'SpecialtyTypNum', label: '注册类型及等级', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: 'Registration.type → tbSpecialtyTypeDic' },
    { name: 'CertNum', label: '注册证书编号', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: 'Registration.number' },
    { name: 'AwardDate', label: '发证日期', type: 'date', constraint: null, sources: ['QS_REG_PERSON'], from: 'Registration.issuedOn' },
    { name: 'AwardDepart', label: '发证单位', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: null },
    { name: 'StampNum', label: '执业印章号', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: null },
    { name: 'EffectDate', label: '注册有效期', type: 'date', constraint: null, sources: ['QS_REG_PERSON'], from: 'Registration.validUntil' },
    { name: 'CorpName', label: '所在企业名称', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: 'Registration.employer.name' },
    { name: 'CorpCode', label: '所在企业组织机构代码', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: 'Registration.employer.uscc', note: ENTERPRISE_CODE_NOTE },
    { name: 'RegTradeTypeNum', label: '注册专业', type: null, constraint: null, sources: ['QS_REG_PERSON'], from: null, note: 'TBREGTRADETYPEDIC codes not found; the platform keeps the specialty as text' },
  ],
  omitted: 'PersonId (the source system\'s key), CallingTypeNum (所在企业行业类型), CertId (所在企业证书编号), TradeTypeAwardDate/TradeTypeEffectDate (注册专业起止日期), QState (执业资格状态): the platform keeps none of them.',
  note: 'Table and column names come from a provincial basic database\'s Java code (its query of TBREGPERSONREGINFO; meanings from the same repository\'s Constructor.java), not from the ministry\'s text; the capitalisation follows the other tables. One row per registration; a practitioner without one is in no table.',
} as const satisfies MinistryTable

const PROJECT_SOURCES = ['WUXI_2019', 'JIANGSU_CREDIT', 'ZJB_DDL'] as const
const PROFILE_SOURCES = ['WUXI_2019', 'JIANGSU_CREDIT'] as const
const UPDATE_FLAG = (from: string) =>
  ({ name: 'UpdateFlag', label: '数据更新标识', type: 'char(1)', constraint: 'M', sources: PROFILE_SOURCES, from, note: 'U 新增或更新; D 删除' }) as const

export const TB_PROJECT_INFO = {
  name: 'TBProjectInfo',
  label: '项目基本信息',
  sources: PROJECT_SOURCES,
  entities: ['Project'],
  fields: [
    { name: 'PrjNum', label: '项目编号', type: 'varchar(20)', constraint: 'M', sources: PROJECT_SOURCES, from: 'Project.projectCode', note: 'the sources ask for 按住建部编码规则统一编号, a rule not found; the platform\'s project code has 17 digits' },
    { name: 'PrjName', label: '项目名称', type: 'varchar(200)', constraint: 'M', sources: PROJECT_SOURCES, from: 'Project.name' },
    { name: 'PrjTypeNum', label: '项目分类', type: 'char(2)', constraint: 'M', sources: PROJECT_SOURCES, from: 'Project.category → tbPrjTypeDic' },
    { name: 'BuildCorpName', label: '建设单位名称', type: 'varchar(200)', constraint: 'M', sources: PROJECT_SOURCES, from: 'Project.owner.name' },
    { name: 'BuildCorpCode', label: '建设单位组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'M', sources: PROJECT_SOURCES, from: 'Project.owner.uscc' },
    { name: 'ProvinceNum', label: '项目所在省', type: 'int', constraint: 'M', sources: PROJECT_SOURCES, from: 'Project.regionCode → province code' },
    { name: 'CityNum', label: '项目所在地市', type: 'int', constraint: 'M', sources: PROJECT_SOURCES, from: 'Project.regionCode → prefecture code' },
    { name: 'CountyNum', label: '项目所在区县', type: 'int', constraint: 'M', sources: PROJECT_SOURCES, from: 'Project.regionCode → county code', note: 'empty for 海口 and 三亚: the platform keeps no districts' },
    { name: 'PrjApprovalNum', label: '立项文号', type: 'varchar(200)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'PrjApprovalLevelNum', label: '立项级别', type: 'char(3)', constraint: 'O', sources: PROJECT_SOURCES, from: null, note: 'the platform keeps none (tbLxjbDic is kept as data)' },
    { name: 'BuldPlanNum', label: '建设用地规划许可证编号', type: 'varchar(100)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'ProjectPlanNum', label: '建设工程规划许可证编号', type: 'varchar(100)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'AllInvest', label: '总投资（万元）', type: 'decimal(15,4)', constraint: 'O', sources: PROJECT_SOURCES, from: 'Project.investment' },
    { name: 'AllArea', label: '总面积（平方米）', type: 'decimal(15,2)', constraint: 'O', sources: PROJECT_SOURCES, from: 'Project.floorArea' },
    { name: 'PrjSize', label: '建设规模', type: 'varchar(500)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'PrjPropertyNum', label: '建设性质', type: 'char(3)', constraint: 'M', sources: PROJECT_SOURCES, from: null, note: 'the platform keeps none (tbPrjPropertyDic is kept as data)' },
    { name: 'PrjFunctionNum', label: '工程用途', type: 'char(3)', constraint: 'M', sources: PROJECT_SOURCES, from: null, note: 'the platform keeps none (tbPrjFunctionDic is kept as data)' },
    { name: 'BDate', label: '实际开工日期', type: 'date', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'EDate', label: '实际竣工日期', type: 'date', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'CreateDate', label: '记录登记时间', type: 'date', constraint: 'M', sources: PROJECT_SOURCES, from: 'Project.registeredOn' },
    UPDATE_FLAG('U (the platform never withdraws a project)'),
  ],
  omitted: 'PKID, PrjInnerNum, sbdqbm (the Wuxi/Jiangsu data centres\' bookkeeping); the 2014 DDL\'s summary of every stage (TenderNum, CensorNum, BuilderLicenceNum, the participants, PrjFinishNum, FactAllCost …), which the stage tables carry.',
} as const satisfies MinistryTable

export const TB_CONTRACT_RECORD_MANAGE = {
  name: 'TBContractRecordManage',
  label: '合同备案信息',
  sources: PROJECT_SOURCES,
  entities: ['ContractFiling'],
  fields: [
    { name: 'RecordNum', label: '合同备案编号', type: 'varchar(50)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.filingNumber' },
    { name: 'PrjNum', label: '项目编号', type: 'varchar(20)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.project.projectCode' },
    { name: 'ContractNum', label: '合同编号', type: 'varchar(50)', constraint: 'M', sources: PROJECT_SOURCES, from: null, note: 'the platform keeps the filing number, not the contract\'s own' },
    { name: 'ContractTypeNum', label: '合同类别', type: 'char(3)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.partyRole → tbContractTypeDic' },
    { name: 'ContractMoney', label: '合同金额(万元)', type: 'decimal(15,4)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.contractPrice' },
    { name: 'PrjSize', label: '建设规模', type: 'varchar(1000)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'ContractDate', label: '合同签订日期', type: 'date', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.signedOn' },
    { name: 'PropietorCorpName', label: '发包单位名称', type: 'varchar(200)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.project.owner.name', note: 'spelt as in the sources (Propietor)' },
    { name: 'PropietorCorpCode', label: '发包单位组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.project.owner.uscc' },
    { name: 'ContractorCorpName', label: '承包单位名称', type: 'varchar(200)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.party.name' },
    { name: 'ContractorCorpCode', label: '承包单位组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.party.uscc' },
    { name: 'UnionCorpName', label: '联合体承包单位名称', type: 'varchar(200)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'UnionCorpCode', label: '联合体承包单位组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'CreateDate', label: '记录登记时间', type: 'date', constraint: 'M', sources: PROJECT_SOURCES, from: 'ContractFiling.filedOn' },
    UPDATE_FLAG('ContractFiling.status: ACTIVE → U, REVOKED or SUPERSEDED → D'),
  ],
  omitted: 'PKID, RecordName, RecordInnerNum, sbdqbm; PrjHead and IDCard (项目负责人: a platform filing names no person) and PrjHeadPhone (no phone number goes out).',
} as const satisfies MinistryTable

export const TB_PROJECT_CENSOR_INFO = {
  name: 'TBProjectCensorInfo',
  label: '施工图审查信息',
  sources: PROJECT_SOURCES,
  entities: ['DrawingReview'],
  fields: [
    { name: 'CensorNum', label: '施工图审查合格书编号', type: 'varchar(50)', constraint: 'M', sources: PROJECT_SOURCES, from: 'DrawingReview.certificateNumber' },
    { name: 'PrjNum', label: '项目编号', type: 'varchar(20)', constraint: 'M', sources: PROJECT_SOURCES, from: 'DrawingReview.project.projectCode' },
    { name: 'CensorCorpName', label: '施工图审查机构名称', type: 'varchar(200)', constraint: 'M', sources: PROJECT_SOURCES, from: 'DrawingReview.reviewAgency' },
    { name: 'CensorCorpCode', label: '施工图审查机构组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'M', sources: PROJECT_SOURCES, from: null, note: 'the platform keeps the agency\'s name only' },
    { name: 'CensorEDate', label: '审查完成日期', type: 'datetime', constraint: 'M', sources: PROJECT_SOURCES, from: 'DrawingReview.passedOn' },
    { name: 'PrjSize', label: '建设规模', type: 'varchar(500)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'EconCorpName', label: '勘察单位名称', type: 'varchar(200)', constraint: 'M', sources: PROFILE_SOURCES, from: 'the project\'s SURVEY participant', note: 'the 2014 DDL has generic CorpName/CorpCode here' },
    { name: 'EconCorpCode', label: '勘察单位组织机构代码（社会信用代码）', type: 'varchar(200)', constraint: 'M', sources: PROFILE_SOURCES, from: 'the project\'s SURVEY participant\'s USCC' },
    { name: 'DesignCorpName', label: '设计单位名称', type: 'varchar(200)', constraint: 'M', sources: PROFILE_SOURCES, from: 'the project\'s DESIGN participant' },
    { name: 'DesignCorpCode', label: '设计单位组织机构代码（社会信用代码）', type: 'varchar(200)', constraint: 'M', sources: PROFILE_SOURCES, from: 'the project\'s DESIGN participant\'s USCC' },
    { name: 'OneCensorIsPass', label: '一次审查是否通过', type: 'int', constraint: 'O', sources: PROJECT_SOURCES, from: 'DrawingReview.issueCount = 0 → 1, else 0', note: '1 passed, 0 not (sources); issueCount counts the issues the review found before it passed' },
    { name: 'OneCensorWfqtCount', label: '一次审查时违反强条数', type: 'int', constraint: 'O', sources: PROJECT_SOURCES, from: null, note: 'issueCount does not single out 强制性条文, so it is not this count' },
    { name: 'OneCensorWfqtContent', label: '一次审查时违反的强条条目', type: 'varchar(500)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'CreateDate', label: '记录登记日期', type: 'datetime', constraint: 'M', sources: PROJECT_SOURCES, from: 'DrawingReview.passedOn' },
    UPDATE_FLAG('DrawingReview.status: ACTIVE → U, REVOKED or SUPERSEDED → D'),
  ],
  omitted: 'PKID, CensorInnerNum, EconCorpNum/DesignCorpNum (the survey and design contracts\' numbers, not kept), sbdqbm; the 2014 DDL\'s reviewer columns (CensorPersonName …, TradePersonName …).',
} as const satisfies MinistryTable

export const TB_BUILDER_LICENCE_MANAGE = {
  name: 'TBBuilderLicenceManage',
  label: '施工许可信息',
  sources: PROJECT_SOURCES,
  entities: ['ConstructionPermit', 'Certificate'],
  fields: [
    { name: 'BuilderLicenceNum', label: '施工许可证编号', type: 'varchar(50)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.permitNumber' },
    { name: 'PrjNum', label: '项目编号', type: 'varchar(20)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.project.projectCode' },
    { name: 'BuldPlanNum', label: '建设用地规划许可证编号', type: 'varchar(100)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'ProjectPlanNum', label: '建设工程规划许可证编号', type: 'varchar(100)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'CensorNum', label: '施工图审查合格书编号', type: 'varchar(50)', constraint: 'O', sources: PROJECT_SOURCES, from: 'the project\'s standing drawing review certificate (latest passed)' },
    { name: 'ContractMoney', label: '合同金额(万元)', type: 'decimal(15,4)', constraint: 'O', sources: PROJECT_SOURCES, from: 'ConstructionPermit.contractPrice' },
    { name: 'Area', label: '面积（平方米）', type: 'decimal(15,2)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.floorArea' },
    { name: 'PrjSize', label: '建设规模', type: 'varchar(500)', constraint: 'O', sources: PROJECT_SOURCES, from: 'ConstructionPermit.scale' },
    { name: 'IssueCertDate', label: '发证日期', type: 'date', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.issuedOn' },
    { name: 'EconCorpName', label: '勘察单位名称', type: 'varchar(200)', constraint: 'M', sources: PROJECT_SOURCES, from: 'the project\'s SURVEY participant', note: 'in the 2014 DDL\'s TBProjectInfo EconCorpName is the tender agent and KcEconCorpName the surveyor; here the 2019 Wuxi meaning (勘察) is used' },
    { name: 'EconCorpCode', label: '勘察单位组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'M', sources: PROJECT_SOURCES, from: 'the project\'s SURVEY participant\'s USCC' },
    { name: 'DesignCorpName', label: '设计单位名称', type: 'varchar(200)', constraint: 'M', sources: PROJECT_SOURCES, from: 'the project\'s DESIGN participant' },
    { name: 'DesignCorpCode', label: '设计单位组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'M', sources: PROJECT_SOURCES, from: 'the project\'s DESIGN participant\'s USCC' },
    { name: 'ConsCorpName', label: '施工单位名称', type: 'varchar(200)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.contractor.name' },
    { name: 'ConsCorpCode', label: '施工单位组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.contractor.uscc' },
    { name: 'SafetyCerID', label: '施工单位安全生产许可证编号', type: 'varchar(30)', constraint: 'C', sources: PROJECT_SOURCES, from: null },
    { name: 'SuperCorpName', label: '监理单位名称', type: 'varchar(200)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.supervisor.name' },
    { name: 'SuperCorpCode', label: '监理单位组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.supervisor.uscc' },
    { name: 'ConstructorName', label: '项目经理姓名', type: 'varchar(50)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.projectManager.name' },
    { name: 'CIDCardTypeNum', label: '项目经理证件类型', type: 'char(1)', constraint: 'M', sources: PROJECT_SOURCES, from: '1 (居民身份证)' },
    { name: 'ConstructorIDCard', label: '项目经理证件号码', type: 'varchar(30)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.projectManager.idNumber (in full)' },
    { name: 'SupervisionName', label: '总监理工程师姓名', type: 'varchar(50)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.chiefSupervisor.name' },
    { name: 'SIDCardTypeNum', label: '总监理工程师证件类型', type: 'char(1)', constraint: 'M', sources: PROJECT_SOURCES, from: '1 (居民身份证); empty without a chief supervisor' },
    { name: 'SupervisionIDCard', label: '总监理工程师证件号码', type: 'varchar(30)', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.chiefSupervisor.idNumber (in full)' },
    { name: 'CreateDate', label: '记录登记时间', type: 'date', constraint: 'M', sources: PROJECT_SOURCES, from: 'ConstructionPermit.issuedOn' },
    UPDATE_FLAG('ConstructionPermit.status: ACTIVE → U, REVOKED or SUPERSEDED → D'),
  ],
  omitted: 'PKID, BuilderLicenceName, BuilderLicenceInnerNum, RecordInnerNum, sbdqbm; ConstructorPhone and SupervisionPhone (no phone number goes out); the safety-staff columns the 2014 DDL merged in (UserName, IDCard, CertID, UserType: TBProjectBuilderUserInfo\'s).',
  note: 'No field takes a revocation\'s reason: a revoked permit goes out with UpdateFlag D.',
} as const satisfies MinistryTable

export const TB_PROJECT_FINISH_MANAGE = {
  name: 'TBProjectFinishManage',
  label: '竣工验收备案信息',
  sources: PROJECT_SOURCES,
  entities: ['CompletionFiling', 'Certificate'],
  fields: [
    { name: 'PrjFinishNum', label: '竣工备案编号', type: 'varchar(50)', constraint: 'M', sources: PROJECT_SOURCES, from: 'CompletionFiling.filingNumber' },
    { name: 'PrjNum', label: '项目编号', type: 'varchar(20)', constraint: 'M', sources: PROJECT_SOURCES, from: 'CompletionFiling.project.projectCode' },
    { name: 'BuilderLicenceNum', label: '施工许可证编号', type: 'varchar(50)', constraint: 'M', sources: PROJECT_SOURCES, from: 'the project\'s permit (a standing one first, then the latest)' },
    { name: 'QCCorpName', label: '质量检测机构名称', type: 'varchar(200)', constraint: 'C', sources: PROJECT_SOURCES, from: null },
    { name: 'QCCorpCode', label: '质量检测机构组织机构代码（社会信用代码）', type: 'varchar(18)', constraint: 'C', sources: PROJECT_SOURCES, from: null },
    { name: 'FactCost', label: '实际造价（万元）', type: 'decimal(15,4)', constraint: 'M', sources: PROJECT_SOURCES, from: 'CompletionFiling.actualCost' },
    { name: 'FactArea', label: '实际面积（平方米）', type: 'decimal(15,2)', constraint: 'M', sources: PROJECT_SOURCES, from: 'CompletionFiling.actualArea' },
    { name: 'FactSize', label: '实际建设规模', type: 'varchar(500)', constraint: 'O', sources: PROJECT_SOURCES, from: null },
    { name: 'PrjStructureTypeNum', label: '结构体系', type: 'char(3)', constraint: 'O', sources: PROJECT_SOURCES, from: null, note: '平台不记结构体系（字典 tbPrjStructureTypeDic 已收录）' },
    { name: 'BDate', label: '实际开工日期', type: 'date', constraint: 'M', sources: PROJECT_SOURCES, from: null, note: 'the platform keeps the planned start only' },
    { name: 'EDate', label: '实际竣工验收日期', type: 'date', constraint: 'M', sources: PROJECT_SOURCES, from: 'CompletionFiling.acceptedOn' },
    { name: 'Mark', label: '备注', type: 'varchar(500)', constraint: 'O', sources: PROJECT_SOURCES, from: 'when revoked: 已撤销： + the reason' },
    { name: 'CreateDate', label: '记录登记时间', type: 'date', constraint: 'M', sources: PROJECT_SOURCES, from: 'CompletionFiling.filedOn' },
    UPDATE_FLAG('CompletionFiling.status: ACTIVE → U, REVOKED or SUPERSEDED → D'),
  ],
  omitted: 'PKID, PrjFinishName, PrjFinishInnerNum, sbdqbm.',
} as const satisfies MinistryTable

export const XZCF = {
  name: 'xzcf',
  label: '行政处罚',
  sources: ['WUXI_2019'],
  entities: ['IntegrityRecord'],
  fields: [
    { name: 'ajNo', label: '案件编号', type: 'varchar(30)', constraint: null, sources: ['WUXI_2019'], from: 'IntegrityRecord.decisionNumber (文号)', note: 'the source marks it as the key (P)' },
    { name: 'prjNum', label: '项目编号', type: 'varchar(20)', constraint: 'M', sources: ['WUXI_2019'], from: 'IntegrityRecord.project.projectCode' },
    { name: 'wfwgxm', label: '违法违规项目名称', type: 'varchar(500)', constraint: 'M', sources: ['WUXI_2019'], from: 'IntegrityRecord.project.name' },
    { name: 'wfwgdwry', label: '违法违规单位/个人', type: 'varchar(200)', constraint: 'M', sources: ['WUXI_2019'], from: 'the name of the record\'s enterprise or person' },
    { name: 'zzjgdmSfzh', label: '单位组织机构代码/个人身份证号', type: 'varchar(20)', constraint: 'O', sources: ['WUXI_2019'], from: 'the enterprise\'s USCC or the person\'s ID number (in full)' },
    { name: 'wfxw', label: '违法行为', type: 'varchar(200)', constraint: 'M', sources: ['WUXI_2019'], from: 'IntegrityRecord.title' },
    { name: 'lasj', label: '立案时间', type: 'datetime', constraint: 'O', sources: ['WUXI_2019'], from: null },
    { name: 'jasj', label: '结案时间', type: 'datetime', constraint: 'O', sources: ['WUXI_2019'], from: 'IntegrityRecord.decidedOn (the decision\'s date)' },
    { name: 'updateFlag', label: '数据更新标识', type: 'char(1)', constraint: 'M', sources: ['WUXI_2019'], from: 'IntegrityRecord.status: ACTIVE → U, WITHDRAWN → D', note: 'U 新增或更新; D 删除' },
  ],
  note: 'The Wuxi data centre\'s penalty table, not a table of the ministry\'s basic database: no public source shows how those hold integrity records. Only BAD records go out; no table was found for GOOD ones.',
} as const satisfies MinistryTable

/** The tables in the order that keeps references valid: subjects, then projects, then stages, then records. */
export const MINISTRY_TABLES = [
  TB_CORP_BASIC_INFO,
  TB_CORP_CERT_INFO,
  TB_REG_PERSON_REG_INFO,
  TB_PROJECT_INFO,
  TB_CONTRACT_RECORD_MANAGE,
  TB_PROJECT_CENSOR_INFO,
  TB_BUILDER_LICENCE_MANAGE,
  TB_PROJECT_FINISH_MANAGE,
  XZCF,
] as const satisfies readonly MinistryTable[]

export type MinistryTableName = (typeof MINISTRY_TABLES)[number]['name']

export type Cell = string | number | null

/** A row of `T`: one value per field, keyed by the field's name. */
export type RowOf<T extends MinistryTable> = { [F in T['fields'][number] as F['name']]: Cell }

export type MinistryRow = Readonly<Record<string, Cell>>

export function ministryTable(name: MinistryTableName): MinistryTable {
  return MINISTRY_TABLES.find((t) => t.name === name)!
}

/** A field counts as confirmed when a source with an address names it. */
export function isConfirmed(field: MinistryField): boolean {
  return field.sources.some((id) => MINISTRY_SOURCES[id].repository !== null)
}

/** The row's values in the table's field order (what a CSV line holds). */
export function rowValues(table: MinistryTable, row: MinistryRow): Cell[] {
  return table.fields.map((f) => row[f.name] ?? null)
}
