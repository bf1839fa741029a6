// The built portal (`npx next build web` first) on a free loopback port, for the benchmarks.
import { spawn } from 'node:child_process'
import { freePort } from '../lib/ports.ts'

export { freePort }

/** Polls url until it answers 2xx (at most a minute). */
export async function until(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer`)
}

/**
 * Starts `next start` on port with the given environment; stops it when this process exits. The
 * returned stop function carries the pid of the server's process group (for CPU accounting).
 */
export function startNext(port: number, env: Record<string, string | undefined> = {}): (() => void) & { pid?: number } {
  const server = spawn('npx', ['next', 'start', 'web', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: 'ignore',
    detached: true,
  })
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
  }
  process.on('exit', stop)
  return Object.assign(stop, { pid: server.pid })
}
