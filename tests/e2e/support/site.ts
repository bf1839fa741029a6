// Shared set-up of the browser tests: the portal's address, the two widths every journey runs at,
// one browser per test file, and JSON look-ups of the demo data through the public API (so the
// tests know what exists without hard-coding seeded values).
import { afterAll, beforeAll, inject } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DESKTOP, PHONE, launchBrowser, newContext } from './browser'

export const baseUrl = inject('baseUrl')

export type Device = typeof PHONE | typeof DESKTOP

/** Every journey runs at both widths: `describe.each(VIEWPORTS)('… at %s', (_name, device) => …)`. */
export const VIEWPORTS: readonly (readonly [string, Device])[] = [
  ['phone width (390 px)', PHONE],
  ['desktop width (1366 px)', DESKTOP],
]

export const isPhone = (device: Device) => device.viewport.width < 640

/** GET a JSON resource of the public API; throws on any status but 200. */
export async function api<T = any>(path: string): Promise<T> {
  const res = await fetch(baseUrl + path)
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
  return (await res.json()) as T
}

/**
 * One browser for the whole file (launched in beforeAll, closed in afterAll). Call at the top
 * level of a test file; the getter is valid inside tests and hooks.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('the browser is not running')
    return browser
  }
}

/**
 * One context and page per width, reused by the tests of a describe block. Call inside the
 * describe block; the getter gives the page.
 */
export function usePage(getBrowser: () => Browser, device: Device): () => Page {
  let context: BrowserContext | undefined
  let page: Page | undefined
  beforeAll(async () => {
    context = await newContext(getBrowser(), device, baseUrl)
    page = await context.newPage()
    // the server renders on demand; a little headroom for a cold first request on 2 cores
    page.setDefaultTimeout(15_000)
    page.setDefaultNavigationTimeout(30_000)
  })
  afterAll(async () => {
    await context?.close()
  })
  return () => {
    if (!page) throw new Error('the page is not open')
    return page
  }
}

/** The path and decoded query of the page's current URL. */
export function currentUrl(page: Page): URL {
  return new URL(page.url())
}

/** Reads "共 N 条" of a list page (the count may have thousands separators). */
export async function listTotal(page: Page): Promise<number> {
  const text = await page.locator('main p[aria-live="polite"]').filter({ hasText: /共\s*[\d,，]+\s*条/ }).first().innerText()
  const m = /共\s*([\d,，]+)\s*条/.exec(text)
  if (!m) throw new Error(`no "共 N 条" in "${text}"`)
  return Number(m[1].replace(/[,，]/g, ''))
}

/** The value cell of a two-column fact table row, by its header (e.g. 编号, 发证日期). */
export function factValue(page: Page, label: string) {
  return page.locator('main tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell')
}
