// The back office's navigation: each item names the permission its page requires, and an account
// sees only the items its role may open (the pages check again with requireActor). Engineers
// adding a back-office area add one line here.
import type { Route } from 'next'
import type { StaffRole } from '@shared/domain/enums'
import { can, type Permission } from '@shared/staff/permissions'

export interface StaffNavItem {
  href: Route
  label: string
  /** shown on the home page under the link */
  description: string
  /** null: every signed-in account */
  permission: Permission | null
}

export const STAFF_NAVIGATION: readonly StaffNavItem[] = [
  { href: '/admin', label: '工作台', description: '本账号可办理的业务', permission: null },
  { href: '/admin/projects', label: '项目管理', description: '登记项目，办理合同备案、施工图审查、质量安全报监、施工许可和竣工验收备案，打印、撤销、换发证书', permission: 'workspace.read' },
  { href: '/admin/enterprises', label: '企业管理', description: '本地区企业的基本信息和资质：查询、登记、修改', permission: 'workspace.read' },
  { href: '/admin/practitioners', label: '从业人员管理', description: '本地区从业人员和执业注册：查询、登记、修改；查看完整身份信息（记入审计日志）', permission: 'workspace.read' },
  { href: '/admin/records', label: '诚信记录', description: '记录良好行为和不良行为，更正、撤销记录；信用等级随之重算', permission: 'workspace.read' },
  { href: '/admin/imports', label: '批量导入', description: '从 Excel 或 CSV 文件批量导入企业、人员、项目、五个环节和诚信记录：先预检、列出问题，再全部导入', permission: 'data.import' },
  { href: '/admin/objections', label: '异议审核', description: '异议和信用修复申请：按提交先后排队，显示答复剩余天数；采纳或不予采纳', permission: 'objections.review' },
  { href: '/admin/statistics', label: '办理情况统计', description: '各市县施工许可及竣工验收备案网上办理情况统计表：本月、本年与上年同期，标出落后市县，可导出 Excel', permission: 'statistics.read' },
  { href: '/admin/audit', label: '审计日志', description: '校验审计日志哈希链，按操作、对象、用户、日期查询，导出 CSV', permission: 'audit.read' },
  { href: '/admin/accounts', label: '账号管理', description: '创建、停用、启用工作人员账号，重置密码，结束登录会话', permission: 'accounts.manage' },
  { href: '/admin/accounts/tokens', label: '接口令牌', description: '为其他部门的系统签发、吊销数据交换接口令牌（限定地区、权限和有效期）', permission: 'accounts.manage' },
  { href: '/admin/password', label: '修改密码', description: '修改本账号的登录密码；本账号在其他地方的登录随之结束', permission: null },
]

/** The items a role may open, in order. */
export function navigationFor(role: StaffRole): StaffNavItem[] {
  return STAFF_NAVIGATION.filter((item) => item.permission === null || can(role, item.permission))
}
