// What one kind of import (enterprises, practitioners, a stage, integrity records…) provides to the
// import runner: the permission it needs and a writer that decides and writes a batch of rows in
// the runner's transaction. A handler calls the same use-case code the staff forms call (their
// in-transaction bodies), so a row is judged by the same rules whichever way it arrives.
import type { Actor } from '@shared/staff/actor'
import type { Permission } from '@shared/staff/permissions'
import type { AuditEntryInput, Tx } from '@web/server/audit/audit-log-repository'
import type { SubjectRef } from '@web/server/credit/grade-snapshots-repository'
import type { ImportRow, RowProblem } from '@shared/import/import-row'

export type { ImportRow, RowProblem } from '@shared/import/import-row'

/** What a valid row does: a new entity, a change of an existing one, or nothing (already so). */
export type RowOutcome = 'create' | 'change' | 'unchanged'

/** What a valid row did, and the database id of the entity it wrote or found (the exchange API answers with it). */
export interface RowDecision {
  outcome: RowOutcome
  id: string
}

/** A written row's decision, or a refused row's reasons, each naming the cell (row, the column's Chinese header, the value). */
export type RowResult = ({ row: number } & RowDecision) | { row: number; problems: RowProblem[] }

export interface ImportBatch {
  tx: Tx
  actor: Actor
  now: Date
  /** per-entity audit entries of the batch; the runner appends them after the batch, in order */
  audit: AuditEntryInput[]
  /** subjects whose integrity records changed: the runner recomputes their grades after the commit */
  changedSubjects: SubjectRef[]
  /** where the rows come from, for audit entries and for reasons a change must give (a record's correction) */
  source: { jobId: string; fileName: string }
}

export interface ImportHandler {
  permission: Permission
  /**
   * Decides and writes each row; a refused row writes nothing. Rows arrive in file order, without
   * problems of their own (a row whose cells could not be read never reaches the handler).
   */
  writeBatch(batch: ImportBatch, rows: readonly ImportRow[]): Promise<RowResult[]>
}
