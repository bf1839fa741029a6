// Certificates end to end: print a permit certificate, photograph (screenshot) it, decode the QR
// from the picture, open what it says and see 真实有效; upload a forged QR to /verify and see
// 不是真证书; revoke a certificate with the staff command and see the same QR answered 已撤销;
// the verification API's per-client limit.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../prisma/client.ts'
import { decodeQrFromPhoto } from '../../web/lib/certificates/qr/decode-qr.ts'
import { DESKTOP, PHONE, launchBrowser, newContext } from './support/browser'
import { writeY4mStill } from './support/fake-camera'
import { baseUrl, usePage, useBrowser } from './support/site'

const databaseUrl = inject('databaseUrl')
const keysFile = inject('keysFile')
const db = createDb(databaseUrl)
afterAll(() => db.$disconnect())

const getBrowser = useBrowser()

async function validSerial(type: 'CONSTRUCTION_PERMIT' | 'COMPLETION_FILING', skip = 0): Promise<string> {
  const row = await db.certificate.findFirst({ where: { type, status: 'VALID' }, orderBy: { serial: 'desc' }, skip, select: { serial: true } })
  if (!row) throw new Error(`no valid ${type} certificate in the test data`)
  return row.serial
}

function decodePng(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  return decodeQrFromPhoto({ data: image.data, width: image.width, height: image.height })
}

describe('printed certificate → photo → QR → verification page', () => {
  const page = usePage(getBrowser, DESKTOP)

  it.each(['CONSTRUCTION_PERMIT', 'COMPLETION_FILING'] as const)('a %s certificate prints with a QR that verifies as genuine', async (type) => {
    const serial = await validSerial(type)
    const p = page()
    await p.goto(`/certificates/${serial}`)
    await expect.poll(() => p.getByRole('heading', { level: 1 }).innerText()).toMatch(type === 'CONSTRUCTION_PERMIT' ? /施工许可证/ : /竣工验收备案证明/)
    const qr = p.locator('.certificate-qr svg')
    await qr.waitFor()
    // the QR prints about 10 cm wide: at 96 CSS px per inch that is ~378 px on screen
    const box = await qr.boundingBox()
    expect(box!.width).toBeGreaterThan(300)
    // a picture of the whole sheet, as a phone would take it
    const shot = await p.locator('.certificate-sheet').screenshot()
    const decoded = decodePng(shot)
    expect(decoded).toMatch(new RegExp(`^${baseUrl.replace(/[.]/g, '\\.')}/v/[A-Za-z0-9_-]{152}$`))
    await p.goto(decoded!)
    const verdict = p.getByTestId('verify-verdict')
    await expect.poll(() => verdict.getAttribute('data-status')).toBe('VALID')
    expect(await verdict.getByRole('heading', { level: 2 }).innerText()).toContain('真实有效')
    expect(await verdict.innerText()).toContain(serial)
    // and the project link works
    await verdict.getByRole('link', { name: /查看项目/ }).click()
    await p.waitForURL(/\/projects\/\d{17}$/)
  })
})

describe('verify page: an uploaded photo of a forged QR is not genuine', () => {
  const page = usePage(getBrowser, PHONE)

  it('decodes the upload in the browser and says 不是真证书 with the reason', async () => {
    const serial = await validSerial('CONSTRUCTION_PERMIT', 1)
    const p = page()
    await p.goto(`/certificates/${serial}`)
    const url = decodePng(await p.locator('.certificate-sheet').screenshot())!
    // a forger copies the URL and changes one character of the payload (e.g. the serial)
    const i = url.length - 100
    const forged = url.slice(0, i) + (url[i] === 'A' ? 'B' : 'A') + url.slice(i + 1)
    const png = await QRCode.toBuffer(forged, { errorCorrectionLevel: 'Q', margin: 4, scale: 6 })
    await p.goto('/verify')
    await p.getByLabel(/拍摄或选择含二维码的证书照片/).setInputFiles({ name: 'forged.png', mimeType: 'image/png', buffer: png })
    const verdict = p.getByTestId('verify-verdict')
    await expect.poll(() => verdict.getAttribute('data-genuine')).toBe('false')
    expect(await verdict.getByRole('heading', { level: 2 }).innerText()).toContain('不是真证书')
    expect(await p.locator('#verify-code').inputValue()).toBe(forged)
  })

  it('says so when the photo has no QR code in it', async () => {
    const p = page()
    await p.goto('/verify')
    const blank = new PNG({ width: 200, height: 200 })
    blank.data.fill(255)
    await p.getByLabel(/拍摄或选择含二维码的证书照片/).setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: PNG.sync.write(blank) })
    await expect.poll(() => p.locator('main').getByRole('alert').innerText()).toContain('没有找到二维码')
  })

  it('verifies pasted text too, and answers a foreign link as not genuine', async () => {
    const p = page()
    await p.goto('/verify')
    await p.locator('#verify-code').fill('https://fake-portal.example.com/v/AAAA')
    await p.getByRole('button', { name: '核验', exact: true }).click()
    const verdict = p.getByTestId('verify-verdict')
    await expect.poll(() => verdict.getAttribute('data-genuine')).toBe('false')
    expect(await verdict.innerText()).toContain('不属于本平台')
  })
})

describe('verify page: the camera', () => {
  it('finds the QR in the camera picture and shows the verdict', async () => {
    const serial = await validSerial('COMPLETION_FILING', 1)
    const print = await getBrowser().newPage({ viewport: DESKTOP.viewport })
    await print.goto(`${baseUrl}/certificates/${serial}`)
    const url = decodePng(await print.locator('.certificate-sheet').screenshot())!
    await print.close()
    // a camera that films the certificate's QR code (Chromium's fake capture device)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-camera-'))
    const video = path.join(dir, 'qr.y4m')
    writeY4mStill(await QRCode.toBuffer(url, { errorCorrectionLevel: 'Q', margin: 4, scale: 5 }), video)
    const browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`])
    try {
      const context = await newContext(browser, PHONE, baseUrl)
      await context.grantPermissions(['camera'])
      const p = await context.newPage()
      await p.goto('/verify')
      await p.getByRole('button', { name: '打开摄像头' }).click()
      const verdict = p.getByTestId('verify-verdict')
      await expect.poll(() => verdict.getAttribute('data-status'), { timeout: 20_000 }).toBe('VALID')
      expect(await verdict.innerText()).toContain(serial)
      // the camera is switched off once a code is found
      expect(await p.getByRole('button', { name: '打开摄像头' }).isVisible()).toBe(true)
    } finally {
      await browser.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('revocation changes the answer at once', () => {
  const page = usePage(getBrowser, PHONE)

  it('a revoked certificate\'s QR says 证书已撤销 with the date and reason', async () => {
    const serial = await validSerial('CONSTRUCTION_PERMIT', 2)
    const p = page()
    await p.goto(`/certificates/${serial}`)
    const url = decodePng(await p.locator('.certificate-sheet').screenshot())!
    await p.goto(url)
    await expect.poll(() => p.getByTestId('verify-verdict').getAttribute('data-status')).toBe('VALID')
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/certificates/change-certificate.ts', 'revoke', '--serial', serial, '--reason', '违法分包，撤销施工许可'], {
      // the revocation is logged and the status list re-signed with the log key, in its transaction
      env: { ...process.env, DATABASE_URL: databaseUrl, CERTIFICATE_KEYS_FILE: keysFile, LOG_KEY_FILE: inject('serverEnv').LOG_KEY_FILE },
    })
    await p.goto(url)
    const verdict = p.getByTestId('verify-verdict')
    await expect.poll(() => verdict.getAttribute('data-status')).toBe('REVOKED')
    expect(await verdict.innerText()).toMatch(/证书已撤销[\s\S]*违法分包，撤销施工许可/)
    const api = await (await fetch(`${baseUrl}/api/v1/verify?code=${encodeURIComponent(url)}`)).json()
    expect(api).toMatchObject({ genuine: true, status: 'REVOKED', certificate: { serial, statusReason: '违法分包，撤销施工许可' } })
  })
})

describe('GET /api/v1/verify rate limit', () => {
  it('answers 429 with Retry-After once a client has used its verifications for the window', async () => {
    const limit = inject('verifyRateLimit')
    const windowSeconds = inject('verifyRateLimitWindowSeconds')
    // The server sits behind one trusted proxy (TRUSTED_PROXY_COUNT=1, global-setup.ts) and this
    // test plays it: the address it appends is a client no other test is. The window holds the
    // whole run, so the count cannot reset between these requests.
    const client = '198.51.100.7'
    const verify = (forwardedFor: string) => fetch(`${baseUrl}/api/v1/verify?code=hello`, { headers: { 'x-forwarded-for': forwardedFor } })
    const statuses: number[] = []
    for (let i = 0; i < limit; i++) statuses.push((await verify(client)).status)
    expect(statuses.filter((s) => s !== 200)).toEqual([])
    const refused = await verify(client)
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } })
    // Retry-After is the seconds left of the window, which ends windowSeconds after 1970
    const secondsLeft = Math.ceil(windowSeconds - Date.now() / 1000)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(secondsLeft)
    expect(retryAfter).toBeLessThanOrEqual(secondsLeft + 5)
    expect(refused.headers.get('x-ratelimit-limit')).toBe(String(limit))
    // what the client writes in front of the proxy's entry does not buy it a fresh budget
    expect((await verify(`203.0.113.1, ${client}`)).status).toBe(429)
    // another client is not affected
    expect((await verify('203.0.113.77')).status).toBe(200)
  })
})
