// A production portal of a test's own (scripts/serve/portal.ts on the built app and this run's
// database), for tests that read its output or stop it: the shared portal of the other tests must
// keep running and its output holds everyone's requests. Started on a free port with the run's
// server environment plus `env`, and awaited until /api/health answers.
import { spawn, type ChildProcess } from 'node:child_process'
import { inject } from 'vitest'
import { freePort } from '../../../scripts/lib/ports.ts'

export interface OwnPortal {
  server: ChildProcess
  port: number
  /** what it wrote to standard output, chunk by chunk */
  stdout: string[]
  /** what it wrote to standard error */
  stderr: string[]
  /** both, in the order they arrived */
  output: string[]
}

export async function startOwnPortal(env: Record<string, string>, timeoutMs = 60_000): Promise<OwnPortal> {
  const port = await freePort()
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve/portal.ts', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...inject('serverEnv'), PORTAL_ORIGIN: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const portal: OwnPortal = { server, port, stdout: [], stderr: [], output: [] }
  server.stdout?.on('data', (d) => (portal.stdout.push(String(d)), portal.output.push(String(d))))
  server.stderr?.on('data', (d) => (portal.stderr.push(String(d)), portal.output.push(String(d))))
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the portal exited with code ${server.exitCode}:\n${portal.output.join('')}`)
    if (Date.now() > deadline) throw new Error(`the portal did not start:\n${portal.output.join('')}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return portal
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}
