// The staff account forms (/admin/accounts) and the create-admin command validate with these.
import { z } from 'zod'
import { staffRoleSchema } from '../domain/enums'
import { plainString } from '../validators/text'

export const usernameSchema = z
  .string({ error: '请输入用户名' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名为 3–32 位小写字母、数字或 . _ -，以字母开头')

export const displayNameSchema = plainString('姓名', '请输入姓名').trim().min(1, '请输入姓名').max(50, '姓名不能超过 50 个字')

export const createAccountSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: staffRoleSchema,
    authorityId: plainString('所属主管部门').trim().nullish().transform((v) => v || null),
  })
  .refine((v) => v.authorityId !== null, { path: ['authorityId'], message: '请选择所属主管部门' })

export type CreateAccountInput = z.input<typeof createAccountSchema>

export const accountIdSchema = z.object({ userId: plainString('账号', '请选择账号').trim().min(1, '请选择账号') })

export const resetPasswordSchema = z.object({
  userId: plainString('账号', '请选择账号').trim().min(1, '请选择账号'),
  /** also clear the second factor (lost phone): the next sign-in enrols again */
  resetTotp: z
    .union([z.literal('on'), z.literal('true'), z.literal(''), z.undefined()])
    .transform((v) => v === 'on' || v === 'true'),
})
