// The 修改密码 form of a signed-in staff member: the current password, then the new one twice under
// the rules of every staff password (shared/staff/password-policy.ts). The rules name the account's
// username, which the form does not carry, so the server action only checks that the three fields
// came (passwordChangeFields) and the use case applies passwordChangeSchema with the signed-in name.
import { z } from 'zod'
import { changePasswordSchema } from '../staff/password-policy'

const currentPassword = z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码')

export const passwordChangeFields = z.object({
  currentPassword,
  password: z.string({ error: '请输入新密码' }),
  confirm: z.string({ error: '请再次输入新密码' }),
})

export type PasswordChangeInput = z.input<typeof passwordChangeFields>

export function passwordChangeSchema(username: string) {
  return changePasswordSchema(username).safeExtend({ currentPassword })
}
