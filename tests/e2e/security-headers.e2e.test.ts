// Security headers and path handling (web/proxy.ts) against the built portal: every response
// carries the headers, the CSP nonce is fresh per request and on every inline script, every
// kind of page runs in Chromium with zero CSP violations (charts, print page, camera scanner and
// the back office included), bad URLs answer 400 and unknown detail pages 404.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import QRCode from 'qrcode'
import type { Browser, Page } from 'playwright-core'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { REACT_SHELL_SCRIPT } from '../../web/lib/security/security-headers.ts'
import { DESKTOP, PHONE, launchBrowser, newContext } from './support/browser'
import { writeY4mStill } from './support/fake-camera'
import { findDetailPages } from './support/samples'
import { baseUrl, useBrowser } from './support/site'
import { staffPage } from './support/staff'

const db = createDb(inject('databaseUrl'))
const getBrowser = useBrowser()

afterAll(async () => {
  await db.$disconnect()
})

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1] ?? null

function expectCommonHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
  expect(res.headers.get('permissions-policy')).toContain('microphone=()')
  expect(res.headers.get('referrer-policy')).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/)
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  // served over plain HTTP here, and no proxy said otherwise
  expect(res.headers.get('strict-transport-security')).toBeNull()
}

async function known() {
  const [permit, filing, project, enterprise, person, certificate, objection] = await Promise.all([
    db.constructionPermit.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { permitNumber: true } }),
    db.completionFiling.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { filingNumber: true } }),
    db.project.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { projectCode: true } }),
    db.enterprise.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { uscc: true } }),
    db.person.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true } }),
    db.certificate.findFirstOrThrow({ where: { status: 'VALID' }, orderBy: { serial: 'asc' }, select: { serial: true } }),
    db.objection.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { trackingNumber: true } }),
  ])
  return {
    permit: `/permits/${encodeURIComponent(permit.permitNumber)}`,
    filing: `/completion-filings/${encodeURIComponent(filing.filingNumber)}`,
    project: `/projects/${encodeURIComponent(project.projectCode)}`,
    enterprise: `/enterprises/${enterprise.uscc}`,
    practitioner: `/practitioners/${person.id}`,
    certificate: `/certificates/${encodeURIComponent(certificate.serial)}`,
    objection: `/credit/objections/${objection.trackingNumber}`,
  }
}

describe('headers', () => {
  it('a page has the nonce policy, a fresh nonce per request, and the nonce on every inline script', async () => {
    const [a, b] = await Promise.all([fetch(`${baseUrl}/`), fetch(`${baseUrl}/`)])
    expect(a.status).toBe(200)
    expectCommonHeaders(a)
    const csp = a.headers.get('content-security-policy')!
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'sha256-[^']+'(;|$)/)
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("object-src 'none'")
    const nonce = nonceOf(csp)!
    expect(nonce).not.toBe(nonceOf(b.headers.get('content-security-policy')))
    expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(a.headers.get('permissions-policy')).toContain('camera=()')
    await b.arrayBuffer()
    // on every kind of page (once fully static ones included): inline scripts carry this request's
    // nonce or are React's shell script; script files come from this origin
    for (const p of ['/', '/api-docs', '/verify', '/credit/standard', '/no-such-page']) {
      const res = await fetch(baseUrl + p)
      const pageNonce = nonceOf(res.headers.get('content-security-policy'))
      const html = await res.text()
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      expect(scripts.length, p).toBeGreaterThan(0)
      for (const [, attributes, body] of scripts) {
        if (/\bsrc="/.test(attributes)) expect(attributes, p).toMatch(/\bsrc="\/(?!\/)/)
        else if (body !== REACT_SHELL_SCRIPT) expect(attributes, `${p}: ${body.slice(0, 80)}`).toContain(`nonce="${pageNonce}"`)
      }
    }
  })

  it('an API answer and a feed have the policy that runs nothing', async () => {
    for (const p of ['/api/v1/permits?pageSize=1', '/feeds/permits.xml', '/.well-known/jwks.json']) {
      const res = await fetch(baseUrl + p)
      expect(res.status, p).toBe(200)
      expectCommonHeaders(res)
      expect(res.headers.get('content-security-policy'), p).toBe("default-src 'none'; frame-ancestors 'none'")
    }
  })

  it('a 404 has them too', async () => {
    for (const p of ['/no-such-page', '/permits/NO-SUCH-PERMIT', '/api/v1/permits/NO-SUCH-PERMIT']) {
      const res = await fetch(baseUrl + p)
      expect(res.status, p).toBe(404)
      expectCommonHeaders(res)
    }
  })

  it('no referrer where the URL carries a tracking number; the camera only on the scanner page', async () => {
    const { objection } = await known()
    for (const p of [objection, '/credit/objections']) {
      expect((await fetch(baseUrl + p)).headers.get('referrer-policy'), p).toBe('no-referrer')
    }
    expect((await fetch(`${baseUrl}/verify`)).headers.get('permissions-policy')).toContain('camera=(self)')
  })

  it('Strict-Transport-Security only when a trusted proxy says the request came over HTTPS', async () => {
    const res = await fetch(`${baseUrl}/`, { headers: { 'X-Forwarded-Proto': 'https' } })
    // the e2e portal trusts one proxy (TRUSTED_PROXY_COUNT=1 in global-setup); with none, the header
    // would be a client's own claim and is ignored (unit tests)
    expect(res.headers.get('strict-transport-security')).toBe('max-age=63072000')
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
    expect((await fetch(`${baseUrl}/`, { headers: { 'X-Forwarded-Proto': 'http' } })).headers.get('strict-transport-security')).toBeNull()
  })
})

describe('paths', () => {
  it('a malformed percent-escape is a 400: JSON under /api, a Chinese page elsewhere', async () => {
    for (const p of ['/api/v1/permits/%ED%A0%80', '/api/v1/enterprises/%E0%A4%A/records']) {
      const res = await fetch(baseUrl + p)
      expect(res.status, p).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/json')
      const body = await res.json()
      expect(body.error.code).toBe('bad_request')
      expect(body.error.message).toMatch(/编码/)
      expectCommonHeaders(res)
    }
    for (const p of ['/permits/%E0%A4%A', '/projects/%ED%A0%80', '/v/%']) {
      const res = await fetch(baseUrl + p)
      expect(res.status, p).toBe(400)
      expect(res.headers.get('content-type')).toContain('text/html')
      expect(await res.text()).toContain('网址有误')
    }
    // a bad escape in the query is read as U+FFFD: an ordinary answer, never a 5xx
    for (const p of ['/permits?q=%E0%A4%A', '/api/v1/permits?q=%E0%A4%A']) {
      const res = await fetch(baseUrl + p)
      expect(res.status, p).toBeLessThan(500)
      await res.arrayBuffer()
    }
  })

  it('an over-long URL is a 400', async () => {
    const api = await fetch(`${baseUrl}/api/v1/permits?q=${'a'.repeat(3000)}`)
    expect(api.status).toBe(400)
    expect((await api.json()).error.issues[0].parameter).toBe('url')
    const page = await fetch(`${baseUrl}/search?q=${'海'.repeat(400)}`)
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('网址过长')
  })

  it('unknown detail pages answer 404 with the Chinese not-found page; known ones 200', async () => {
    const pages = await known()
    for (const p of Object.values(pages)) {
      const res = await fetch(baseUrl + p)
      expect(res.status, p).toBe(200)
      await res.arrayBuffer()
    }
    const unknown = [
      '/permits/NO-SUCH-PERMIT',
      '/completion-filings/NO-SUCH-FILING',
      '/projects/NO-SUCH-PROJECT',
      '/enterprises/91460000MA5T00000X',
      '/enterprises/not-a-uscc',
      '/practitioners/no-such-person',
      `/certificates/${encodeURIComponent('NO-SUCH-SERIAL')}`,
      '/credit/objections/26120400000000000000000',
    ]
    for (const p of unknown) {
      const res = await fetch(baseUrl + p)
      expect(res.status, p).toBe(404)
      const html = await res.text()
      expect(html, p).toContain('页面不存在')
      expect(html, p).toContain('noindex')
    }
  })
})

/** Collects CSP violations from the console and from `securitypolicyviolation` events. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) seen.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`))
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
  })
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))]
}

/**
 * Loads the path and waits for React to have hydrated the page's <main> (React keeps its fiber on
 * every hydrated element): proof that Next's scripts, inline and loaded, all ran.
 */
async function openHydrated(page: Page, p: string) {
  const res = await page.goto(p, { waitUntil: 'load' })
  expect(res?.status(), p).toBe(200)
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main')
      return main !== null && Object.keys(main).some((k) => k.startsWith('__reactFiber$'))
    },
    undefined,
    { timeout: 15_000 },
  )
  await page.waitForLoadState('networkidle')
}

describe('every kind of page runs under the policy with zero violations', () => {
  it('public pages: home, lists, details, statistics charts, print page, search, docs', async () => {
    const detail = await findDetailPages()
    const ids = await known()
    const context = await newContext(getBrowser(), DESKTOP, baseUrl)
    const page = await context.newPage()
    const violations = await watchViolations(page)
    const paths = [
      '/',
      '/permits',
      '/completion-filings',
      '/projects',
      '/enterprises',
      '/practitioners',
      '/exposure',
      '/credit',
      '/credit/blacklist',
      '/credit/standard',
      '/credit/check',
      '/credit/objections',
      '/api-docs',
      '/verify',
      detail.permit,
      detail.project,
      detail.enterprise,
      detail.practitioner,
      detail.searchPerson,
      ids.filing,
      ids.certificate,
      ids.objection,
    ]
    try {
      for (const p of paths) {
        await openHydrated(page, p)
        expect(await violations(), p).toEqual([])
      }
      // the ECharts statistics page draws its charts
      await openHydrated(page, '/statistics')
      // ECharts (SVG renderer) creates its <svg> at once and draws bars into it on the next frame
      const regionChart = page.getByRole('region', { name: '施工许可（按市县）' }).locator('figure')
      await expect.poll(() => regionChart.locator('svg path').count(), { timeout: 15_000 }).toBeGreaterThan(3)
      expect(await violations(), '/statistics').toEqual([])
      // a client-side navigation fetches and runs more chunks under 'strict-dynamic'
      await openHydrated(page, '/')
      await page.locator('header a[href="/permits"]').first().click()
      await page.waitForURL((u) => u.pathname === '/permits')
      await page.waitForLoadState('networkidle')
      expect(await violations(), 'navigation').toEqual([])
      // the not-found page too
      const missing = await page.goto('/permits/NO-SUCH-PERMIT')
      expect(missing?.status()).toBe(404)
      await page.waitForLoadState('networkidle')
      expect(await violations(), '404').toEqual([])
      // the watcher sees what the policy blocks: an injected inline script without the nonce
      await page.evaluate(() => {
        const script = document.createElement('script')
        script.textContent = 'window.__injected = true'
        document.body.append(script)
      })
      await expect.poll(async () => (await violations()).length).toBeGreaterThan(0)
      expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
    } finally {
      await context.close()
    }
  }, 300_000)

  it('the camera scanner reads a QR code', async () => {
    const { certificate } = await known()
    const serial = decodeURIComponent(certificate.split('/').pop()!)
    const code = await db.certificate.findUniqueOrThrow({ where: { serial }, select: { serial: true } })
    // the code the certificate's QR holds: read from the print page's link to /v/
    const html = await (await fetch(baseUrl + certificate)).text()
    const url = /https?:\/\/[^"<\s]+\/v\/[A-Za-z0-9_-]+/.exec(html)?.[0]
    expect(url, 'verify URL on the print page').toBeDefined()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-camera-'))
    const video = path.join(dir, 'qr.y4m')
    writeY4mStill(await QRCode.toBuffer(url!, { errorCorrectionLevel: 'Q', margin: 4, scale: 5 }), video)
    let browser: Browser | undefined
    try {
      browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`])
      const context = await newContext(browser, PHONE, baseUrl)
      await context.grantPermissions(['camera'])
      const page = await context.newPage()
      const violations = await watchViolations(page)
      await openHydrated(page, '/verify')
      await page.getByRole('button', { name: '打开摄像头' }).click()
      const verdict = page.getByTestId('verify-verdict')
      await expect.poll(() => verdict.getAttribute('data-status'), { timeout: 20_000 }).toBe('VALID')
      expect(await verdict.innerText()).toContain(code.serial)
      expect(await violations()).toEqual([])
    } finally {
      await browser?.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the back office: home, lists, details and statistics', async () => {
    const { context, page } = await staffPage(db, getBrowser(), 'haikou')
    try {
      const violations = await watchViolations(page)
      const project = await db.project.findFirstOrThrow({ where: { regionCode: { startsWith: '4601' } }, orderBy: { id: 'asc' }, select: { projectCode: true } })
      for (const p of ['/admin', '/admin/projects', `/admin/projects/${encodeURIComponent(project.projectCode)}`, '/admin/enterprises', '/admin/practitioners', '/admin/records', '/admin/imports', '/admin/statistics', '/admin/password']) {
        await openHydrated(page, p)
        expect(await violations(), p).toEqual([])
      }
    } finally {
      await context.close()
    }
  })
})
