// The first administrator of a new installation:
//
//   npm run staff:create-admin -- --username zhang.admin --display-name 张三
//
// Only on a database without any administrator (PROVINCE_ADMIN); refuses otherwise, so it cannot
// become a second way in. Prints a one-time password: the administrator signs in at /admin,
// chooses a password and enrols the second factor; further accounts are made at /admin/accounts.
// Reads only DATABASE_URL.
import { parseArgs } from 'node:util'
import { ZodError } from 'zod'
import { createDb } from '../../prisma/client.ts'
import { DatabaseUrlError } from '../../prisma/database-url.ts'
import { createFirstAdmin } from '../../web/server/accounts/create-first-admin.ts'
import { ConflictError } from '../../web/server/lib/errors.ts'

const USAGE = 'usage: npm run staff:create-admin -- --username <用户名> --display-name <姓名>'

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({ args: argv, options: { username: { type: 'string' }, 'display-name': { type: 'string' } }, strict: true }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (!values.username || !values['display-name']) {
    console.error(USAGE)
    return 2
  }
  let db
  try {
    db = createDb(env.DATABASE_URL || undefined)
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error
    console.error(error.message)
    return 2
  }
  try {
    const { oneTimePassword } = await createFirstAdmin(db, { username: values.username, displayName: values['display-name'] })
    console.log(`已创建系统管理员 ${values.username.trim().toLowerCase()}。`)
    console.log(`一次性密码：${oneTimePassword}`)
    console.log('请在 /admin/sign-in 登录：首次登录须设置新密码并绑定动态口令。此密码不会再次显示。')
    return 0
  } catch (error) {
    if (error instanceof ZodError) {
      console.error(error.issues.map((i) => i.message).join('\n'))
      return 1
    }
    if (error instanceof ConflictError) {
      console.error(error.message)
      return 1
    }
    throw error
  } finally {
    await db.$disconnect()
  }
}

process.exitCode = await main(process.argv.slice(2))
