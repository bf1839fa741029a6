import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isActiveNavigationItem, mainNavigation } from './navigation'

const APP_DIR = fileURLToPath(new URL('../app', import.meta.url))

/** The page file of a static route, ignoring route groups such as app/(public)/. */
function pageExists(href: string, dir = APP_DIR, segments = href.split('/').filter(Boolean)): boolean {
  if (segments.length === 0) return ['page.tsx', 'page.ts', 'page.jsx', 'page.js'].some((f) => fs.existsSync(path.join(dir, f)))
  const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())
  const [head, ...rest] = segments
  return entries.some((e) =>
    e.name === head
      ? pageExists(href, path.join(dir, e.name), rest)
      : /^\(.+\)$/.test(e.name) && pageExists(href, path.join(dir, e.name), segments),
  )
}

describe('main navigation', () => {
  it('starts with the home page', () => {
    expect(mainNavigation[0]).toEqual({ href: '/', label: '首页' })
  })

  it('links only to pages that exist', () => {
    for (const item of mainNavigation) expect(pageExists(item.href), `${item.label} → ${item.href}`).toBe(true)
  })

  it('has unique links and labels', () => {
    expect(new Set(mainNavigation.map((i) => i.href)).size).toBe(mainNavigation.length)
    expect(new Set(mainNavigation.map((i) => i.label)).size).toBe(mainNavigation.length)
  })

  it('marks the home page only on itself, other sections also on their sub-pages', () => {
    const home = { href: '/' as const, label: '首页' }
    expect(isActiveNavigationItem(home, '/')).toBe(true)
    expect(isActiveNavigationItem(home, '/permits')).toBe(false)
    const permits = { href: '/permits', label: '施工许可' } as unknown as (typeof mainNavigation)[number]
    expect(isActiveNavigationItem(permits, '/permits')).toBe(true)
    expect(isActiveNavigationItem(permits, '/permits/460100202401010101')).toBe(true)
    expect(isActiveNavigationItem(permits, '/permits-archive')).toBe(false)
  })
})
