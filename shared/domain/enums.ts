// Domain enums as zod schemas with their Chinese labels.
//
// The string values are exactly those of the enums in prisma/schema.prisma, so a value read
// from the database parses here and a parsed value can be written back; change both places
// together. Each enum exports: the values (readonly tuple, in display order), the zod
// schema, the TS type and a label map typed Record<Value, string> (so adding a value without
// a label fails to compile).

// Every schema is built under /*#__PURE__*/: the mini-program imports this module's plain
// values and functions, and the annotation lets its bundler drop the unused schemas and with
// them the classic zod API (~70 KB of its 400 KB main package, issue 15). Keep it on new ones.
import { z } from 'zod'

// ---------------------------------------------------------------- enterprises and projects

export const ENTERPRISE_TYPES = [
  'OWNER',
  'SURVEY',
  'DESIGN',
  'CONTRACTOR',
  'SUPERVISOR',
  'TENDER_AGENT',
  'LANDSCAPING',
  'COST_CONSULTANT',
  'QUALITY_TESTING',
] as const
export const enterpriseTypeSchema = /*#__PURE__*/ z.enum(ENTERPRISE_TYPES, { error: '企业类型无效' })
export type EnterpriseType = z.infer<typeof enterpriseTypeSchema>
export const ENTERPRISE_TYPE_LABELS: Record<EnterpriseType, string> = {
  OWNER: '建设单位',
  SURVEY: '勘察单位',
  DESIGN: '设计单位',
  CONTRACTOR: '施工单位',
  SUPERVISOR: '监理单位',
  TENDER_AGENT: '招标代理机构',
  LANDSCAPING: '园林绿化企业',
  COST_CONSULTANT: '造价咨询企业',
  QUALITY_TESTING: '质量检测机构',
}

/** Roles of enterprises on a project; a subset of EnterpriseType with the same values. */
export const PARTICIPANT_ROLES = ['OWNER', 'SURVEY', 'DESIGN', 'CONTRACTOR', 'SUPERVISOR'] as const
export const participantRoleSchema = /*#__PURE__*/ z.enum(PARTICIPANT_ROLES, { error: '参建角色无效' })
export type ParticipantRole = z.infer<typeof participantRoleSchema>
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  OWNER: '建设单位',
  SURVEY: '勘察单位',
  DESIGN: '设计单位',
  CONTRACTOR: '施工单位',
  SUPERVISOR: '监理单位',
}

export const PROJECT_CATEGORIES = ['BUILDING', 'MUNICIPAL'] as const
export const projectCategorySchema = /*#__PURE__*/ z.enum(PROJECT_CATEGORIES, { error: '工程类别无效' })
export type ProjectCategory = z.infer<typeof projectCategorySchema>
export const PROJECT_CATEGORY_LABELS: Record<ProjectCategory, string> = {
  BUILDING: '房屋建筑工程',
  MUNICIPAL: '市政基础设施工程',
}

export const REGION_LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'ZONE'] as const
export const regionLevelSchema = /*#__PURE__*/ z.enum(REGION_LEVELS, { error: '行政区划级别无效' })
export type RegionLevel = z.infer<typeof regionLevelSchema>
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  PROVINCE: '省',
  CITY: '地级市',
  COUNTY: '县级',
  ZONE: '园区',
}

// ---------------------------------------------------------------- stages and certificates

/** Status of a record of one of the five stages. */
export const STAGE_STATUSES = ['ACTIVE', 'REVOKED', 'SUPERSEDED'] as const
export const stageStatusSchema = /*#__PURE__*/ z.enum(STAGE_STATUSES, { error: '办理状态无效' })
export type StageStatus = z.infer<typeof stageStatusSchema>
export const STAGE_STATUS_LABELS: Record<StageStatus, string> = {
  ACTIVE: '有效',
  REVOKED: '已撤销',
  SUPERSEDED: '已变更',
}

export const CERTIFICATE_TYPES = ['CONSTRUCTION_PERMIT', 'COMPLETION_FILING'] as const
export const certificateTypeSchema = /*#__PURE__*/ z.enum(CERTIFICATE_TYPES, { error: '证书类型无效' })
export type CertificateType = z.infer<typeof certificateTypeSchema>
export const CERTIFICATE_TYPE_LABELS: Record<CertificateType, string> = {
  CONSTRUCTION_PERMIT: '建筑工程施工许可证',
  COMPLETION_FILING: '竣工验收备案证明',
}

export const CERTIFICATE_STATUSES = ['VALID', 'REVOKED', 'SUPERSEDED', 'EXPIRED'] as const
export const certificateStatusSchema = /*#__PURE__*/ z.enum(CERTIFICATE_STATUSES, { error: '证书状态无效' })
export type CertificateStatus = z.infer<typeof certificateStatusSchema>
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  VALID: '有效',
  REVOKED: '已撤销',
  SUPERSEDED: '已更换',
  EXPIRED: '已过期',
}

/** Certificate events appended to the transparency log (docs/transparency-log.md). */
export const LOG_EVENTS = ['ISSUED', 'SUPERSEDED', 'REVOKED'] as const
export const logEventSchema = /*#__PURE__*/ z.enum(LOG_EVENTS, { error: '日志事件无效' })
export type LogEvent = z.infer<typeof logEventSchema>
export const LOG_EVENT_LABELS: Record<LogEvent, string> = {
  ISSUED: '颁发',
  SUPERSEDED: '变更',
  REVOKED: '撤销',
}

// ---------------------------------------------------------------- integrity records

export const RECORD_KINDS = ['GOOD', 'BAD'] as const
export const recordKindSchema = /*#__PURE__*/ z.enum(RECORD_KINDS, { error: '记录类别无效' })
export type RecordKind = z.infer<typeof recordKindSchema>
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  GOOD: '良好行为',
  BAD: '不良行为',
}

/** Whether a record counts: WITHDRAWN records (e.g. after a successful objection) do not. */
export const RECORD_STATUSES = ['ACTIVE', 'WITHDRAWN'] as const
export const recordStatusSchema = /*#__PURE__*/ z.enum(RECORD_STATUSES, { error: '记录状态无效' })
export type RecordStatus = z.infer<typeof recordStatusSchema>
export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  ACTIVE: '有效',
  WITHDRAWN: '已撤回',
}

export const SUBJECT_TYPES = ['ENTERPRISE', 'PERSON'] as const
export const subjectTypeSchema = /*#__PURE__*/ z.enum(SUBJECT_TYPES, { error: '主体类型无效' })
export type SubjectType = z.infer<typeof subjectTypeSchema>
export const SUBJECT_TYPE_LABELS: Record<SubjectType, string> = {
  ENTERPRISE: '企业',
  PERSON: '从业人员',
}

/** 异议 (the record is wrong) or 信用修复 (ended early after rectification). */
export const OBJECTION_KINDS = ['OBJECTION', 'REPAIR'] as const
export const objectionKindSchema = /*#__PURE__*/ z.enum(OBJECTION_KINDS, { error: '申请类型应为 OBJECTION（异议）或 REPAIR（信用修复）' })
export type ObjectionKind = z.infer<typeof objectionKindSchema>
export const OBJECTION_KIND_LABELS: Record<ObjectionKind, string> = {
  OBJECTION: '异议申请',
  REPAIR: '信用修复申请',
}

export const OBJECTION_STATUSES = ['SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED'] as const
export const objectionStatusSchema = /*#__PURE__*/ z.enum(OBJECTION_STATUSES, { error: '办理状态无效' })
export type ObjectionStatus = z.infer<typeof objectionStatusSchema>
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  SUBMITTED: '已提交',
  UNDER_REVIEW: '审核中',
  ACCEPTED: '已采纳',
  REJECTED: '未予采纳',
}

// ---------------------------------------------------------------- people

export const KEY_PERSON_ROLES = [
  'PROJECT_MANAGER',
  'CHIEF_SUPERVISOR',
  'TECHNICAL_LEAD',
  'SAFETY_OFFICER',
  'DESIGN_LEAD',
  'SURVEY_LEAD',
] as const
export const keyPersonRoleSchema = /*#__PURE__*/ z.enum(KEY_PERSON_ROLES, { error: '岗位无效' })
export type KeyPersonRole = z.infer<typeof keyPersonRoleSchema>
export const KEY_PERSON_ROLE_LABELS: Record<KeyPersonRole, string> = {
  PROJECT_MANAGER: '项目经理',
  CHIEF_SUPERVISOR: '总监理工程师',
  TECHNICAL_LEAD: '技术负责人',
  SAFETY_OFFICER: '安全员',
  DESIGN_LEAD: '设计负责人',
  SURVEY_LEAD: '勘察负责人',
}

export const REGISTRATION_TYPES = [
  'CONSTRUCTOR_1',
  'CONSTRUCTOR_2',
  'SUPERVISION_ENGINEER',
  'ARCHITECT_1',
  'STRUCTURAL_ENGINEER_1',
  'COST_ENGINEER_1',
  'SURVEY_ENGINEER',
  'SAFETY_ENGINEER',
] as const
export const registrationTypeSchema = /*#__PURE__*/ z.enum(REGISTRATION_TYPES, { error: '注册类别无效' })
export type RegistrationType = z.infer<typeof registrationTypeSchema>
export const REGISTRATION_TYPE_LABELS: Record<RegistrationType, string> = {
  CONSTRUCTOR_1: '一级注册建造师',
  CONSTRUCTOR_2: '二级注册建造师',
  SUPERVISION_ENGINEER: '注册监理工程师',
  ARCHITECT_1: '一级注册建筑师',
  STRUCTURAL_ENGINEER_1: '一级注册结构工程师',
  COST_ENGINEER_1: '一级造价工程师',
  SURVEY_ENGINEER: '注册土木工程师(岩土)',
  SAFETY_ENGINEER: '注册安全工程师',
}

// ---------------------------------------------------------------- staff

export const STAFF_ROLES = ['PROVINCE_ADMIN', 'REGION_OFFICER', 'REVIEWER', 'AUDITOR'] as const
export const staffRoleSchema = /*#__PURE__*/ z.enum(STAFF_ROLES, { error: '人员角色无效' })
export type StaffRole = z.infer<typeof staffRoleSchema>
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  PROVINCE_ADMIN: '系统管理员',
  REGION_OFFICER: '业务经办人',
  REVIEWER: '异议审核人',
  AUDITOR: '审计员',
}

export const SESSION_STAGES = ['PASSWORD_CHANGE', 'TOTP_ENROLMENT', 'TOTP', 'ACTIVE'] as const
export const sessionStageSchema = /*#__PURE__*/ z.enum(SESSION_STAGES)
export type SessionStage = z.infer<typeof sessionStageSchema>
export const SESSION_STAGE_LABELS: Record<SessionStage, string> = {
  PASSWORD_CHANGE: '待修改初始密码',
  TOTP_ENROLMENT: '待绑定动态口令',
  TOTP: '待输入动态口令',
  ACTIVE: '已登录',
}

/** A bulk import job's state (web/server/import). */
export const IMPORT_JOB_STATUSES = ['UPLOADED', 'VALIDATING', 'VALID', 'INVALID', 'COMMITTING', 'COMMITTED', 'FAILED'] as const
export const importJobStatusSchema = /*#__PURE__*/ z.enum(IMPORT_JOB_STATUSES)
export type ImportJobStatus = z.infer<typeof importJobStatusSchema>
export const IMPORT_JOB_STATUS_LABELS: Record<ImportJobStatus, string> = {
  UPLOADED: '等待预检',
  VALIDATING: '正在预检',
  VALID: '预检通过，待确认导入',
  INVALID: '预检未通过',
  COMMITTING: '正在导入',
  COMMITTED: '已导入',
  FAILED: '导入失败',
}
