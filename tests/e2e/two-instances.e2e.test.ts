// Two production portals (the built app behind scripts/serve/portal.ts) on this run's PostgreSQL
// database and one Redis prefix of their own, requests alternating between them, behave as one:
// a staff session signed in on A works on B and signing out on A ends it on B; a rate limit is
// reached by A's and B's requests together; a staff write on A shows on B's public page at once
// although B had the page's data cached (and B is shown to cache: a change that bypasses the
// staff write path is not seen); a revocation on A verifies as revoked on B at once; an account
// disabled on A is refused on B. Only on PostgreSQL: production runs several instances on it.
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { isListening } from '../../scripts/lib/ports.ts'
import { DESKTOP, newContext } from './support/browser'
import { startOwnPortal, type OwnPortal } from './support/own-portal.ts'
import { useBrowser } from './support/site'
import { signIn, type DemoAccount } from './support/staff'

const databaseUrl = inject('databaseUrl')
const onPostgres = databaseUrl.startsWith('postgres')
const redisUp = await isListening('127.0.0.1', 6379)
if (onPostgres && !redisUp && process.env.CI === 'true') throw new Error('Redis is not listening on 127.0.0.1:6379; CI runs the two-instance test')

/** verifications per client per window on both portals: small, so that A and B reach it together */
const VERIFY_LIMIT = 6
const HAIKOU = '460100'

// the tests sign the same officer in three times within seconds: a sign-in may wait for the next
// TOTP step (up to 30 s, support/staff.ts), so each test gets twice the e2e default
describe.skipIf(!onPostgres || !redisUp)('two instances on one PostgreSQL database and one Redis', { timeout: 120_000 }, () => {
  const db = createDb(databaseUrl)
  const getBrowser = useBrowser()
  let a: OwnPortal
  let b: OwnPortal
  const url = (portal: OwnPortal, path = '') => `http://127.0.0.1:${portal.port}${path}`
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    const env = {
      REDIS_URL: 'redis://127.0.0.1:6379',
      // this file's own keys: no other portal of the run counts or caches with them
      REDIS_KEY_PREFIX: `e2e-two-instances-${process.pid}-${Date.now()}:`,
      VERIFY_RATE_LIMIT_PER_MINUTE: String(VERIFY_LIMIT),
      // the run's shared portal has the cache off (global-setup.ts); these portals cache, as in production
      CACHE_TTL_SECONDS: '60',
    }
    ;[a, b] = await Promise.all([startOwnPortal(env), startOwnPortal(env)])
  }, 120_000)

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()))
    for (const portal of [a, b]) {
      if (!portal || portal.server.exitCode !== null) continue
      const exited = new Promise((resolve) => portal.server.once('exit', resolve))
      portal.server.kill('SIGTERM')
      await exited
    }
    await db.$disconnect()
  })

  /** A browser context of its own whose relative URLs go to `portal`, optionally holding cookies. */
  async function contextOn(portal: OwnPortal, cookies: Cookie[] = []): Promise<Page> {
    const context = await newContext(getBrowser() as Browser, DESKTOP, url(portal))
    contexts.push(context)
    if (cookies.length > 0) await context.addCookies(cookies)
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    page.setDefaultNavigationTimeout(30_000)
    return page
  }

  async function signedInOn(portal: OwnPortal, username: DemoAccount): Promise<Page> {
    const page = await contextOn(portal)
    await signIn(db, page, username)
    return page
  }

  /** True when the session in the page's cookies is served /admin by `portal`; false when sent to sign in. */
  async function adminServes(page: Page, portal: OwnPortal): Promise<boolean> {
    await page.goto(url(portal, '/admin'))
    const signOut = page.getByRole('button', { name: '退出登录' })
    const signInForm = page.getByRole('form', { name: '工作人员登录' })
    await signOut.or(signInForm).first().waitFor()
    return signOut.isVisible()
  }

  it('a session signed in on A is served on B, and signing out on A ends it on B', async () => {
    const page = await signedInOn(a, 'haikou')
    const cookies = await page.context().cookies()
    // a browser of its own holding only the cookie, talking to B
    const onB = await contextOn(b, cookies)
    expect(await adminServes(onB, b)).toBe(true)

    await page.goto(url(a, '/admin'))
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.getByRole('form', { name: '工作人员登录' }).waitFor()
    // the cookie B's browser still holds names a session that no longer exists
    expect(await adminServes(onB, b)).toBe(false)
  }, 90_000)

  it('a rate limit is reached by A and B together', async () => {
    const client = { 'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 250) + 1}` }
    const statuses: number[] = []
    for (let i = 0; i < VERIFY_LIMIT + 2; i++) {
      const res = await fetch(url(i % 2 === 0 ? a : b, '/api/v1/verify?code=AAAA'), { headers: client })
      statuses.push(res.status)
      await res.arrayBuffer()
    }
    // each instance saw only half of them: counted apart, none would be refused
    expect(statuses).toEqual([...Array<number>(VERIFY_LIMIT).fill(200), 429, 429])
  })

  it('an enterprise renamed on A shows on B at once, although B had its page cached', async () => {
    const enterprise = await db.enterprise.findFirstOrThrow({ where: { regionCode: HAIKOU }, orderBy: { uscc: 'asc' }, select: { id: true, uscc: true, name: true } })
    // which of the names B's public page shows (a page is long: the assertion names the name, not the page)
    const publicPage = async () => (await (await fetch(url(b, `/enterprises/${enterprise.uscc}`))).text())
    const bShows = async (name: string) => (await publicPage()).includes(name)
    expect(await bShows(enterprise.name), 'B shows the name as seeded').toBe(true)

    // B caches: a change written past the staff write path (no audit entry, no announcement) is
    // not seen while the entry lives (the entry lives up to CACHE_TTL_SECONDS, 60 s)
    const bypass = `${enterprise.name}（未经登记的改动）`
    await db.enterprise.update({ where: { id: enterprise.id }, data: { name: bypass } })
    expect(await bShows(bypass), 'B serves its cached page, without the unannounced change').toBe(false)

    const renamed = `${enterprise.name.slice(0, 20)}（更名${String(Date.now()).slice(-5)}）`
    const officer = await signedInOn(a, 'haikou')
    await officer.goto(url(a, `/admin/enterprises/${enterprise.id}`))
    const form = officer.getByRole('form', { name: '企业基本信息' })
    await form.getByLabel('企业名称').fill(renamed)
    await form.getByRole('button', { name: '保存企业信息' }).click()
    await form.getByRole('status').waitFor()
    expect(await db.enterprise.findUniqueOrThrow({ where: { id: enterprise.id }, select: { name: true } })).toEqual({ name: renamed })

    expect(await bShows(renamed), 'B shows the name written on A').toBe(true)
  }, 90_000)

  it('a certificate revoked on A verifies as revoked on B at once', async () => {
    const certificate = await db.certificate.findFirstOrThrow({
      // a permit of a 海口 project, whose page the 海口 officer works on
      where: { status: 'VALID', type: 'CONSTRUCTION_PERMIT', permit: { status: 'ACTIVE', project: { regionCode: HAIKOU } } },
      orderBy: { serial: 'asc' },
      select: { serial: true, projectCode: true },
    })
    const sheet = await (await fetch(url(b, `/certificates/${certificate.serial}`))).text()
    const code = /\/v\/([A-Za-z0-9_-]{152})/.exec(sheet)?.[1]
    expect(code, 'the certificate sheet prints its verification URL').toBeTruthy()
    const client = { 'X-Forwarded-For': '192.0.2.77' }
    const verifyOn = async (portal: OwnPortal) => (await (await fetch(url(portal, `/api/v1/verify?code=${code}`), { headers: client })).json()) as { valid: boolean; status: string }
    expect(await verifyOn(b)).toMatchObject({ valid: true, status: 'VALID' })
    expect(await verifyOn(a)).toMatchObject({ valid: true, status: 'VALID' })

    const officer = await signedInOn(a, 'haikou')
    await officer.goto(url(a, `/admin/projects/${certificate.projectCode}`))
    const permit = officer.locator('section[aria-labelledby="stage-CONSTRUCTION_PERMIT"] article', { hasText: certificate.serial }).first()
    await permit.locator('summary', { hasText: '撤销证书' }).click()
    const form = permit.getByRole('form', { name: '撤销证书' })
    const reason = '两实例测试：撤销后各实例立即核验为已撤销'
    await form.getByLabel('原因').fill(reason)
    await form.getByLabel(`我确认撤销证书 ${certificate.serial}`).check()
    await form.getByRole('button', { name: '确认撤销' }).click()
    await permit.getByText(`已撤销：${reason}`).waitFor()

    expect(await verifyOn(b)).toMatchObject({ valid: false, status: 'REVOKED' })
    const onB = await contextOn(b)
    await onB.goto(url(b, `/v/${code}`))
    const verdict = onB.getByTestId('verify-verdict')
    await expect.poll(() => verdict.getAttribute('data-status')).toBe('REVOKED')
    expect(await verdict.innerText()).toContain('证书已撤销')
  }, 90_000)

  describe('an account disabled on A', () => {
    const username = 'sanya-reviewer'
    afterAll(async () => {
      // the run's other files find the demo accounts as seeded
      await db.user.update({ where: { username }, data: { active: true } })
    })

    it('is refused on B, where it was signed in', async () => {
      const reviewer = await signedInOn(b, username)
      expect(await adminServes(reviewer, b)).toBe(true)

      const admin = await signedInOn(a, 'admin')
      await admin.goto(url(a, '/admin/accounts'))
      const row = admin.locator('tr', { has: admin.getByText(username, { exact: true }) })
      await row.getByRole('button', { name: '停用' }).click()
      await row.getByRole('button', { name: '启用' }).waitFor()

      expect(await adminServes(reviewer, b)).toBe(false)
    }, 90_000)
  })
})
