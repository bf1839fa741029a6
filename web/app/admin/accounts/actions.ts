'use server'
// Account management's server actions (PROVINCE_ADMIN): each a staffAction around one use case.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { accountIdSchema, createAccountSchema, resetPasswordSchema } from '@shared/staff-forms/accounts'
import { staffAction } from '@web/lib/staff/staff-action'
import { createAccount } from '@web/server/accounts/create-account'
import { endAccountSessions } from '@web/server/accounts/end-account-sessions'
import { resetAccountPassword } from '@web/server/accounts/reset-account-password'
import { setAccountActive } from '@web/server/accounts/set-account-active'

const ONE_TIME_NOTE = '（只显示这一次：请当面或经安全渠道交给本人，首次登录须修改密码并绑定动态口令）'

export const createAccountAction = staffAction('accounts.manage', createAccountSchema, async (db, actor, input) => {
  const { oneTimePassword } = await createAccount(db, actor, input)
  revalidatePath('/admin/accounts')
  return `已创建账号 ${input.username}。一次性密码：${oneTimePassword}${ONE_TIME_NOTE}`
})

const activeSchema = accountIdSchema.extend({ active: z.enum(['true', 'false']).transform((v) => v === 'true') })

export const setAccountActiveAction = staffAction('accounts.manage', activeSchema, async (db, actor, input) => {
  await setAccountActive(db, actor, input.userId, input.active)
  revalidatePath('/admin/accounts')
  return input.active ? '账号已启用' : '账号已停用，其登录会话已全部结束'
})

export const resetPasswordAction = staffAction('accounts.manage', resetPasswordSchema, async (db, actor, input) => {
  const { oneTimePassword } = await resetAccountPassword(db, actor, input)
  revalidatePath('/admin/accounts')
  return `密码已重置${input.resetTotp ? '，动态口令已解绑' : ''}。一次性密码：${oneTimePassword}${ONE_TIME_NOTE}`
})

export const endSessionsAction = staffAction('accounts.manage', accountIdSchema, async (db, actor, input) => {
  const ended = await endAccountSessions(db, actor, input.userId)
  revalidatePath('/admin/accounts')
  return ended > 0 ? `已结束 ${ended} 个登录会话` : '该账号没有进行中的登录会话'
})
