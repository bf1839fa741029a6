// Back-office detail pages answer HTTP 404 for an object the signed-in officer may not see, and
// the same 404 whether it is missing or belongs to another region (so the answer does not tell an
// officer of 海口 what exists in 三亚). Under cacheComponents a page's own notFound() comes after a
// streamed 200: the request proxy decides first (web/proxy.ts). Without a session the page
// redirects to the sign-in, as before. Expected visibility comes from the data (each city's officer
// sees the objects of their own region), not from the portal's code.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { newContext, DESKTOP } from './support/browser'
import { baseUrl, useBrowser } from './support/site'
import { staffPage } from './support/staff'

const db = createDb(inject('databaseUrl'))
afterAll(() => db.$disconnect())

const getBrowser = useBrowser()

const HAIKOU = '460100'
const SANYA = '460200'

/** A project, an enterprise and a practitioner of a region: the back office's detail paths of each. */
async function pathsOf(regionCode: string) {
  const project = await db.project.findFirstOrThrow({ where: { regionCode }, orderBy: { projectCode: 'asc' }, select: { projectCode: true } })
  const enterprise = await db.enterprise.findFirstOrThrow({ where: { regionCode }, orderBy: { uscc: 'asc' }, select: { id: true } })
  const person = await db.person.findFirstOrThrow({ where: { employer: { regionCode } }, orderBy: { id: 'asc' }, select: { id: true } })
  return {
    project: `/admin/projects/${project.projectCode}`,
    enterprise: `/admin/enterprises/${enterprise.id}`,
    practitioner: `/admin/practitioners/${person.id}`,
  }
}

const MISSING = {
  project: '/admin/projects/460100209912310999',
  enterprise: '/admin/enterprises/cm0nosuchenterprise000000',
  practitioner: '/admin/practitioners/cm0nosuchperson000000000',
  record: '/admin/records/cm0nosuchrecord000000000',
  import: '/admin/imports/cm0nosuchjob00000000000000',
}

describe('back-office detail pages for an officer of 海口', () => {
  let context: BrowserContext
  let page: Page
  let own: Awaited<ReturnType<typeof pathsOf>>
  let other: Awaited<ReturnType<typeof pathsOf>>

  beforeAll(async () => {
    own = await pathsOf(HAIKOU)
    other = await pathsOf(SANYA)
    ;({ context, page } = await staffPage(db, getBrowser() as Browser, 'haikou'))
  }, 60_000)
  afterAll(async () => {
    await context?.close()
  })

  /** The document's status and the main content's text. */
  async function visit(path: string) {
    const response = await page.goto(path)
    await page.locator('main h1').first().waitFor()
    return { status: response?.status(), text: (await page.locator('main').innerText()).trim(), url: new URL(page.url()).pathname }
  }

  it('shows the objects of its own region with 200', async () => {
    for (const path of Object.values(own)) {
      const { status, text, url } = await visit(path)
      expect(status, path).toBe(200)
      expect(url, path).toBe(path)
      expect(text, path).not.toContain('页面不存在')
    }
  })

  it('answers 404 with the not-found page for another region’s objects', async () => {
    for (const path of Object.values(other)) {
      const { status, text } = await visit(path)
      expect(status, path).toBe(404)
      expect(text, path).toContain('页面不存在')
    }
  })

  it('answers missing objects with the very same 404', async () => {
    const otherRegion = await visit(other.project)
    for (const path of Object.values(MISSING)) {
      const missing = await visit(path)
      expect(missing.status, path).toBe(404)
      expect(missing.text, path).toBe(otherRegion.text)
    }
  })
})

describe('back-office detail pages without a session', () => {
  it('still redirect to the sign-in, for a missing object too', async () => {
    const context = await newContext(getBrowser(), DESKTOP, baseUrl)
    try {
      const page = await context.newPage()
      for (const path of [MISSING.project, (await pathsOf(SANYA)).project]) {
        await page.goto(path)
        await page.waitForURL((url) => url.pathname === '/admin/sign-in')
        // the form streams in after the shell
        await page.getByRole('form', { name: '工作人员登录' }).waitFor()
      }
    } finally {
      await context.close()
    }
  })
})
