// The record behind a scanned code, read for verification. The status is read fresh on every
// request (one indexed row), so a revocation holds at once on every instance. The facts — names,
// amounts, dates joined from the permit or filing, its project and enterprises — cost several
// queries and almost never change, so each instance keeps them for a short while (FACTS_TTL_MS):
// an edit to a permit after signing shows up as FACTS_CHANGED within that time.
//
// withLog reads the status row together with the transparency log's head and the certificate's
// entries (one statement, when the source can): the verify answer needs both, fresh, every time.
import type { HeadWithEntries } from '@web/server/transparency-log/transparency-log-repository'
import type { CertificateRecord, CertificateState } from './certificates-repository'

export const FACTS_TTL_MS = 60_000
const MAX_ENTRIES = 20_000

type Facts = Pick<CertificateRecord, 'projectName' | 'holderName' | 'facts'>

export interface CertificateLookupSources {
  findCertificateState(serial: string): Promise<CertificateState | null>
  findCertificateBySerial(serial: string): Promise<CertificateRecord | null>
  /** the state row and the log's head and entries in one statement (certificates-repository.ts) */
  findCertificateStateWithLog?(serial: string): Promise<{ state: CertificateState; log: HeadWithEntries | null } | null>
}

export interface RecordWithLog {
  record: CertificateRecord
  /** read with the state row; undefined when the source cannot, so the caller reads the log itself */
  log?: HeadWithEntries | null
}

export function createCertificateLookup(sources: CertificateLookupSources, now: () => number = Date.now) {
  const cache = new Map<string, { facts: Facts; signature: string | null; expires: number }>()

  async function withFacts(serial: string, state: CertificateState): Promise<CertificateRecord | null> {
    const hit = cache.get(serial)
    // a re-signed row (new signature) invalidates what we kept about the old one
    if (hit && hit.expires > now() && hit.signature === state.signature) return { ...state, ...hit.facts }
    const full = await sources.findCertificateBySerial(serial)
    if (!full) return null
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string)
    cache.delete(serial)
    cache.set(serial, { facts: { projectName: full.projectName, holderName: full.holderName, facts: full.facts }, signature: full.signature, expires: now() + FACTS_TTL_MS })
    return full
  }

  async function findCertificate(serial: string): Promise<CertificateRecord | null> {
    const state = await sources.findCertificateState(serial)
    return state && withFacts(serial, state)
  }

  async function withLog(serial: string): Promise<RecordWithLog | null> {
    if (!sources.findCertificateStateWithLog) {
      const record = await findCertificate(serial)
      return record && { record }
    }
    const read = await sources.findCertificateStateWithLog(serial)
    if (!read) return null
    const record = await withFacts(serial, read.state)
    return record && { record, log: read.log }
  }

  return Object.assign(findCertificate, { withLog })
}
