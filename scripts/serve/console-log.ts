// Next.js reports its own errors and warnings (a page that threw, an unknown server action, a
// failed revalidation) with console.error / console.warn, as coloured plain text. In the production
// server those calls become JSON lines of the process's logger instead, so that everything on
// standard output is one JSON object a line: with the request id when the call happens while a
// request is served (the logger's async context), an `err` field with the stack for an Error, and
// anything shaped like an ID or mobile number in the text replaced (Next quotes URLs and input).
import { formatWithOptions } from 'node:util'
import type { Logger } from 'pino'
import { redactPersonalNumbers } from '../../web/server/lib/logger.ts'

type ConsoleMethod = 'error' | 'warn' | 'info' | 'log' | 'debug'

const LEVELS: Record<ConsoleMethod, 'error' | 'warn' | 'info' | 'debug'> = {
  error: 'error',
  warn: 'warn',
  info: 'info',
  log: 'info',
  debug: 'debug',
}

// colours and cursor codes (Next colours its prefixes)
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g

/** The log line's message: the arguments as console would print them, without colours or Next's ⨯ / ⚠ / ○ markers. */
export function consoleMessage(args: readonly unknown[]): string {
  const text = formatWithOptions({ colors: false, depth: 4, breakLength: Infinity }, ...args)
  return redactPersonalNumbers(text.replace(ANSI, '').replace(/^\s*[⨯⚠○✓▲]\s*/u, '').trim())
}

/**
 * Sends console.error/warn/info/log/debug to the logger `logger()` returns at each call (so a
 * logger configured later is used). The first Error among the arguments becomes the `err` field
 * (the logger's serializer redacts its message and stack); the others make the message. Returns
 * a function that puts the original methods back.
 */
export function routeConsoleToLogger(logger: () => Logger): () => void {
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>()
  for (const method of Object.keys(LEVELS) as ConsoleMethod[]) {
    originals.set(method, console[method])
    console[method] = (...args: unknown[]) => {
      const index = args.findIndex((a) => a instanceof Error)
      const rest = index >= 0 ? args.filter((_, i) => i !== index) : args
      const message = consoleMessage(rest) || (index >= 0 ? redactPersonalNumbers((args[index] as Error).message) : '')
      const level = LEVELS[method]
      if (index >= 0) logger()[level]({ err: args[index], source: 'console' }, message)
      else logger()[level]({ source: 'console' }, message)
    }
  }
  return () => {
    for (const [method, original] of originals) console[method] = original
  }
}
