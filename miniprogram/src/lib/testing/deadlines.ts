// Deadlines that fire when a test says so: the client tests check that a request ends when its
// deadline fires (and is aborted), and that other failures do not wait for one, without timing
// anything against the wall clock.
import type { DeadlineTimer } from '../http'

interface Armed {
  ms: number
  expire: () => void
  done: boolean
}

export interface ManualDeadlines {
  timer: DeadlineTimer
  /** lengths of the deadlines armed and neither fired nor cancelled, in arming order */
  pending(): number[]
  /** every length ever armed, in arming order */
  armed(): number[]
  /** fires the pending deadlines of that length (all pending ones when omitted); returns how many */
  fire(ms?: number): number
}

export function manualDeadlines(): ManualDeadlines {
  const all: Armed[] = []
  return {
    timer(ms, expire) {
      const entry: Armed = { ms, expire, done: false }
      all.push(entry)
      return () => {
        entry.done = true
      }
    },
    pending: () => all.filter((a) => !a.done).map((a) => a.ms),
    armed: () => all.map((a) => a.ms),
    fire(ms) {
      const due = all.filter((a) => !a.done && (ms === undefined || a.ms === ms))
      for (const a of due) {
        a.done = true
        a.expire()
      }
      return due.length
    },
  }
}
