// Public instances (PORTAL_ROLE=public): the start-up refusal when given a private key (what
// web/instrumentation.ts does when a server starts, with the environment of a real deployment), and
// the exchange API that does not exist there.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { createDemoKeyFile } from '@shared/certificates/key-file'
import { exportPublicKeyFile } from '@shared/certificates/key-ring-file'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'instance-keys-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
afterEach(async () => {
  vi.unstubAllEnvs()
  const { setKeyRingForTesting } = await import('@web/server/certificates/signing-keys')
  setKeyRingForTesting(undefined)
  vi.resetModules()
})

const keyFile = createDemoKeyFile()
const privateFile = path.join(dir, 'certificate-keys.json')
const publicFile = path.join(dir, 'certificate-public-keys.json')
fs.writeFileSync(privateFile, JSON.stringify(keyFile))
fs.writeFileSync(publicFile, JSON.stringify(exportPublicKeyFile(keyFile)))

class Exited extends Error {}

/** Runs the start-up hook; rejects with the message it printed when it stops the process. */
async function startServer(vars: Record<string, string>): Promise<void> {
  vi.stubEnv('NEXT_RUNTIME', 'nodejs')
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value)
  vi.resetModules()
  const printed: string[] = []
  const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')))
  const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exited(`exit ${code}: ${printed.join('\n')}`)
  })
  try {
    const { register } = await import('@web/instrumentation')
    await register()
  } finally {
    error.mockRestore()
    exit.mockRestore()
  }
}

// the first import of the app's modules takes seconds on a busy machine
describe('instance start-up', { timeout: 60_000 }, () => {
  it('a public instance refuses to start with a key file holding a private key, naming the variable', async () => {
    await expect(startServer({ PORTAL_ROLE: 'public', CERTIFICATE_KEYS_FILE: privateFile })).rejects.toThrow(
      /^exit 1: 拒绝启动 \/ refusing to start: [\s\S]*CERTIFICATE_KEYS_FILE: keys\.0\.secretKeyHex: 公开实例/,
    )
  })

  it('a public instance refuses to start with CERTIFICATE_SIGNING_KEY_HEX', async () => {
    await expect(
      startServer({ PORTAL_ROLE: 'public', CERTIFICATE_KEYS_FILE: publicFile, CERTIFICATE_SIGNING_KEY_HEX: keyFile.keys[0].secretKeyHex! }),
    ).rejects.toThrow(/^exit 1: [\s\S]*CERTIFICATE_SIGNING_KEY_HEX: must not be set when PORTAL_ROLE=public/)
  })

  it('a public instance starts with the public key file and cannot sign', async () => {
    await startServer({ PORTAL_ROLE: 'public', CERTIFICATE_KEYS_FILE: publicFile })
    const { portalKeyRing } = await import('@web/lib/certificates/portal-certificates')
    expect(portalKeyRing().active).toBeNull()
    expect(portalKeyRing().publicKeys.map((k) => k.keyId)).toEqual([1])
  })

  it('a staff instance starts with the private key file and signs', async () => {
    await startServer({ PORTAL_ROLE: 'staff', CERTIFICATE_KEYS_FILE: privateFile })
    const { portalKeyRing } = await import('@web/lib/certificates/portal-certificates')
    expect(portalKeyRing().active?.keyId).toBe(1)
  })
})

describe('the exchange API by role', { timeout: 60_000 }, () => {
  async function post(role: string): Promise<Response> {
    vi.stubEnv('PORTAL_ROLE', role)
    vi.stubEnv('CERTIFICATE_KEYS_FILE', role === 'public' ? publicFile : privateFile)
    vi.resetModules()
    const { exchangeRoute } = await import('@web/lib/exchange/exchange-route')
    const handler = exchangeRoute('enterprises:write' as never, async () => ({ status: 200, body: { reached: true } }))
    return handler(new Request('http://localhost:3000/api/exchange/v1/enterprises', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }))
  }

  it('is 404 on a public instance, before any token is looked at', async () => {
    const response = await post('public')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: '本实例不提供数据交换接口' } })
  })

  it('asks for a token on staff and combined instances', async () => {
    for (const role of ['staff', 'all']) expect((await post(role)).status).toBe(401)
  })
})

describe('the request proxy by role', { timeout: 60_000 }, () => {
  async function request(role: string, path: string, method = 'GET'): Promise<Response> {
    vi.stubEnv('PORTAL_ROLE', role)
    vi.stubEnv('CERTIFICATE_KEYS_FILE', role === 'public' ? publicFile : privateFile)
    vi.resetModules()
    const { NextRequest } = await import('next/server')
    const { proxy } = await import('@web/proxy')
    return proxy(new NextRequest(`http://localhost:3000${path}`, { method }))
  }
  /** what Next does with the proxy's answer: a rewrite names its target in this header */
  const rewrittenTo = (response: Response) => response.headers.get('x-middleware-rewrite')

  it('answers the staff pages, their server actions and the exchange API with 404 on a public instance', async () => {
    for (const [path, method] of [
      ['/admin', 'GET'],
      ['/admin/projects/H460100202600001', 'GET'],
      ['/admin/sign-in', 'POST'],
    ] as const) {
      const response = await request('public', path, method)
      expect(response.status, path).toBe(404)
      expect(rewrittenTo(response), path).toBe('http://localhost:3000/_not-found')
      expect(response.headers.get('content-security-policy'), path).toContain('nonce-')
    }
    const api = await request('public', '/api/exchange/v1/enterprises', 'POST')
    expect(api.status).toBe(404)
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: '本实例不提供此接口' } })
  })

  it('passes them on to the app on staff and combined instances, and the public pages everywhere', async () => {
    for (const role of ['staff', 'all']) {
      const response = await request(role, '/admin')
      expect(response.status, role).toBe(200)
      expect(rewrittenTo(response), role).toBeNull()
    }
    const home = await request('public', '/')
    expect(home.status).toBe(200)
    expect(rewrittenTo(home)).toBeNull()
  })
})
