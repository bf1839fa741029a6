#!/usr/bin/env node
// Checks that a Taro weapp build (dist/weapp) is complete enough to open in WeChat DevTools
// and to upload: plain Node, no dependencies.
//
//   node scripts/check-weapp-output.mjs [distDir] [--main-limit-kb=400] [--limit-kb=2048]
//
// What Taro 4 (webpack5, React) emits, and so what is checked:
// - app.js, app.json (with `pages`) and usually app.wxss; app.js requires the shared chunks
//   (runtime.js, taro.js, vendors.js, sometimes common.js).
// - per page: <page>.js, <page>.json and <page>.wxml. The .wxml is a stub that imports the
//   shared template base.wxml; the .json names the recursive component `comp` (comp.js/json/
//   wxml). <page>.wxss is emitted only when the page imports a stylesheet, so it is required
//   exactly when the page's source under src/ imports one.
// - every reference inside the output must exist: require() in .js, <import>/<include>/<wxs>
//   in .wxml, @import in .wxss, usingComponents in .json.
// - app.json lists exactly the pages of the source: every `pages/<name>/index` under src/ and
//   every entry of `pages` in src/app.config.ts (a page left out of app.json cannot be opened;
//   a listed page without files makes DevTools refuse the project).
// - every tabBar entry points to a listed page, and its icons exist, are PNG/JPG and are at
//   most 40 KB (WeChat's limits for tab icons).
// - no file holds zod's classic API (it does not tree-shake; the app runs zod/mini).
// - the main package (everything outside subpackage roots, except the DevTools project files)
//   must stay under 400 KB: our own budget (issue 15), far below WeChat's 2 MB, because the
//   main package is what a phone on a building site downloads before the first scan. Each
//   subpackage must stay under WeChat's 2 MB. The main package's size is printed either way
//   (CI shows it).
//
// Exit code 0 when everything holds, 1 otherwise.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
function numberArg(name, fallback) {
  const arg = args.find((a) => a.startsWith(`--${name}=`))
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`check-weapp-output: --${name} must be a positive number of KB`)
    process.exit(1)
  }
  return value
}
/** our budget for the main package (issue 15) */
const MAIN_LIMIT_KB = numberArg('main-limit-kb', 400)
/** WeChat's limit for each subpackage */
const LIMIT_KB = numberArg('limit-kb', 2048)
const distDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(projectRoot, 'dist', 'weapp'))
const srcDir = path.join(projectRoot, 'src')

/** Files DevTools reads for the project itself; not part of the uploaded code package. */
const PROJECT_FILES = new Set(['project.config.json', 'project.private.config.json'])
const SCRIPT_EXTS = ['.tsx', '.ts', '.jsx', '.js']
const STYLE_IMPORT = /import\s+['"][^'"]+\.(?:css|scss|sass|less|styl)['"]/

const errors = []
const notes = []
const rel = (p) => path.relative(distDir, p).split(path.sep).join('/')

function fail(msg) {
  errors.push(msg)
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    fail(`${rel(file)}: not valid JSON (${e.message})`)
    return null
  }
}

function walk(dir) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walk(p))
    else if (entry.isFile()) out.push(p)
  }
  return out
}

function requireFile(file, what) {
  if (!existsSync(file)) fail(`missing ${rel(file)}${what ? ` (${what})` : ''}`)
}

/** Resolves a reference made from `fromFile`; "/x" is relative to the package root. */
function resolveRef(fromFile, ref) {
  return ref.startsWith('/') ? path.join(distDir, ref) : path.resolve(path.dirname(fromFile), ref)
}

function checkReferences(file) {
  const ext = path.extname(file)
  if (ext === '.js') {
    const code = readFileSync(file, 'utf8')
    for (const m of code.matchAll(/\brequire\(\s*["'](\.{1,2}\/[^"']+|\/[^"']+)["']\s*\)/g)) {
      const target = resolveRef(file, m[1])
      if (![target, `${target}.js`, path.join(target, 'index.js')].some((t) => existsSync(t) && statSync(t).isFile())) {
        fail(`${rel(file)}: require("${m[1]}") points to a missing file`)
      }
    }
  } else if (ext === '.wxml') {
    const code = readFileSync(file, 'utf8')
    for (const m of code.matchAll(/<(import|include|wxs)\b[^>]*\bsrc=["']([^"'{}]+)["']/g)) {
      if (!existsSync(resolveRef(file, m[2]))) fail(`${rel(file)}: <${m[1]} src="${m[2]}"> points to a missing file`)
    }
  } else if (ext === '.wxss') {
    const code = readFileSync(file, 'utf8')
    for (const m of code.matchAll(/@import\s+["']([^"']+)["']/g)) {
      if (!existsSync(resolveRef(file, m[1]))) fail(`${rel(file)}: @import "${m[1]}" points to a missing file`)
    }
  } else if (ext === '.json' && !PROJECT_FILES.has(path.basename(file))) {
    const json = readJson(file)
    const using = json && typeof json.usingComponents === 'object' ? json.usingComponents : {}
    for (const [name, ref] of Object.entries(using)) {
      if (typeof ref !== 'string' || ref.startsWith('plugin://') || !/^[./]/.test(ref)) continue
      const base = resolveRef(file, ref)
      for (const e of ['.js', '.json', '.wxml']) {
        if (!existsSync(base + e)) fail(`${rel(file)}: component "${name}" (${ref}) has no ${path.basename(base + e)}`)
      }
    }
  }
}

function pageSourceImportsStyle(page) {
  for (const ext of SCRIPT_EXTS) {
    const f = path.join(srcDir, page + ext)
    if (existsSync(f)) return STYLE_IMPORT.test(readFileSync(f, 'utf8'))
  }
  return null // source not found (e.g. checking a dist copied elsewhere)
}

function checkPage(page) {
  const base = path.join(distDir, page)
  for (const ext of ['.js', '.json', '.wxml']) requireFile(base + ext, `page ${page}`)
  if (existsSync(base + '.json')) readJson(base + '.json')
  if (!existsSync(base + '.wxss')) {
    const styled = pageSourceImportsStyle(page)
    if (styled === true) fail(`missing ${page}.wxss although src/${page} imports a stylesheet`)
    else if (styled === null) fail(`missing ${page}.wxss and src/${page} not found to tell whether it has styles`)
    else notes.push(`${page} has no stylesheet of its own (its source imports none)`)
  }
}

/** Page paths declared in src/app.config.ts (the `pages: [...]` list); null if not found. */
function sourceConfigPages() {
  const file = path.join(srcDir, 'app.config.ts')
  if (!existsSync(file)) return null
  const m = /\bpages\s*:\s*\[([^\]]*)\]/.exec(readFileSync(file, 'utf8'))
  return m ? [...m[1].matchAll(/['"]([^'"]+)['"]/g)].map((x) => x[1]) : null
}

/** Page sources on disk: src/pages/<name>/index.{tsx,ts,jsx,js} (platform variants excluded). */
function sourcePageFiles() {
  const pagesDir = path.join(srcDir, 'pages')
  if (!existsSync(pagesDir)) return null
  const found = []
  for (const entry of readdirSync(pagesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    if (SCRIPT_EXTS.some((ext) => existsSync(path.join(pagesDir, entry.name, `index${ext}`)))) found.push(`pages/${entry.name}/index`)
  }
  return found
}

function checkPageLists(listed) {
  const inConfig = sourceConfigPages()
  const onDisk = sourcePageFiles()
  if (inConfig === null || onDisk === null) {
    notes.push('src/ not found next to the output: app.json not compared with the source pages')
    return
  }
  for (const page of new Set([...inConfig, ...onDisk])) {
    if (!listed.includes(page)) fail(`app.json does not list ${page} (it is ${inConfig.includes(page) ? 'in src/app.config.ts' : 'a page folder under src/'})`)
  }
  for (const page of onDisk) {
    if (!inConfig.includes(page)) fail(`src/${page} exists but src/app.config.ts does not list it`)
  }
  for (const page of listed) {
    if (!inConfig.includes(page)) fail(`app.json lists ${page}, which src/app.config.ts does not`)
  }
}

const TAB_ICON_LIMIT = 40 * 1024

function checkTabBar(app, listed) {
  const list = app?.tabBar?.list
  if (!app?.tabBar) return
  if (!Array.isArray(list) || list.length < 2 || list.length > 5) {
    fail('app.json: tabBar.list must have 2 to 5 entries')
    return
  }
  for (const tab of list) {
    if (!listed.includes(tab.pagePath)) fail(`tabBar entry "${tab.text}" points to ${tab.pagePath}, which is not a main-package page`)
    for (const key of ['iconPath', 'selectedIconPath']) {
      if (tab[key] === undefined) continue
      const icon = path.join(distDir, tab[key])
      if (!existsSync(icon)) fail(`tabBar entry "${tab.text}": ${key} ${tab[key]} is missing`)
      else if (!/\.(png|jpe?g)$/i.test(icon)) fail(`tabBar entry "${tab.text}": ${key} must be a PNG or JPG file`)
      else if (statSync(icon).size > TAB_ICON_LIMIT) fail(`tabBar entry "${tab.text}": ${key} is over 40 KB`)
    }
  }
}

function kb(bytes) {
  return (bytes / 1024).toFixed(1)
}

function main() {
  if (!existsSync(distDir)) {
    console.error(`check-weapp-output: ${distDir} does not exist; run \`npm run build:weapp\` first`)
    process.exit(1)
  }
  const appJsonPath = path.join(distDir, 'app.json')
  requireFile(appJsonPath, 'app config')
  requireFile(path.join(distDir, 'app.js'), 'app entry')
  const app = existsSync(appJsonPath) ? readJson(appJsonPath) : null

  const mainPages = Array.isArray(app?.pages) ? app.pages : []
  if (app && (mainPages.length === 0 || !mainPages.every((p) => typeof p === 'string' && p))) {
    fail('app.json: `pages` must be a non-empty list of page paths')
  }
  const subpackages = (app?.subpackages ?? app?.subPackages ?? []).map((s) => ({
    root: String(s.root).replace(/^\/+|\/+$/g, ''),
    pages: (s.pages ?? []).map((p) => `${String(s.root).replace(/^\/+|\/+$/g, '')}/${p}`),
  }))
  const allPages = [...mainPages, ...subpackages.flatMap((s) => s.pages)]
  for (const page of allPages) checkPage(page)
  if (app) {
    checkPageLists(allPages)
    checkTabBar(app, mainPages)
  }

  const files = existsSync(distDir) ? walk(distDir) : []
  for (const f of files) checkReferences(f)

  // sizes: the main package is everything outside subpackage roots
  const sizes = new Map([['main', 0], ...subpackages.map((s) => [s.root, 0])])
  for (const f of files) {
    const r = rel(f)
    if (PROJECT_FILES.has(r)) continue
    const sub = subpackages.find((s) => r === s.root || r.startsWith(`${s.root}/`))
    const key = sub ? sub.root : 'main'
    sizes.set(key, sizes.get(key) + statSync(f).size)
  }

  console.log(`weapp output: ${distDir}`)
  console.log(`pages (${allPages.length}): ${allPages.join(', ') || '(none)'}`)
  for (const [name, bytes] of sizes) {
    const label = name === 'main' ? 'main package' : `subpackage ${name}`
    const limit = name === 'main' ? MAIN_LIMIT_KB : LIMIT_KB
    const over = bytes >= limit * 1024
    console.log(`${label}: ${kb(bytes)} KB (limit ${limit} KB)${over ? '  <-- OVER THE LIMIT' : ''}`)
    if (over) fail(`${label} is ${kb(bytes)} KB, not under the ${limit} KB limit`)
  }
  // zod's classic API does not tree-shake (~70 KB): the app and the shared modules it runs use
  // zod/mini, the others build their schemas under /*#__PURE__*/ (README "Size"). Its schema
  // classes register under their names, which survive minifying.
  for (const f of files) {
    if (f.endsWith('.js') && /["']ZodString["']/.test(readFileSync(f, 'utf8'))) {
      fail(`${rel(f)} holds zod's classic API (ZodString): something imported from shared/ builds a classic schema the app runs, or one without /*#__PURE__*/`)
    }
  }
  if (files.some((f) => f.endsWith('.js.map'))) {
    notes.push('source maps found: this looks like a development (watch) build, which is unminified; sizes count every file, so check a production build (`npm run build:weapp`)')
  }
  for (const n of notes) console.log(`note: ${n}`)

  if (errors.length > 0) {
    console.error(`\nweapp output check FAILED (${errors.length} problem${errors.length > 1 ? 's' : ''}):`)
    for (const e of errors) console.error(`  - ${e}`)
    process.exit(1)
  }
  console.log(`weapp output check passed: ${files.length} files`)
}

main()
