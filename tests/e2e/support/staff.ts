// Signing in as a demo staff account the way staff do (password, then the TOTP code an
// authenticator app shows), for the back-office browser tests.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Db } from '../../../prisma/client.ts'
import { decodeTotpSecret, totpCode, totpStep, TOTP_PERIOD_SECONDS, TOTP_WINDOW } from '../../../shared/staff/totp.ts'
import { DESKTOP, newContext } from './browser'
import { baseUrl } from './site'

/** README "For staff (/admin)": the demo accounts' password and TOTP secrets. */
export const DEMO_PASSWORD = 'demo-password-2026'
export const DEMO_SECRETS = {
  haikou: 'DEMOHAIKOUAAAAAAAAAAAAAAAAAAAAAA',
  'haikou-reviewer': 'DEMOHAIKOUREVIEWERAAAAAAAAAAAAAA',
  sanya: 'DEMOSANYAAAAAAAAAAAAAAAAAAAAAAAA',
  'sanya-reviewer': 'DEMOSANYAREVIEWERAAAAAAAAAAAAAAA',
  admin: 'DEMOADMINAAAAAAAAAAAAAAAAAAAAAAA',
} as const
export type DemoAccount = keyof typeof DEMO_SECRETS

/**
 * The current TOTP code, as an authenticator app shows it. A code is accepted once: if this
 * account already used the current step (another test signed it in just now), the next step is
 * still within the accepted window; when that is used too, wait for the app's next code, as a
 * person would (a test signing one account in three times within seconds gets there).
 */
export async function currentTotp(db: Db, username: DemoAccount): Promise<string> {
  for (;;) {
    const now = Date.now()
    const step = totpStep(new Date(now))
    const user = await db.user.findUniqueOrThrow({ where: { username }, select: { totpLastStep: true } })
    const use = user.totpLastStep !== null && user.totpLastStep >= step ? user.totpLastStep + 1 : step
    if (use <= step + TOTP_WINDOW) return totpCode(decodeTotpSecret(DEMO_SECRETS[username]), use)
    const nextStepAt = (step + 1) * TOTP_PERIOD_SECONDS * 1000
    await new Promise((resolve) => setTimeout(resolve, nextStepAt - now + 200))
  }
}

export async function signIn(db: Db, page: Page, username: DemoAccount) {
  await page.goto('/admin/sign-in')
  const form = page.getByRole('form', { name: '工作人员登录' })
  await form.getByLabel('用户名').fill(username)
  await form.getByLabel('密码').fill(DEMO_PASSWORD)
  await form.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(/\/admin\/sign-in\/verify$/)
  const verify = page.getByRole('form', { name: '输入动态口令' })
  await verify.getByLabel('动态口令或恢复码').fill(await currentTotp(db, username))
  await verify.getByRole('button', { name: '验证并登录' }).click()
  await page.waitForURL((url) => url.pathname === '/admin')
}

/** A desktop browser context signed in as the account. */
export async function staffPage(db: Db, browser: Browser, username: DemoAccount): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, DESKTOP, baseUrl)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.setDefaultNavigationTimeout(30_000)
  await signIn(db, page, username)
  return { context, page }
}
