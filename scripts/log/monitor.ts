// The transparency log monitor a third party runs (the ministry, a journalist, anyone), from any
// machine with Node 20 and a copy of this repository (docs/transparency-log.md "Monitoring"):
//
//   npm run log:monitor -- https://jzsc.hainan.gov.cn [--state FILE] [--vkey VKEY] [--watch SECONDS]
//
//   --state FILE     where the last accepted checkpoint, the pinned key and the tree's frontier are
//                    kept between runs (default ./log-monitor-<host>.json)
//   --vkey VKEY      the log's verifier key, as published in the README (recommended: otherwise
//                    the key served at /log/vkey is pinned on the first run, trust on first use)
//   --watch SECONDS  check again every SECONDS until stopped (default: check once)
//
// Exit status: 0 the log is consistent with everything seen before (new entries listed);
// 1 ALARM: bad signature, rewritten history, split view, tiles or entries that do not match the
// signed root — the state file is left as it was, so the alarm repeats; 2 the run could not check
// (usage, network, a malformed state file). The checks are in log-monitor.ts.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { LOG_EVENT_LABELS } from '../../shared/transparency-log/log-entry.ts'
import { MonitorError, monitorOnce, type MonitorResult, type MonitorState } from './log-monitor.ts'

const USAGE = 'usage: npm run log:monitor -- <portal-url> [--state FILE] [--vkey VKEY] [--watch SECONDS]'

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { cache: 'no-store', redirect: 'error', signal: AbortSignal.timeout(30_000) })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

function readState(file: string): MonitorState | null {
  let raw: string
  try {
    raw = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const state = JSON.parse(raw) as MonitorState
  if (state?.version !== 1 || typeof state.vkey !== 'string' || !Number.isSafeInteger(state.size) || !Array.isArray(state.frontier)) {
    throw new MonitorError(`${file} is not a monitor state file (version 1)`)
  }
  return state
}

/** Replaced atomically: a crash mid-write never leaves half a state (which would hide an alarm). */
function writeState(file: string, state: MonitorState): void {
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`)
  fs.renameSync(temp, file)
}

function report(result: MonitorResult, at: Date): void {
  const stamp = at.toISOString()
  if (!result.ok) {
    for (const a of result.alarms) console.error(`${stamp} ALARM ${a.kind}: ${a.message}`)
    return
  }
  const { state } = result
  if (result.pinnedKey) console.log(`${stamp} pinned the log key served at /log/vkey (trust on first use): ${state.vkey}`)
  console.log(`${stamp} OK ${state.portal} tree size ${state.size} (was ${result.previousSize}), root ${state.rootHash}, ${result.newEntries.length} new entries`)
  for (const { index, entry } of result.newEntries) {
    const digest = Buffer.from(entry.payloadSha256).toString('hex')
    console.log(`  #${index} ${entry.event}(${LOG_EVENT_LABELS[entry.event]}) ${entry.certificateType} ${entry.serial} at ${new Date(entry.occurredAt).toISOString()} key ${entry.keyId} payload sha256 ${digest}`)
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { state: { type: 'string' }, vkey: { type: 'string' }, watch: { type: 'string' } }, strict: true })
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const [portalArg] = parsed.positionals
  let portal: string
  try {
    portal = new URL(portalArg ?? '').origin
  } catch {
    console.error(`a portal URL is needed, e.g. https://jzsc.hainan.gov.cn\n${USAGE}`)
    return 2
  }
  const watch = parsed.values.watch === undefined ? null : Number(parsed.values.watch)
  if (watch !== null && !(Number.isInteger(watch) && watch >= 1)) {
    console.error(`--watch takes a whole number of seconds ≥ 1\n${USAGE}`)
    return 2
  }
  const stateFile = path.resolve(parsed.values.state ?? `log-monitor-${new URL(portal).host.replace(/[^A-Za-z0-9.-]/g, '_')}.json`)

  for (;;) {
    const now = new Date()
    let status: number
    try {
      const result = await monitorOnce({ portal, state: readState(stateFile), vkey: parsed.values.vkey, fetchBytes, now })
      report(result, now)
      if (result.ok) writeState(stateFile, result.state)
      status = result.ok ? 0 : 1
    } catch (error) {
      console.error(`${now.toISOString()} could not check the log: ${error instanceof Error ? error.message : String(error)}`)
      status = 2
    }
    if (watch === null || status === 1) return status
    await new Promise((resolve) => setTimeout(resolve, watch * 1000))
  }
}

process.exitCode = await main(process.argv.slice(2))
