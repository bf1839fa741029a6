// Runs after `npm install`/`npm ci` at the root: the mini-program is its own npm project
// (Taro 4 needs React 18, the portal React 19), and the Prisma clients are generated, not committed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts })
  if (r.status !== 0) {
    console.error(`postinstall: ${cmd} ${args.join(' ')} failed with exit code ${r.status}`)
    process.exit(r.status ?? 1)
  }
}

if (existsSync('prisma/schema.prisma')) run('npx', ['tsx', 'scripts/db/generate.ts'])

if (existsSync('miniprogram/package.json') && process.env.SKIP_MINIPROGRAM_INSTALL !== '1') {
  const ci = existsSync('miniprogram/package-lock.json')
  run('npm', [ci ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: 'miniprogram' })
}
