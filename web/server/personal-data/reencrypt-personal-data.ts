// Converting and re-encrypting the stored personal data (npm run pii:encrypt, npm run pii:rekey).
//
// encrypt: every value still in plain text (written before encryption, or by an old version) is
//          encrypted under the active key and its keyed hash filled in; encrypted values are left
//          alone. Run once after the migration that introduced encryption; running again is a no-op.
// rekey:   additionally every value under another key is re-encrypted under the active key, and
//          every keyed hash recomputed with the current HMAC key (so the HMAC key can change too).
//
// Both walk people and objections in id order in batches, each batch in its own transaction, so
// an interrupted run keeps what it finished and the next run — which skips rows already in the
// wanted state — resumes. A row changed by someone else between read and write is left for the
// next run (counted as `skipped`), never overwritten.
//
// Audited like every other write: each batch that changes rows appends, in its own transaction,
// an entry `personal-data.<mode>` on the table (entityId: the batch's first and last row id) with
// the counts, the active key id and the key ids the changed rows' values were under before ('plain'
// for plain text) — never a value; a run ends with `personal-data.<mode>.complete` carrying the
// totals and the ring's key ids, also when nothing needed changing.
import type { Db } from '@db/client'
import { normalizeIdNumber } from '@shared/validators/id-number'
import { appendAuditEntry, withAuditRetry, type Tx } from '@web/server/audit/audit-log-repository'
import { decryptField, encryptField, isEncrypted, keyIdOf, lookupHash, type PersonalDataField, type PersonalDataKeyRing } from './field-cipher'
import { createPersonalDataRepository, type StoredObjection, type StoredPerson } from './personal-data-repository'

export type ReencryptMode = 'encrypt' | 'rekey'

export interface ReencryptReport {
  people: { scanned: number; changed: number; skipped: number }
  objections: { scanned: number; changed: number; skipped: number }
}

export interface ReencryptOptions {
  batchSize?: number
  /** the staff account the operator named (the commands' --user), null for none */
  userId?: string | null
  now?: () => Date
  /** called after each committed batch */
  progress?: (table: 'Person' | 'Objection', report: ReencryptReport) => void
}

/** The value as it should be stored: unchanged when it already is, else (re-)encrypted. */
function wanted(ring: PersonalDataKeyRing, mode: ReencryptMode, field: PersonalDataField, stored: string): { plain: string; stored: string } {
  if (!isEncrypted(stored)) return { plain: stored, stored: encryptField(ring, field, stored) }
  const plain = decryptField(ring, field, stored)
  if (mode === 'rekey' && keyIdOf(stored) !== ring.activeKeyId) return { plain, stored: encryptField(ring, field, plain) }
  return { plain, stored }
}

function personTarget(ring: PersonalDataKeyRing, mode: ReencryptMode, row: StoredPerson): Omit<StoredPerson, 'id'> {
  const id = wanted(ring, mode, 'person.idNumber', row.idNumber)
  const normalized = normalizeIdNumber(id.plain)
  const idNumber = id.plain === normalized ? id.stored : encryptField(ring, 'person.idNumber', normalized)
  const hashNeeded = row.idNumberHash === null || mode === 'rekey'
  return {
    idNumber,
    idNumberHash: hashNeeded ? lookupHash(ring, 'idNumber', normalized) : row.idNumberHash,
    phone: row.phone === null ? null : wanted(ring, mode, 'person.phone', row.phone).stored,
  }
}

function objectionTarget(ring: PersonalDataKeyRing, mode: ReencryptMode, row: StoredObjection): Omit<StoredObjection, 'id'> {
  const phone = wanted(ring, mode, 'objection.contactPhone', row.contactPhone)
  const hashNeeded = row.contactPhoneHash === null || mode === 'rekey'
  return {
    contactPhone: phone.stored,
    contactPhoneHash: hashNeeded ? lookupHash(ring, 'phone', phone.plain.trim()) : row.contactPhoneHash,
    email: row.email === null ? null : wanted(ring, mode, 'objection.email', row.email).stored,
  }
}

function differs<T extends object>(a: T, b: T): boolean {
  return (Object.keys(b) as (keyof T)[]).some((k) => a[k] !== b[k])
}

/** The key id a stored value is encrypted under, or 'plain'. */
function keyOfStored(stored: string | null): string | null {
  if (stored === null) return null
  return isEncrypted(stored) ? keyIdOf(stored) : 'plain'
}

/** How many of the changed values were under each key (or plain) before: key ids only, no value. */
function keysBefore(values: readonly (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const v of values) {
    const key = keyOfStored(v)
    if (key !== null) counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

export async function reencryptPersonalData(db: Db, ring: PersonalDataKeyRing, mode: ReencryptMode, options: ReencryptOptions = {}): Promise<ReencryptReport> {
  const batchSize = options.batchSize ?? 1_000
  const report: ReencryptReport = { people: { scanned: 0, changed: 0, skipped: 0 }, objections: { scanned: 0, changed: 0, skipped: 0 } }

  const userId = options.userId ?? null
  const now = options.now ?? (() => new Date())
  const action = `personal-data.${mode}`

  async function walk<R extends { id: string }>(
    table: 'Person' | 'Objection',
    counts: ReencryptReport['people'],
    read: (afterId: string | null) => Promise<R[]>,
    target: (row: R) => Omit<R, 'id'>,
    replace: (tx: Tx, before: R, after: Omit<R, 'id'>) => Promise<boolean>,
    encrypted: (row: R) => (string | null)[],
  ): Promise<void> {
    let after: string | null = null
    for (;;) {
      const rows = await read(after)
      if (rows.length === 0) return
      after = rows[rows.length - 1].id
      counts.scanned += rows.length
      const changes = rows.map((row) => ({ row, next: target(row) })).filter(({ row, next }) => differs(row as Omit<R, 'id'>, next))
      if (changes.length > 0) {
        // counted per attempt: withAuditRetry runs the batch again when another writer appended first
        const batch = await withAuditRetry(db, async (tx) => {
          const done = { changed: 0, skipped: 0 }
          const changedRows: R[] = []
          for (const { row, next } of changes) {
            if (await replace(tx, row, next)) {
              done.changed++
              changedRows.push(row)
            } else done.skipped++
          }
          await appendAuditEntry(tx, {
            userId,
            action,
            entity: table,
            entityId: `${rows[0].id}..${rows[rows.length - 1].id}`,
            changes: { mode, activeKeyId: ring.activeKeyId, rows: rows.length, ...done, before: keysBefore(changedRows.flatMap(encrypted)) },
            at: now(),
          })
          return done
        })
        counts.changed += batch.changed
        counts.skipped += batch.skipped
      }
      options.progress?.(table, report)
    }
  }

  const repo = createPersonalDataRepository(db)
  await walk(
    'Person',
    report.people,
    (a) => repo.peopleAfter(a, batchSize),
    (r) => personTarget(ring, mode, r),
    (tx, b, n) => createPersonalDataRepository(tx).replacePerson(b, n),
    (r) => [r.idNumber, r.phone],
  )
  await walk(
    'Objection',
    report.objections,
    (a) => repo.objectionsAfter(a, batchSize),
    (r) => objectionTarget(ring, mode, r),
    (tx, b, n) => createPersonalDataRepository(tx).replaceObjection(b, n),
    (r) => [r.contactPhone, r.email],
  )
  await withAuditRetry(db, (tx) =>
    appendAuditEntry(tx, {
      userId,
      action: `${action}.complete`,
      entity: 'PersonalData',
      entityId: ring.activeKeyId,
      changes: { mode, activeKeyId: ring.activeKeyId, keyIds: [...ring.keys.keys()].sort(), people: report.people, objections: report.objections },
      at: now(),
    }),
  )
  return report
}
