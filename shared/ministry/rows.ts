// The platform's entities as rows of the exchange tables (tables.ts says, field by field, where
// each value comes from and why a field is empty). Values follow the documented type: int fields
// are numbers, decimal fields decimal strings (amounts exactly as stored), dates 'YYYY-MM-DD',
// everything else strings; null is an empty field.
import {
  PARTICIPANT_ROLE_TO_CONTRACT_TYPE,
  PROJECT_CATEGORY_TO_PRJ_TYPE,
  REGISTRATION_TYPE_TO_SPECIALTY_TYPE,
  RESIDENT_ID_CARD_TYPE,
  updateFlagOf,
} from './code-tables'
import type {
  MinistryCompletionFiling,
  MinistryContractFiling,
  MinistryDrawingReview,
  MinistryEnterprise,
  MinistryPenalty,
  MinistryPermit,
  MinistryProject,
  MinistryQualification,
  MinistryRegistration,
} from './entities'
import { ministryRegionOf } from './regions'
import type {
  RowOf,
  TB_BUILDER_LICENCE_MANAGE,
  TB_CONTRACT_RECORD_MANAGE,
  TB_CORP_BASIC_INFO,
  TB_CORP_CERT_INFO,
  TB_PROJECT_CENSOR_INFO,
  TB_PROJECT_FINISH_MANAGE,
  TB_PROJECT_INFO,
  TB_REG_PERSON_REG_INFO,
  XZCF,
} from './tables'

/** An int field holding a region code (TBProjectInfo documents ProvinceNum … as int). */
const regionInt = (code: string | null) => (code === null ? null : Number(code))
/** An area in m² as a decimal string; the schema stores areas as floats. */
const area = (value: number | null) => (value === null ? null : String(value))

export function toTBCorpBasicInfoRow(e: MinistryEnterprise): RowOf<typeof TB_CORP_BASIC_INFO> {
  const region = ministryRegionOf(e.regionCode)
  return {
    CorpName: e.name,
    CorpCode: e.uscc,
    LicenseNum: e.uscc,
    ProvinceNum: region.province,
    CityNum: region.city,
    CountyNum: region.county,
    Address: e.registeredAddress,
    PostalCode: null,
    LegalMan: e.legalRepresentative,
    IDCardTypeNum: null,
    LegalManIDCard: null,
    LegalManDuty: null,
    LegaManProTitle: null,
    EconomicNum: null,
    RegPrin: e.registeredCapital,
    FactRegPrin: null,
    PrincipalUnitNum: null,
    CorpBirthDate: e.establishedOn,
    OfficePhone: null,
    Fax: null,
    LinkMan: null,
    LinkTel: null,
    LinkPhone: null,
    EMail: null,
    Url: null,
    Description: null,
  }
}

export function toTBCorpCertInfoRow(q: MinistryQualification): RowOf<typeof TB_CORP_CERT_INFO> {
  return {
    CorpName: q.enterprise.name,
    CorpCode: q.enterprise.uscc,
    CertTypeNum: null,
    CertID: q.certificateNumber,
    TitleLevelNum: null,
    OrganName: q.issuedBy,
    CertName: `${q.category}${q.grade}`,
    OrganDate: q.issuedOn,
    EndDate: q.validUntil,
  }
}

export function toTBRegPersonRegInfoRow(r: MinistryRegistration): RowOf<typeof TB_REG_PERSON_REG_INFO> {
  return {
    PersonName: r.person.name,
    IDCardTypeNum: RESIDENT_ID_CARD_TYPE,
    IDCard18: r.person.idNumber,
    SpecialtyTypNum: REGISTRATION_TYPE_TO_SPECIALTY_TYPE[r.type],
    CertNum: r.number,
    AwardDate: r.issuedOn,
    AwardDepart: null,
    StampNum: null,
    EffectDate: r.validUntil,
    CorpName: r.employer?.name ?? null,
    CorpCode: r.employer?.uscc ?? null,
    RegTradeTypeNum: null,
  }
}

export function toTBProjectInfoRow(p: MinistryProject): RowOf<typeof TB_PROJECT_INFO> {
  const region = ministryRegionOf(p.regionCode)
  return {
    PrjNum: p.projectCode,
    PrjName: p.name,
    PrjTypeNum: PROJECT_CATEGORY_TO_PRJ_TYPE[p.category],
    BuildCorpName: p.owner.name,
    BuildCorpCode: p.owner.uscc,
    ProvinceNum: regionInt(region.province),
    CityNum: regionInt(region.city),
    CountyNum: regionInt(region.county),
    PrjApprovalNum: null,
    PrjApprovalLevelNum: null,
    BuldPlanNum: null,
    ProjectPlanNum: null,
    AllInvest: p.investment,
    AllArea: area(p.floorArea),
    PrjSize: null,
    PrjPropertyNum: null,
    PrjFunctionNum: null,
    BDate: null,
    EDate: null,
    CreateDate: p.registeredOn,
    UpdateFlag: 'U',
  }
}

export function toTBContractRecordManageRow(c: MinistryContractFiling): RowOf<typeof TB_CONTRACT_RECORD_MANAGE> {
  return {
    RecordNum: c.filingNumber,
    PrjNum: c.projectCode,
    ContractNum: null,
    ContractTypeNum: PARTICIPANT_ROLE_TO_CONTRACT_TYPE[c.partyRole],
    ContractMoney: c.contractPrice,
    PrjSize: null,
    ContractDate: c.signedOn,
    PropietorCorpName: c.owner.name,
    PropietorCorpCode: c.owner.uscc,
    ContractorCorpName: c.party.name,
    ContractorCorpCode: c.party.uscc,
    UnionCorpName: null,
    UnionCorpCode: null,
    CreateDate: c.filedOn,
    UpdateFlag: updateFlagOf(c.status),
  }
}

export function toTBProjectCensorInfoRow(d: MinistryDrawingReview): RowOf<typeof TB_PROJECT_CENSOR_INFO> {
  return {
    CensorNum: d.certificateNumber,
    PrjNum: d.projectCode,
    CensorCorpName: d.reviewAgency,
    CensorCorpCode: null,
    CensorEDate: d.passedOn,
    PrjSize: null,
    EconCorpName: d.survey?.name ?? null,
    EconCorpCode: d.survey?.uscc ?? null,
    DesignCorpName: d.design?.name ?? null,
    DesignCorpCode: d.design?.uscc ?? null,
    OneCensorIsPass: d.issueCount === 0 ? 1 : 0,
    OneCensorWfqtCount: null,
    OneCensorWfqtContent: null,
    CreateDate: d.passedOn,
    UpdateFlag: updateFlagOf(d.status),
  }
}

export function toTBBuilderLicenceManageRow(p: MinistryPermit): RowOf<typeof TB_BUILDER_LICENCE_MANAGE> {
  return {
    BuilderLicenceNum: p.permitNumber,
    PrjNum: p.projectCode,
    BuldPlanNum: null,
    ProjectPlanNum: null,
    CensorNum: p.drawingReviewNumber,
    ContractMoney: p.contractPrice,
    Area: area(p.floorArea),
    PrjSize: p.scale,
    IssueCertDate: p.issuedOn,
    EconCorpName: p.survey?.name ?? null,
    EconCorpCode: p.survey?.uscc ?? null,
    DesignCorpName: p.design?.name ?? null,
    DesignCorpCode: p.design?.uscc ?? null,
    ConsCorpName: p.contractor.name,
    ConsCorpCode: p.contractor.uscc,
    SafetyCerID: null,
    SuperCorpName: p.supervisor?.name ?? null,
    SuperCorpCode: p.supervisor?.uscc ?? null,
    ConstructorName: p.projectManager.name,
    CIDCardTypeNum: RESIDENT_ID_CARD_TYPE,
    ConstructorIDCard: p.projectManager.idNumber,
    SupervisionName: p.chiefSupervisor?.name ?? null,
    SIDCardTypeNum: p.chiefSupervisor ? RESIDENT_ID_CARD_TYPE : null,
    SupervisionIDCard: p.chiefSupervisor?.idNumber ?? null,
    CreateDate: p.issuedOn,
    UpdateFlag: updateFlagOf(p.status),
  }
}

export function toTBProjectFinishManageRow(f: MinistryCompletionFiling): RowOf<typeof TB_PROJECT_FINISH_MANAGE> {
  return {
    PrjFinishNum: f.filingNumber,
    PrjNum: f.projectCode,
    BuilderLicenceNum: f.permitNumber,
    QCCorpName: null,
    QCCorpCode: null,
    FactCost: f.actualCost,
    FactArea: area(f.actualArea),
    FactSize: null,
    PrjStructureTypeNum: null,
    BDate: null,
    EDate: f.acceptedOn,
    Mark: f.status === 'REVOKED' ? `已撤销：${f.revocationReason ?? ''}` : null,
    CreateDate: f.filedOn,
    UpdateFlag: updateFlagOf(f.status),
  }
}

export function toXzcfRow(r: MinistryPenalty): RowOf<typeof XZCF> {
  return {
    ajNo: r.decisionNumber,
    prjNum: r.project?.projectCode ?? null,
    wfwgxm: r.project?.name ?? null,
    wfwgdwry: r.subject.name,
    zzjgdmSfzh: r.subject.code,
    wfxw: r.title,
    lasj: null,
    jasj: r.decidedOn,
    updateFlag: updateFlagOf(r.status),
  }
}
