// 建筑市场主体“黑名单” (建市〔2017〕241号 第十四条): which records establish a ground, from when,
// and until when the subject stays listed.
//
// Rules, all decided here so the portal never reasons about them:
// - Only records that count on the day in question can establish a ground. 241号 第十三条
//   forbids punishing with bad information past its publication period, so a ground ends at
//   the latest when its record's publication ends (and a withdrawn record never lists).
// - A ground is established on the first public day (publishFrom) of the record that completes
//   it: for "two 较大 accidents within a year", the later of the two.
// - "Within N months" compares decision days (decidedOn, the facts' dates): the later decision
//   must fall before the earlier one plus N months (calendar months, day clamped), so 12 months
//   to the day is no longer "within a year".
// - A ground lists the subject for `listingMonths` from its establishment. A new ground arising
//   while listed starts its own period, so listing runs until the last of a chain of
//   overlapping (or back-to-back) periods ends: that day is `removableOn`, the first day off the
//   list, and `listedOn` is where the chain began.

import type { CompiledStandard, CompiledTrigger } from './compile'
import { addMonths, maxDay, minDay } from './days'
import type { ScoringRecord } from './record-input'

export interface GroundEvent {
  trigger: CompiledTrigger
  /** the records that together establish the ground, by decision day */
  records: ScoringRecord[]
  /** first listed day */
  from: string
  /** first day no longer listed on this ground's account */
  until: string
}

function byDecision(a: ScoringRecord, b: ScoringRecord): number {
  return a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function eventOf(trigger: CompiledTrigger, records: ScoringRecord[], listingMonths: number): GroundEvent {
  let from = records[0].publishFrom
  let recordsEnd = records[0].publishUntil
  for (let i = 1; i < records.length; i++) {
    from = maxDay(from, records[i].publishFrom)
    recordsEnd = minDay(recordsEnd, records[i].publishUntil)
  }
  return { trigger, records, from, until: minDay(addMonths(from, listingMonths), recordsEnd) }
}

/**
 * Every ground event the given records establish. `records` must already be the ones eligible
 * (active, applicable, of a known category); the caller decides for which day.
 */
export function groundEvents(compiled: CompiledStandard, records: readonly ScoringRecord[]): GroundEvent[] {
  const events: GroundEvent[] = []
  for (const trigger of compiled.triggers) {
    const matching = records.filter((r) => trigger.categories.has(r.categoryCode))
    if (matching.length < trigger.count) continue
    if (trigger.count === 1) {
      for (const r of matching) events.push(eventOf(trigger, [r], compiled.listingMonths))
      continue
    }
    matching.sort(byDecision)
    const within = trigger.withinMonths as number
    // every combination of `count` records whose decisions all fall within the window opened by
    // the earliest one; accidents are rare, so the combinations stay few
    const pick = (start: number, chosen: ScoringRecord[]) => {
      if (chosen.length === trigger.count) {
        events.push(eventOf(trigger, chosen.slice(), compiled.listingMonths))
        return
      }
      for (let i = start; i < matching.length; i++) {
        if (chosen.length > 0 && !(matching[i].decidedOn < addMonths(chosen[0].decidedOn, within))) break
        chosen.push(matching[i])
        pick(i + 1, chosen)
        chosen.pop()
      }
    }
    pick(0, [])
  }
  return events
}

export interface Listing {
  listed: boolean
  /** events in force on the day */
  active: GroundEvent[]
  listedOn: string | null
  removableOn: string | null
}

/** Listing status on `day` from events established by records that count on `day`. */
export function listingOn(events: readonly GroundEvent[], day: string): Listing {
  const active = events.filter((e) => e.from <= day && day < e.until)
  if (active.length === 0) return { listed: false, active, listedOn: null, removableOn: null }
  let start = active[0].from
  let end = active[0].until
  for (const e of active) {
    start = minDay(start, e.from)
    end = maxDay(end, e.until)
  }
  // grow the run through periods that overlap or touch it, in both directions
  for (let grown = true; grown; ) {
    grown = false
    for (const e of events) {
      if (e.from <= end && e.until >= start && (e.from < start || e.until > end)) {
        start = minDay(start, e.from)
        end = maxDay(end, e.until)
        grown = true
      }
    }
  }
  return { listed: true, active, listedOn: start, removableOn: end }
}
