// The codec must run in Node, browsers and the WeChat mini-program: no Node built-ins, no
// WebCrypto, no TextEncoder/URL/atob/Buffer (absent or incomplete in some mini-program
// runtimes). Test files and the test helpers may use anything.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const dir = new URL('./', import.meta.url)
const modules = readdirSync(dir).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['testing.ts', 'print-test-vectors.ts'].includes(f),
)

describe('portability', () => {
  it('finds the modules', () => {
    expect(modules).toEqual(
      expect.arrayContaining(['base64url.ts', 'facts-digest.ts', 'payload.ts', 'signing.ts', 'verify.ts', 'jwks.ts']),
    )
  })

  it.each(modules)('%s uses no runtime-specific API', (file) => {
    const code = readFileSync(new URL(file, dir), 'utf8')
      .replace(/\/\/.*$/gm, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
    const imports = [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1])
    for (const spec of imports) {
      expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\.?\/|zod(\/mini)?$|@noble\/curves\/ed25519\.js$|@noble\/hashes\/sha2\.js$)/)
    }
    for (const api of ['node:', 'Buffer', 'TextEncoder', 'TextDecoder', 'new URL', 'atob', 'btoa', 'crypto.subtle', 'require(', 'process.']) {
      expect(code.includes(api), `${file} uses ${api}`).toBe(false)
    }
  })
})
