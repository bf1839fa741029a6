// The inspector mini-program's H5 build, built for the portal under test with its public keys
// bundled, driven in headless Chromium at phone size: a genuine certificate's QR (uploaded as a
// photo) → 真·有效 with details; a revoked one → 已撤销; a forged one → 假; the genuine one again
// with the verification API blocked → the offline verdict with its warning; all four in the
// history after a reload. Then, in a phone of its own: a certificate confirmed online (its
// inclusion proof checked on the phone: 已收录于公开日志), revoked by staff, the signed status list
// refreshed while the phone still has signal, and the network cut → 已撤销 from the list, with its age;
// and a certificate this phone never verified online, revoked the same way → 已撤销 on its first scan
// without signal (the list is looked up by the scanned serial).
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import QRCode from 'qrcode'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { PHONE, launchBrowser, newContext } from './support/browser'
import { writeY4mStill } from './support/fake-camera'
import { baseUrl, useBrowser } from './support/site'

const databaseUrl = inject('databaseUrl')
const keysFile = inject('keysFile')
const db = createDb(databaseUrl)
const getBrowser = useBrowser()

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' }

let dir = ''
let server: http.Server | undefined
let appUrl = ''

function buildH5(outDir: string, jwksFile: string, logVkey: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['--prefix', 'miniprogram', 'run', 'build:h5'], {
      env: { ...process.env, TARO_APP_PORTAL_ORIGIN: baseUrl, TARO_APP_JWKS_FILE: jwksFile, TARO_APP_LOG_VKEY: logVkey, TARO_APP_OUTPUT_ROOT: outDir, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    child.stdout.on('data', (d) => (log += d))
    child.stderr.on('data', (d) => (log += d))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build:h5 failed (${code}):\n${log.slice(-3000)}`))))
  })
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-h5-'))
  const jwksFile = path.join(dir, 'jwks.json')
  fs.writeFileSync(jwksFile, await (await fetch(`${baseUrl}/.well-known/jwks.json`)).text())
  const out = path.join(dir, 'h5')
  // the log key is embedded as a release build embeds it (miniprogram/config/log-key.ts)
  const vkey = await fetch(`${baseUrl}/log/vkey`)
  if (vkey.status !== 200) throw new Error(`GET /log/vkey answered ${vkey.status}`)
  await buildH5(out, jwksFile, (await vkey.text()).trim())
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const file = path.join(out, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html')
    const target = file.startsWith(out) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(out, 'index.html')
    res.writeHead(200, { 'content-type': MIME[path.extname(target)] ?? 'application/octet-stream' })
    fs.createReadStream(target).pipe(res)
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}, 240_000)

afterAll(async () => {
  server?.close()
  await db.$disconnect()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

/** The QR URL printed on a certificate, read from its print page. */
async function printedUrl(serial: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/certificates/${serial}`)).text()
  const m = new RegExp(`${baseUrl.replace(/[.]/g, '\\.')}/v/[A-Za-z0-9_-]{152}`).exec(html)
  if (!m) throw new Error(`no QR URL on the print page of ${serial}`)
  return m[0]
}

async function revoke(serial: string, reason: string): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/certificates/change-certificate.ts', 'revoke', '--serial', serial, '--reason', reason], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CERTIFICATE_KEYS_FILE: keysFile, LOG_KEY_FILE: inject('serverEnv').LOG_KEY_FILE },
  })
}

async function serialWith(status: 'VALID' | 'REVOKED', skip: number): Promise<string> {
  const row = await db.certificate.findFirst({ where: { type: 'CONSTRUCTION_PERMIT', status, permitId: { not: null } }, orderBy: { serial: 'asc' }, skip, select: { serial: true } })
  if (row) return row.serial
  if (status === 'VALID') throw new Error('no valid certificate')
  // no revoked certificate in this small data set: revoke one as staff would
  const serial = await serialWith('VALID', 50)
  await revoke(serial, '小程序测试撤销')
  return serial
}

async function scan(page: Page, text: string) {
  await page.goto(appUrl)
  const png = await QRCode.toBuffer(text, { errorCorrectionLevel: 'Q', margin: 4, scale: 5 })
  await page.locator('[data-testid=scan-upload-input]').setInputFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: png })
  const verdict = page.locator('[data-testid=verdict]:visible')
  await verdict.waitFor({ timeout: 20_000 })
  const confirmation = page.locator('[data-testid=verdict-confirmation]:visible')
  await expect.poll(() => confirmation.getAttribute('data-mode'), { timeout: 20_000 }).not.toBe('PENDING')
  return {
    authenticity: await verdict.getAttribute('data-authenticity'),
    status: await verdict.getAttribute('data-status'),
    mode: await confirmation.getAttribute('data-mode'),
    word: await page.locator('[data-testid=verdict-word]:visible').innerText(),
    confirmationText: await confirmation.innerText(),
  }
}

describe('mini-program H5 against the portal', () => {
  let page: Page
  beforeAll(async () => {
    const context = await newContext(getBrowser(), PHONE, appUrl)
    page = await context.newPage()
    page.setDefaultTimeout(20_000)
  })

  it('a genuine certificate: 真·有效, confirmed online, with the project and participants', async () => {
    const result = await scan(page, await printedUrl(await serialWith('VALID', 3)))
    expect(result).toMatchObject({ authenticity: 'GENUINE', status: 'VALID', mode: 'ONLINE' })
    expect(result.word).toContain('真')
    await expect.poll(() => page.locator('[data-testid=participants]:visible').innerText()).toMatch(/施工/)
  })

  it('a revoked certificate: 已撤销', async () => {
    const result = await scan(page, await printedUrl(await serialWith('REVOKED', 0)))
    expect(result).toMatchObject({ authenticity: 'GENUINE', status: 'REVOKED', mode: 'ONLINE' })
    expect(await page.locator('[data-testid=verdict-status]:visible').innerText()).toContain('已撤销')
  })

  it('a forged certificate: 假, without asking the portal', async () => {
    const url = await printedUrl(await serialWith('VALID', 4))
    const i = url.length - 90
    const asked: string[] = []
    const listener = (request: { url(): string }) => request.url().includes('/api/v1/verify') && asked.push(request.url())
    page.on('request', listener)
    const result = await scan(page, url.slice(0, i) + (url[i] === 'x' ? 'y' : 'x') + url.slice(i + 1))
    page.off('request', listener)
    expect(asked).toEqual([])
    expect(result.authenticity).toBe('FAKE')
    expect(result.word).toContain('假')
  })

  it('no connection to the verification API: the offline verdict with its warning', async () => {
    await page.route('**/api/v1/verify**', (route) => route.abort('internetdisconnected'))
    try {
      const result = await scan(page, await printedUrl(await serialWith('VALID', 3)))
      expect(result).toMatchObject({ authenticity: 'GENUINE', mode: 'OFFLINE' })
      expect(result.confirmationText).toContain('离线')
    } finally {
      await page.unroute('**/api/v1/verify**')
    }
  })

  it('the H5 camera (getUserMedia) finds the QR and verifies it', async () => {
    const video = path.join(dir, 'qr.y4m')
    writeY4mStill(await QRCode.toBuffer(await printedUrl(await serialWith('VALID', 5)), { errorCorrectionLevel: 'Q', margin: 4, scale: 5 }), video)
    const browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`])
    try {
      const context = await newContext(browser, PHONE, appUrl)
      await context.grantPermissions(['camera'])
      const camera = await context.newPage()
      await camera.goto(appUrl)
      await camera.locator('[data-testid=scan-camera-start]:visible').click()
      const verdict = camera.locator('[data-testid=verdict]:visible')
      await verdict.waitFor({ timeout: 20_000 })
      await expect.poll(() => camera.locator('[data-testid=verdict-confirmation]:visible').getAttribute('data-mode'), { timeout: 20_000 }).toBe('ONLINE')
      expect(await verdict.getAttribute('data-authenticity')).toBe('GENUINE')
    } finally {
      await browser.close()
    }
  })

  it('keeps all four scans in the history, after a reload too', async () => {
    await page.goto(`${appUrl}#/pages/history/index`)
    await page.reload()
    const items = page.locator('[data-testid=history-item]:visible')
    await expect.poll(() => items.count()).toBe(4)
    const verdicts = await page.locator('[data-testid=history-item-verdict]:visible').allInnerTexts()
    expect(verdicts.join(' ')).toMatch(/假/)
    expect(verdicts.join(' ')).toMatch(/撤销/)
  })
})

describe('mini-program H5 without signal: revocation from the signed status list', () => {
  let page: Page
  beforeAll(async () => {
    // a phone of its own: its own storage, history and status list
    const context = await newContext(getBrowser(), PHONE, appUrl)
    page = await context.newPage()
    page.setDefaultTimeout(20_000)
  })

  /** Staff revoke the certificate; with signal, opening the app fetches the list signed by that revocation. */
  async function revokeAndRefreshList(serial: string, reason: string) {
    const revokedFrom = Date.now()
    await revoke(serial, reason)
    await page.goto(appUrl)
    const summary = page.locator('[data-testid=status-list-summary]:visible')
    await expect
      .poll(async () => Date.parse((await summary.getAttribute('data-issued-at')) || '0'), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(Math.floor(revokedFrom / 1000) * 1000)
  }

  /** No signal while `run` runs: nothing reaches the portal. */
  async function withoutSignal(run: () => Promise<void>) {
    await page.route(`${baseUrl}/**`, (route) => route.abort('internetdisconnected'))
    try {
      await run()
    } finally {
      await page.unroute(`${baseUrl}/**`)
    }
  }

  /** Scanning `url` offline answers 已撤销 from the phone's list, saying how old the list is. */
  async function expectRevokedOffline(url: string) {
    const offline = await scan(page, url)
    expect(offline).toMatchObject({ authenticity: 'GENUINE', status: 'REVOKED', mode: 'OFFLINE' })
    expect(await page.locator('[data-testid=verdict-status]:visible').innerText()).toContain('已撤销')
    const line = page.locator('[data-testid=verdict-revocation-list]:visible')
    expect(await line.getAttribute('data-result')).toBe('REVOKED')
    expect(await line.innerText()).toMatch(/^撤销名单更新于 (刚刚|\d+ 分钟前)：此证书已撤销/)
  }

  it('confirmed online (已收录于公开日志), revoked, list refreshed with signal, network cut → 已撤销 with the list’s age', async () => {
    const serial = await serialWith('VALID', 60)
    const url = await printedUrl(serial)

    const online = await scan(page, url)
    expect(online).toMatchObject({ authenticity: 'GENUINE', status: 'VALID', mode: 'ONLINE' })
    const logLine = page.locator('[data-testid=verdict-log]:visible')
    expect(await logLine.getAttribute('data-included')).toBe('true')
    expect(await logLine.innerText()).toContain('已收录于公开日志')

    await revokeAndRefreshList(serial, '小程序离线核验测试撤销')

    await withoutSignal(async () => {
      await expectRevokedOffline(url)
      // the proof kept from the online scan still verifies offline
      expect(await page.locator('[data-testid=verdict-log]:visible').innerText()).toContain('已收录于公开日志')
    })
  })
  it('a certificate this phone NEVER verified online, revoked by staff, list refreshed, network cut → the first scan says 已撤销', async () => {
    const serial = await serialWith('VALID', 30)
    const url = await printedUrl(serial)
    // never scanned on this phone: not in its history (the list is looked up by the scanned serial)
    await page.goto(appUrl)
    expect(await page.evaluate((s) => Object.values(localStorage).some((v) => typeof v === 'string' && v.includes(s)), serial)).toBe(false)

    await revokeAndRefreshList(serial, '小程序首次离线扫码测试撤销')

    await withoutSignal(() => expectRevokedOffline(url))
  })
})
