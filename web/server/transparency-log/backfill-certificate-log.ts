// Back-fill: appends the events of certificates that are not in the log yet — those issued before
// the log existed, and the seed's — in the order they happened (`npm run log:backfill`, the seed's
// last step). Idempotent: an event already logged (same serial and event) is skipped, so running it
// again appends nothing, and a run cut short continues where it stopped.
//
// Order: by the recorded day of the event; on one day the issues come before the revocations and
// supersessions, each in serial order (the serial's sequence is the issue order within a region
// and year). Days are all the database records, so a back-filled log cannot tell same-day events
// apart more finely than that; events appended live are in the order they were committed.
//
// The payload hash is rebuilt from the certificate and the facts it certifies
// (certificatePayloadBytes). A certificate superseded before the log existed certifies nothing any
// more, so its printed payload cannot be rebuilt: its entries carry 32 zero bytes there
// (docs/transparency-log.md).
import type { Db } from '@db/client'
import type { LogEvent } from '@shared/domain/enums'
import { readCertificates, type CertificateRecord } from '@web/server/certificates/certificates-repository'
import { appendCertificateEvents } from './append-certificate-events'
import { certificateLogEntry, certificatePayloadBytes } from './certificate-log-entry'
import { listCertificatesForLog, listLoggedEvents, readHead, type CertificateForLog } from './transparency-log-repository'

export interface BackfillResult {
  appended: number
  /** events found already in the log */
  skipped: number
  /** the tree size afterwards */
  size: number
}

export interface BackfillOptions {
  /** events per transaction (default 2,000) */
  batch?: number
  now?: Date
  onProgress?: (done: number, total: number) => void
}

interface PendingEvent {
  event: LogEvent
  certificate: CertificateForLog
  on: Date
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10)

/** The certificates' events not logged yet, in back-fill order. */
export function pendingEvents(certificates: readonly CertificateForLog[], logged: ReadonlySet<string>): { pending: PendingEvent[]; skipped: number } {
  const all: PendingEvent[] = []
  for (const c of certificates) {
    all.push({ event: 'ISSUED', certificate: c, on: c.issuedOn })
    if ((c.status === 'REVOKED' || c.status === 'SUPERSEDED') && c.statusChangedAt) all.push({ event: c.status, certificate: c, on: c.statusChangedAt })
  }
  const pending = all.filter((e) => !logged.has(`${e.certificate.serial} ${e.event}`))
  const rank = (e: PendingEvent) => (e.event === 'ISSUED' ? 0 : 1)
  pending.sort((a, b) => {
    const day = dayOf(a.on).localeCompare(dayOf(b.on))
    if (day !== 0) return day
    return rank(a) - rank(b) || (a.certificate.serial < b.certificate.serial ? -1 : a.certificate.serial > b.certificate.serial ? 1 : 0)
  })
  return { pending, skipped: all.length - pending.length }
}

export async function backfillCertificateLog(db: Db, options: BackfillOptions = {}): Promise<BackfillResult> {
  const batch = options.batch ?? 2_000
  const { pending, skipped } = pendingEvents(await listCertificatesForLog(db), await listLoggedEvents(db))
  for (let i = 0; i < pending.length; i += batch) {
    const chunk = pending.slice(i, i + batch)
    const records = new Map<string, CertificateRecord>()
    const serials = [...new Set(chunk.map((e) => e.certificate.serial))]
    for (let k = 0; k < serials.length; k += 500) {
      for (const r of await readCertificates(db, serials.slice(k, k + 500))) records.set(r.serial, r)
    }
    const entries = chunk.map(({ event, certificate, on }) => {
      const record = records.get(certificate.serial)
      return certificateLogEntry(event, { type: certificate.type, serial: certificate.serial, keyId: record?.keyId ?? null, payload: record ? certificatePayloadBytes(record) : null }, on)
    })
    await db.$transaction((tx) => appendCertificateEvents(tx, entries, { now: options.now }), { timeout: 120_000, maxWait: 60_000 })
    options.onProgress?.(Math.min(i + batch, pending.length), pending.length)
  }
  const head = await readHead(db)
  return { appended: pending.length, skipped, size: head?.size ?? 0 }
}
