import type { Actor } from '@shared/staff/actor'

/**
 * Who changes a record and when, for its audit entry. The steps take this rather than an Actor
 * because the objection review also runs without a session (operator commands, the demo seed).
 */
export interface ChangeContext {
  actor: Pick<Actor, 'userId' | 'clientIp'>
  now: Date
  /** why, when the change follows from an objection (its tracking number) */
  objection?: string
}
