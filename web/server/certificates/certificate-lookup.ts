// The record behind a scanned code, read for verification. The status is read fresh on every
// request (one indexed row), so a revocation holds at once on every instance. The facts — names,
// amounts, dates joined from the permit or filing, its project and enterprises — cost several
// queries and almost never change, so each instance keeps them for a short while (FACTS_TTL_MS):
// an edit to a permit after signing shows up as FACTS_CHANGED within that time.
import type { CertificateRecord, CertificateState } from './certificates-repository'

export const FACTS_TTL_MS = 60_000
const MAX_ENTRIES = 20_000

type Facts = Pick<CertificateRecord, 'projectName' | 'holderName' | 'facts'>

export interface CertificateLookupSources {
  findCertificateState(serial: string): Promise<CertificateState | null>
  findCertificateBySerial(serial: string): Promise<CertificateRecord | null>
}

export function createCertificateLookup(sources: CertificateLookupSources, now: () => number = Date.now) {
  const cache = new Map<string, { facts: Facts; signature: string | null; expires: number }>()
  return async function findCertificate(serial: string): Promise<CertificateRecord | null> {
    const state = await sources.findCertificateState(serial)
    if (!state) return null
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
}
