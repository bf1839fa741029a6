// Next's console output in the production server: JSON lines of the process logger, at the
// matching level, with the request id inside a request, an Error as `err` with its stack, without
// colour codes, and with ID and mobile numbers replaced in the message and in the error.
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { configureLogger, getLogger, withRequestContext } from '@web/server/lib/logger'
import { consoleMessage, routeConsoleToLogger } from './console-log'

const ID_NUMBER = '46010019800101001X'
const PHONE = '13812345678'

function captureLogs() {
  const raw: string[] = []
  const destination = new Writable({
    write(chunk, _enc, cb) {
      raw.push(...String(chunk).split('\n').filter(Boolean))
      cb()
    },
  })
  configureLogger({ level: 'debug', destination })
  return raw
}

let restore: (() => void) | null = null
afterEach(() => {
  restore?.()
  restore = null
  configureLogger({ level: 'info' })
})

describe('routeConsoleToLogger', () => {
  it('writes an error Next reports while serving a request as one JSON line with the request id and the stack', () => {
    const raw = captureLogs()
    restore = routeConsoleToLogger(getLogger)
    const error = Object.assign(new Error(`no permit for /practitioners/${ID_NUMBER}`), { digest: '2874410953' })
    withRequestContext({ requestId: 'req-next-1' }, () => console.error(error))
    expect(raw).toHaveLength(1)
    const line = JSON.parse(raw[0])
    expect(line).toMatchObject({ level: 'error', requestId: 'req-next-1', source: 'console', err: { type: 'Error', digest: '2874410953' } })
    expect(line.err.stack).toMatch(/console-log\.test\.ts/)
    expect(line.msg).toBe('no permit for /practitioners/[redacted]')
    expect(raw[0]).not.toContain(ID_NUMBER)
  })

  it('keeps the level, strips colours and markers, and redacts numbers in plain messages', () => {
    const raw = captureLogs()
    restore = routeConsoleToLogger(getLogger)
    console.warn('\u001b[33m\u001b[1m⚠\u001b[22m\u001b[39m Failed to find Server Action "%s" for caller %s', 'abc123', PHONE)
    console.log('ready')
    console.debug({ detail: 1 })
    const lines = raw.map((l) => JSON.parse(l))
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'Failed to find Server Action "abc123" for caller [redacted]'],
      ['info', 'ready'],
      ['debug', '{ detail: 1 }'],
    ])
    // outside a request: no request id
    expect(lines.every((l) => !('requestId' in l))).toBe(true)
  })

  it('puts the original console methods back', () => {
    const before = console.error
    restore = routeConsoleToLogger(getLogger)
    expect(console.error).not.toBe(before)
    restore()
    restore = null
    expect(console.error).toBe(before)
  })
})

describe('consoleMessage', () => {
  it('formats like console, without colour codes', () => {
    expect(consoleMessage(['\u001b[31m ⨯\u001b[39m %s failed: %d', 'render', 3])).toBe('render failed: 3')
    expect(consoleMessage([`ID ${ID_NUMBER}, phone ${PHONE}`])).toBe('ID [redacted], phone [redacted]')
  })
})
