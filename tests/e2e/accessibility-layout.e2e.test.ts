// Smoke checks of accessibility, layout and privacy on the main pages, at phone and desktop
// width: html lang zh-CN, one h1, one main landmark, a skip link that the keyboard reaches first
// and that moves focus to main, no sideways scrolling, and no resident ID number or mobile number
// anywhere on the page (neither in the text nor in the data shipped with the HTML). At phone width
// it also leaves screenshots of the home page and a permit in test-results/.
import fs from 'node:fs/promises'
import { PNG } from 'pngjs'
import path from 'node:path'
import { describe, expect, inject, it, type ExpectStatic } from 'vitest'
import type { Page } from 'playwright-core'
import { findDetailPages } from './support/samples'
import { idNumbersIn, knownCodesOf, loadPrivateValues, mobileNumbersIn, privateValuesIn } from './support/privacy'
import { isPhone, usePage, useBrowser, VIEWPORTS } from './support/site'

const detail = await findDetailPages()
const privateValues = loadPrivateValues(inject('databaseUrl'))
const SCREENSHOTS = path.resolve('test-results')

const PAGES: readonly (readonly [string, string])[] = [
  ['home', '/'],
  ['search results', detail.searchPerson],
  ['permits', '/permits'],
  ['permit', detail.permit],
  ['project', detail.project],
  ['enterprise', detail.enterprise],
  ['practitioner', detail.practitioner],
  ['exposure board', '/exposure'],
  ['statistics', '/statistics'],
]

const getBrowser = useBrowser()

/** The home page, a list and a detail page: the link kinds the site has (navigation, rows, pagination, facts, more-links). */
const LABEL_IN_NAME_PAGES = PAGES.filter(([name]) => ['home', 'permits', 'permit'].includes(name))

/** Letters and digits only, lower case: spaces and symbols such as › are not spoken (the usual reading of 2.5.3). */
const spoken = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/**
 * Every link of the page in Chromium's accessibility tree: its computed accessible name, and the
 * text a sighted reader sees in it (text in elements that are not displayed or are clipped to a
 * pixel, such as .sr-only, left out), both reduced to what is spoken.
 */
async function linkNames(page: Page): Promise<{ href: string | null; name: string; visible: string }[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree')
    const out: { href: string | null; name: string; visible: string }[] = []
    for (const node of nodes) {
      if (node.ignored || node.role?.value !== 'link' || node.backendDOMNodeId === undefined) continue
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId })
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        functionDeclaration: `function () {
          const seen = (node) => {
            if (node.nodeType === Node.TEXT_NODE) return node.textContent
            if (node.nodeType !== Node.ELEMENT_NODE) return ''
            const style = getComputedStyle(node)
            if (style.display === 'none' || style.visibility === 'hidden') return ''
            const rect = node.getBoundingClientRect()
            if (style.position === 'absolute' && rect.width <= 1 && rect.height <= 1) return ''
            return Array.from(node.childNodes, seen).join('')
          }
          return { href: this.getAttribute('href'), visible: seen(this) }
        }`,
      })
      const { href, visible } = result.value as { href: string | null; visible: string }
      out.push({ href, name: spoken(String(node.name?.value ?? '')), visible: spoken(visible) })
    }
    return out
  } finally {
    await cdp.detach()
  }
}

/** Elements that stick out to the right of the viewport: what makes a page scroll sideways. */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const out: string[] = []
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const rect = el.getBoundingClientRect()
      if (rect.width === 0 || rect.right <= width + 1) continue
      // only the outermost culprit: skip elements whose parent already overflows
      const parent = el.parentElement
      if (parent && parent.getBoundingClientRect().right > width + 1) continue
      const id = el.id ? `#${el.id}` : ''
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join('.')}` : ''
      out.push(`${el.tagName.toLowerCase()}${id}${cls} right=${Math.round(rect.right)} "${(el.textContent ?? '').trim().slice(0, 40)}"`)
    }
    return out.slice(0, 5)
  })
}

describe('the privacy detectors of the tests', () => {
  const someone = [...privateValues.idNumbers][0]
  const phone = [...privateValues.phones][0]

  it('find an ID number by shape unless it is one of the page\'s own codes', () => {
    expect(idNumbersIn(`身份证号 ${someone}，电话`, new Set())).toEqual([someone])
    expect(idNumbersIn(`许可证编号${someone}`, new Set([someone]))).toEqual([])
    // a masked number, a 17-digit project code, a certificate serial and a USCC with letters are no ID numbers
    expect(idNumbersIn('460***********1230 46010020240300017 P20244601000001236 91460200MAQFL3PN8J', new Set())).toEqual([])
  })

  it('find mobile numbers, grouped or not, but not registration numbers or landlines', () => {
    expect(mobileNumbersIn(`联系电话：${phone}；138 1234 5678；+86-139-1234-5678`)).toEqual([phone, '138 1234 5678', '+86-139-1234-5678'])
    expect(mobileNumbersIn('琼14620240012 0898-61234567 138****5678 2026-11-20')).toEqual([])
  })

  it("find people's real numbers anywhere in the HTML", () => {
    expect(privateValuesIn(`<script>{"idNumber":"${someone}","phone":"${phone}"}</script>`, privateValues)).toEqual([someone, phone])
  })
})

describe.each(VIEWPORTS)('accessibility and layout at %s', (_name, device) => {
  const getPage = usePage(getBrowser, device)

  it.for(PAGES)('%s (%s)', async ([, path], { expect }) => {
    await checkPage(getPage(), path, expect)
  })

  // WCAG 2.5.3 Label in Name: a speech user says the words on screen to follow a link, so each
  // link's accessible name (as Chromium computes it) must contain its visible text
  it.for(LABEL_IN_NAME_PAGES)('every link on the %s page has its visible text in its accessible name', async ([, path], { expect }) => {
    const page = getPage()
    const response = await page.goto(path)
    expect(response?.status()).toBe(200)
    await page.locator('main h1').first().waitFor()
    // the home page's latest lists stream in after the static shell
    if (path === '/') await page.getByRole('region', { name: '最新施工许可' }).getByRole('listitem').first().waitFor()
    const links = await linkNames(page)
    expect(links.length).toBeGreaterThan(5)
    const mismatched = links.filter((l) => l.visible !== '' && !l.name.includes(l.visible))
    expect(mismatched).toEqual([])
  })

  // artefacts for people to look at (test-results/ is git-ignored); nothing is asserted about pixels
  it.runIf(isPhone(device))('takes screenshots of the home page and a construction permit', async () => {
    const page = getPage()
    await fs.mkdir(SCREENSHOTS, { recursive: true })
    await page.goto('/')
    // the latest lists stream in after the static shell
    await page.getByRole('region', { name: '最新施工许可' }).getByRole('listitem').first().waitFor()
    await screenshot(page, 'home-phone.png')
    await page.goto(detail.permit)
    await page.getByRole('heading', { level: 1, name: /施工许可证/ }).waitFor()
    await screenshot(page, 'permit-phone.png')
  })
})

async function screenshot(page: Page, name: string) {
  const file = path.join(SCREENSHOTS, name)
  await page.screenshot({ path: file, fullPage: true })
  // A screenshot of a blank, unstyled or half-rendered page is still a PNG: decode it and look.
  const image = PNG.sync.read(await fs.readFile(file))
  const viewport = page.viewportSize()!
  const ratio = await page.evaluate(() => window.devicePixelRatio)
  expect(image.width, `${name}: as wide as the phone`).toBe(viewport.width * ratio)
  expect(image.height, `${name}: at least one screen high`).toBeGreaterThanOrEqual(viewport.height * ratio)
  let ink = 0
  const colours = new Set<number>()
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i], image.data[i + 1], image.data[i + 2]]
    if (r + g + b < 3 * 110) ink++
    if (colours.size < 64) colours.add((r >> 4) * 256 + (g >> 4) * 16 + (b >> 4))
  }
  const pixels = image.width * image.height
  // text is dark on light: a rendered page has a few per cent of dark pixels and several colours
  expect(ink / pixels, `${name}: text was drawn`).toBeGreaterThan(0.005)
  expect(ink / pixels, `${name}: not a dark or empty screen`).toBeLessThan(0.5)
  expect(colours.size, `${name}: styled (more than a few colours)`).toBeGreaterThan(8)
}

async function checkPage(page: Page, path: string, expect: ExpectStatic) {
  const response = await page.goto(path)
  expect(response?.status()).toBe(200)
  // the page content streams in: wait until the page heading is there
  await page.locator('main h1').first().waitFor()

  expect.soft(await page.locator('html').getAttribute('lang'), 'html lang').toBe('zh-CN')
  expect.soft(await page.locator('h1').count(), 'number of h1').toBe(1)
  expect.soft(await page.getByRole('main').count(), 'number of main landmarks').toBe(1)

  // the skip link is the first thing the keyboard reaches, is visible then, and moves focus to main
  await page.keyboard.press('Tab')
  const skip = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const rect = el?.getBoundingClientRect()
    return { tag: el?.tagName, text: el?.textContent?.trim(), href: el?.getAttribute('href'), visible: !!rect && rect.width > 8 && rect.height > 8 }
  })
  expect.soft(skip, 'the first Tab stop').toEqual({ tag: 'A', text: '跳到主要内容', href: '#main', visible: true })
  if (skip.href === '#main') {
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.activeElement?.tagName === 'MAIN', undefined, { timeout: 5_000 }).catch(() => undefined)
    expect.soft(await page.evaluate(() => document.activeElement?.tagName), 'focus after Enter on the skip link').toBe('MAIN')
  }

  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const s = document.scrollingElement!
    return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth }
  })
  if (scrollWidth > clientWidth + 1) {
    expect.soft(scrollWidth, `page scrolls sideways; widest elements: ${(await overflowingElements(page)).join(' | ')}`).toBeLessThanOrEqual(clientWidth + 1)
  }

  // privacy: the text a reader sees, and everything the HTML carries
  const text = await page.locator('body').innerText()
  const known = await knownCodesOf(page)
  expect.soft(idNumbersIn(text, known), 'ID numbers in the page text').toEqual([])
  expect.soft(mobileNumbersIn(text), 'mobile numbers in the page text').toEqual([])
  expect.soft(privateValuesIn(await page.content(), privateValues), "people's real ID or phone numbers in the HTML").toEqual([])
}
