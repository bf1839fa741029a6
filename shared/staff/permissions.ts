// Who may do what in the back office (issue 12, "Authorization, in one place"). Every use case
// that acts for staff asks `can(actor.role, permission)` through web/server/staff/authorize.ts;
// the UI only hides what this table forbids, it never decides.
//
// Region: an officer or reviewer acts for its authority's region; the province's authority acts for
// every region (and the out-of-province enterprises). Administrators and auditors have no business
// region: they manage accounts or read the audit log, province-wide.
import type { StaffRole } from '../domain/enums'

export const PERMISSIONS = {
  /** create, disable and reset staff accounts, end their sessions, issue and revoke exchange API tokens */
  'accounts.manage': ['PROVINCE_ADMIN'],
  /** register projects and record the five stages */
  'projects.write': ['REGION_OFFICER'],
  /** issue, revoke and re-issue certificates; print drafts */
  'certificates.write': ['REGION_OFFICER'],
  /** create and edit enterprises, practitioners, qualifications and registrations */
  'subjects.write': ['REGION_OFFICER'],
  /** record, correct and withdraw commendations and penalties */
  'records.write': ['REGION_OFFICER'],
  /** see a practitioner's full ID number and phone (each view audited) */
  'personal-data.view': ['REGION_OFFICER'],
  /** accept or reject objections and credit-repair requests */
  'objections.review': ['REVIEWER'],
  /** read the back office's lists and the region's work queue */
  'workspace.read': ['REGION_OFFICER', 'REVIEWER'],
  /** the province-wide table of permits and filings handled per region */
  'statistics.read': ['PROVINCE_ADMIN', 'REGION_OFFICER', 'REVIEWER', 'AUDITOR'],
  /** read, verify and export the audit log */
  'audit.read': ['AUDITOR'],
  /** upload files for bulk import and commit them (each kind also needs its own write permission) */
  'data.import': ['REGION_OFFICER'],
} as const satisfies Record<string, readonly StaffRole[]>

export type Permission = keyof typeof PERMISSIONS

export const PERMISSION_LABELS: Record<Permission, string> = {
  'accounts.manage': '管理工作人员账号和接口令牌',
  'projects.write': '登记项目和五个环节',
  'certificates.write': '签发、撤销、换发证书',
  'subjects.write': '维护企业和从业人员信息',
  'records.write': '记录良好和不良行为',
  'personal-data.view': '查看完整身份证号和联系电话',
  'objections.review': '审核异议和信用修复申请',
  'workspace.read': '查看本地区业务',
  'statistics.read': '查看各市县办理情况统计',
  'audit.read': '查看和导出审计日志',
  'data.import': '批量导入数据',
}

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role)
}

/** The permissions of a role, in the table's order (for the account page and the navigation). */
export function permissionsOf(role: StaffRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p))
}
