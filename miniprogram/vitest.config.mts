import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vitest/config'

const here = path.dirname(fileURLToPath(import.meta.url))
const ownNodeModules = path.join(here, 'node_modules') + path.sep

/**
 * Fails any bare import that resolves into a node_modules folder other than this project's
 * (e.g. the root project's, next to ../shared), the same guard the Taro build has.
 */
function ownNodeModulesOnly(): Plugin {
  return {
    name: 'own-node-modules-only',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/^[@a-z]/i.test(source) || source.startsWith('@shared/') || source.startsWith('@/')) return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      const file = resolved?.id.split('?')[0] ?? ''
      if (file.includes(`${path.sep}node_modules${path.sep}`) && !file.startsWith(ownNodeModules)) {
        this.error(`"${source}" imported by ${importer} resolved to ${file}, outside ${ownNodeModules}`)
      }
      return resolved
    },
  }
}

export default defineConfig({
  root: here,
  plugins: [ownNodeModulesOnly()],
  resolve: {
    alias: [
      { find: /^@shared\//, replacement: `${path.resolve(here, '../shared')}/` },
      { find: /^@\//, replacement: `${path.join(here, 'src')}/` },
    ],
    // ../shared has no node_modules of its own: without this, `zod` and `@noble/*` imported
    // there would be looked up in the root project's node_modules. dedupe resolves them from
    // this project's root instead, so the tests run the same packages as the build.
    dedupe: ['zod', '@noble/curves', '@noble/hashes', 'fflate'],
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
