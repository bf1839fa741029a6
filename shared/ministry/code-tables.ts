// The ministry's code tables (数据字典表) that the exported fields use, as printed in the Wuxi
// exchange standard's 基础数据字典表 (sources.ts WUXI_2019), and the platform value each code
// stands for. A platform value without a code maps to null: the field goes out empty and
// docs/ministry-export.md lists it under "Not yet known" rather than guessing a code.
import type { ParticipantRole, ProjectCategory, RecordStatus, RegistrationType, StageStatus } from '../domain/enums'
import type { MinistrySourceId } from './sources'

export interface CodeTable {
  /** the 字典表 name as the sources spell it */
  name: string
  label: string
  source: MinistrySourceId
  /** code → meaning, in the source's order */
  codes: ReadonlyArray<readonly [code: string, meaning: string]>
}

/** tbPrjTypeDic 项目分类 (TBProjectInfo.PrjTypeNum). */
export const PRJ_TYPE_DIC = {
  name: 'tbPrjTypeDic',
  label: '项目分类',
  source: 'WUXI_2019',
  codes: [
    ['01', '房屋建筑工程'],
    ['02', '市政工程'],
    ['99', '其他'],
  ],
} as const satisfies CodeTable

/** tbPrjStructureTypeDic 结构体系 (TBProjectFinishManage.PrjStructureTypeNum); the platform records no structure. */
export const PRJ_STRUCTURE_TYPE_DIC = {
  name: 'tbPrjStructureTypeDic',
  label: '结构体系',
  source: 'WUXI_2019',
  codes: [
    ['001', '砖混结构'],
    ['002', '底框结构'],
    ['003', '框架结构'],
    ['004', '框架－剪力墙结构'],
    ['005', '剪力墙结构'],
    ['006', '板柱-剪力墙结构'],
    ['007', '短肢墙剪力墙结构'],
    ['008', '部分框支剪力墙结构'],
    ['009', '框-筒体结构'],
    ['010', '筒中筒结构'],
    ['011', '异型柱框架结构'],
    ['012', '复杂高层结构'],
    ['013', '混合结构'],
    ['014', '钢结构'],
    ['015', '排架结构'],
    ['099', '其他'],
  ],
} as const satisfies CodeTable

/** tbContractTypeDic 合同类别 (TBContractRecordManage.ContractTypeNum). */
export const CONTRACT_TYPE_DIC = {
  name: 'tbContractTypeDic',
  label: '合同类别',
  source: 'WUXI_2019',
  codes: [
    ['100', '勘察'],
    ['200', '设计'],
    ['301', '施工总包'],
    ['302', '专业分包'],
    ['303', '施工劳务'],
    ['304', '专业承包'],
    ['400', '监理'],
    ['500', '设计施工一体化'],
    ['600', '工程总承包'],
    ['700', '项目管理'],
  ],
} as const satisfies CodeTable

/** tbLxjbDic 立项级别 (TBProjectInfo.PrjApprovalLevelNum); the platform records none. */
export const LXJB_DIC = {
  name: 'tbLxjbDic',
  label: '立项级别',
  source: 'WUXI_2019',
  codes: [
    ['001', '部级'],
    ['002', '省级'],
    ['003', '地市级'],
    ['004', '区县级'],
  ],
} as const satisfies CodeTable

/** tbPrjPropertyDic 建设性质 (TBProjectInfo.PrjPropertyNum); the platform records none. */
export const PRJ_PROPERTY_DIC = {
  name: 'tbPrjPropertyDic',
  label: '建设性质',
  source: 'WUXI_2019',
  codes: [
    ['001', '新建'],
    ['002', '改建'],
    ['003', '扩建'],
    ['004', '恢复'],
    ['005', '迁建'],
    ['006', '拆除'],
    ['099', '其他'],
  ],
} as const satisfies CodeTable

/** tbPrjFunctionDic 工程用途 (TBProjectInfo.PrjFunctionNum); the platform records none. The two 其他 differ by 所属项目分类, in brackets. */
export const PRJ_FUNCTION_DIC = {
  name: 'tbPrjFunctionDic',
  label: '工程用途',
  source: 'WUXI_2019',
  codes: [
    ['100', '居住建筑'],
    ['200', '居住建筑配套工程'],
    ['300', '公共建筑'],
    ['301', '办公建筑'],
    ['302', '商业建筑'],
    ['303', '旅游建筑'],
    ['304', '科教文卫建筑'],
    ['305', '交通运输类'],
    ['306', '通信建筑'],
    ['307', '公共建筑配套工程'],
    ['400', '商住楼'],
    ['500', '农业建筑'],
    ['600', '农业建筑配套工程'],
    ['700', '工业建筑'],
    ['800', '工业建筑配套工程'],
    ['999', '其他（房屋建筑）'],
    ['010', '给水'],
    ['011', '排水'],
    ['012', '燃气'],
    ['013', '热力'],
    ['014', '道路'],
    ['015', '桥隧'],
    ['016', '风景园林'],
    ['017', '环境园林'],
    ['018', '公共交通'],
    ['099', '其他（市政工程）'],
  ],
} as const satisfies CodeTable

/** tbIDCardTypeDic 人员证件类型 (every *IDCardTypeNum field). */
export const ID_CARD_TYPE_DIC = {
  name: 'tbIDCardTypeDic',
  label: '人员证件类型',
  source: 'WUXI_2019',
  codes: [
    ['1', '身份证'],
    ['2', '军官证'],
    ['3', '护照'],
    ['4', '台湾居民身份证'],
    ['5', '香港永久性居民身份证'],
    ['6', '警官证'],
    ['9', '其他'],
  ],
} as const satisfies CodeTable

/** tbSpecialtyTypeDic 注册人员注册类型及等级 (TBRegPersonRegInfo.SpecialtyTypNum). */
export const SPECIALTY_TYPE_DIC = {
  name: 'tbSpecialtyTypeDic',
  label: '注册人员注册类型及等级',
  source: 'WUXI_2019',
  codes: [
    ['1', '一级注册建筑师'],
    ['2', '二级注册建筑师'],
    ['11', '一级注册结构工程师'],
    ['12', '二级注册结构师'],
    ['21', '注册土木工程师（岩土）'],
    ['22', '注册土木工程师（港口与航道工程）'],
    ['31', '注册公用设备工程师（暖通空调）'],
    ['32', '注册公用设备工程师（给水排水）'],
    ['33', '注册公用设备工程师（动力）'],
    ['41', '注册电气工程师（发输变电）'],
    ['42', '注册电气工程师（供配电）'],
    ['61', '注册化工工程师'],
    ['81', '注册建造师（一级）'],
    ['82', '注册建造师（二级）'],
    ['71', '注册监理工程师'],
    ['91', '造价工程师'],
    ['83', '注册建造师（一级临时）'],
    ['84', '注册建造师（二级临时）'],
  ],
} as const satisfies CodeTable

export const MINISTRY_CODE_TABLES: readonly CodeTable[] = [
  PRJ_TYPE_DIC,
  PRJ_STRUCTURE_TYPE_DIC,
  CONTRACT_TYPE_DIC,
  LXJB_DIC,
  PRJ_PROPERTY_DIC,
  PRJ_FUNCTION_DIC,
  ID_CARD_TYPE_DIC,
  SPECIALTY_TYPE_DIC,
]

type CodeOf<T extends CodeTable> = T['codes'][number][0]

export const PROJECT_CATEGORY_TO_PRJ_TYPE: Record<ProjectCategory, CodeOf<typeof PRJ_TYPE_DIC>> = {
  BUILDING: '01',
  MUNICIPAL: '02',
}

/**
 * The party of a platform contract filing is the one the owner contracted with, so a
 * contractor's filing is the 施工总包 contract; the owner is never the contracted party.
 */
export const PARTICIPANT_ROLE_TO_CONTRACT_TYPE: Record<ParticipantRole, CodeOf<typeof CONTRACT_TYPE_DIC> | null> = {
  OWNER: null,
  SURVEY: '100',
  DESIGN: '200',
  CONTRACTOR: '301',
  SUPERVISOR: '400',
}

/**
 * 一级造价工程师 maps to 91 造价工程师: the dictionary predates the 2018 split into 一级 and 二级.
 * 注册安全工程师 has no code in the dictionary.
 */
export const REGISTRATION_TYPE_TO_SPECIALTY_TYPE: Record<RegistrationType, CodeOf<typeof SPECIALTY_TYPE_DIC> | null> = {
  CONSTRUCTOR_1: '81',
  CONSTRUCTOR_2: '82',
  SUPERVISION_ENGINEER: '71',
  ARCHITECT_1: '1',
  STRUCTURAL_ENGINEER_1: '11',
  COST_ENGINEER_1: '91',
  SURVEY_ENGINEER: '21',
  SAFETY_ENGINEER: null,
}

/** The platform keeps 居民身份证 numbers only (GB 11643, validated on entry). */
export const RESIDENT_ID_CARD_TYPE: CodeOf<typeof ID_CARD_TYPE_DIC> = '1'

/**
 * 数据更新标识 of the Wuxi/Jiangsu profile: U 新增或更新, D 删除. A revoked, superseded or
 * withdrawn record no longer stands, and D is the only documented way to say so.
 */
export type UpdateFlag = 'U' | 'D'
export function updateFlagOf(status: StageStatus | RecordStatus): UpdateFlag {
  return status === 'ACTIVE' ? 'U' : 'D'
}
