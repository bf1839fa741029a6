'use server'
// Exchange API token management's server actions (PROVINCE_ADMIN): each a staffAction around one use case.
import { revalidatePath } from 'next/cache'
import { apiTokenIdSchema, createApiTokenSchema } from '@shared/staff-forms/api-tokens'
import { staffAction } from '@web/lib/staff/staff-action'
import { createApiToken } from '@web/server/api-tokens/create-api-token'
import { revokeApiToken } from '@web/server/api-tokens/revoke-api-token'

export const createApiTokenAction = staffAction('accounts.manage', createApiTokenSchema, async (db, actor, input) => {
  const { token, serviceUsername } = await createApiToken(db, actor, input)
  revalidatePath('/admin/accounts/tokens')
  return `已创建令牌“${input.name}”（服务账号 ${serviceUsername}）。\n令牌：${token}\n只显示这一次：请立即复制并经安全渠道交给对方系统的管理员，关闭本页后无法再次查看；遗失只能撤销后重新创建。`
})

export const revokeApiTokenAction = staffAction('accounts.manage', apiTokenIdSchema, async (db, actor, input) => {
  await revokeApiToken(db, actor, input.tokenId)
  revalidatePath('/admin/accounts/tokens')
  return '令牌已撤销，使用它的请求立即被拒绝'
})
