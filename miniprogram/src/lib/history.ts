// The last scans, kept on the phone so that an inspector can show them later without signal.
// One storage key holds the whole list, newest first, capped. Reading never fails: a value that
// is not JSON, not a list, or holds entries that do not parse (an older app version, a partial
// write) gives the entries that do parse, and the next write repairs the stored value.

import { z } from 'zod/mini'
import { readJson, writeJson, type KeyValueStorage } from './storage'
import type { Verdict } from './verdict'

export const HISTORY_STORAGE_KEY = 'inspector.history.v1'
export const DEFAULT_HISTORY_CAP = 50
/** Longer scanned texts are stored cut: the codec rejects anything over 512 characters anyway. */
export const MAX_STORED_TEXT = 512

export interface HistoryEntry {
  id: string
  /** ISO instant of the scan */
  scannedAt: string
  /** the scanned text (cut to MAX_STORED_TEXT), so the scan can be verified again */
  text: string
  verdict: Verdict
}

const failureSchema = z.object({
  kind: z.string(),
  message: z.string(),
  status: z.optional(z.number()),
  retryAfterSeconds: z.optional(z.number()),
})

const confirmationSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('ONLINE'), at: z.string() }),
  z.object({ mode: z.literal('OFFLINE_FINAL') }),
  z.object({ mode: z.literal('OFFLINE'), failure: failureSchema, keysRefreshed: z.boolean() }),
  z.object({ mode: z.literal('PENDING') }),
])

const certificateSchema = z.object({
  type: z.string(),
  serial: z.string(),
  projectCode: z.string(),
  holderUscc: z.string(),
  issuedOn: z.string(),
  projectName: z.optional(z.string()),
  holderName: z.optional(z.string()),
  statusChangedAt: z.optional(z.nullable(z.string())),
  statusReason: z.optional(z.nullable(z.string())),
  documentNumber: z.optional(z.nullable(z.string())),
  contractorName: z.optional(z.nullable(z.string())),
  supervisorName: z.optional(z.nullable(z.string())),
})

const revocationListSchema = z.object({
  result: z.enum(['REVOKED', 'NOT_REVOKED', 'STALE', 'NO_LIST', 'UNREADABLE']),
  issuedAt: z.optional(z.string()),
  validUntil: z.optional(z.string()),
  revokedInList: z.optional(z.boolean()),
})

const logInclusionSchema = z.object({
  ok: z.boolean(),
  index: z.optional(z.number()),
  treeSize: z.optional(z.number()),
  events: z.optional(z.array(z.string())),
  message: z.optional(z.string()),
  cached: z.optional(z.boolean()),
})

const verdictSchema = z.object({
  authenticity: z.enum(['GENUINE', 'FAKE', 'UNCONFIRMED']),
  status: z.enum(['VALID', 'REVOKED', 'SUPERSEDED', 'EXPIRED', 'UNKNOWN']),
  reason: z.optional(z.string()),
  message: z.string(),
  confirmation: confirmationSchema,
  certificate: z.optional(certificateSchema),
  keyId: z.optional(z.number()),
  testKey: z.optional(z.boolean()),
  // optional: entries stored before the portal answered `valid` keep parsing
  valid: z.optional(z.boolean()),
  revocationList: z.optional(revocationListSchema),
  logInclusion: z.optional(logInclusionSchema),
})

const entrySchema = z.object({
  id: z.string().check(z.minLength(1)),
  scannedAt: z.string(),
  text: z.string(),
  verdict: verdictSchema,
})

export interface HistoryStoreOptions {
  storage: KeyValueStorage
  cap?: number
  clock?: () => Date
  /** ids must be unique; injectable for tests */
  newId?: () => string
}

export class HistoryStore {
  private readonly storage: KeyValueStorage
  private readonly cap: number
  private readonly clock: () => Date
  private readonly newId: () => string
  /** set when the platform refused the last write: the app then keeps the list in memory */
  private memory: HistoryEntry[] | null = null
  private counter = 0

  constructor(options: HistoryStoreOptions) {
    this.storage = options.storage
    this.cap = Math.max(1, options.cap ?? DEFAULT_HISTORY_CAP)
    this.clock = options.clock ?? (() => new Date())
    this.newId = options.newId ?? (() => `${this.clock().getTime().toString(36)}-${(this.counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`)
  }

  /** Newest first. */
  list(): HistoryEntry[] {
    if (this.memory !== null) return [...this.memory]
    const raw = readJson(this.storage, HISTORY_STORAGE_KEY)
    const items = Array.isArray(raw) ? raw : []
    const entries: HistoryEntry[] = []
    const seen = new Set<string>()
    for (const item of items) {
      const parsed = entrySchema.safeParse(item)
      if (parsed.success && !seen.has(parsed.data.id)) {
        seen.add(parsed.data.id)
        entries.push(parsed.data as HistoryEntry)
      }
    }
    entries.sort((a, b) => (a.scannedAt < b.scannedAt ? 1 : a.scannedAt > b.scannedAt ? -1 : 0))
    return entries.slice(0, this.cap)
  }

  get(id: string): HistoryEntry | null {
    return this.list().find((e) => e.id === id) ?? null
  }

  /** Records a scan; returns the stored entry (with its new id). */
  add(text: string, verdict: Verdict): HistoryEntry {
    const entry: HistoryEntry = {
      id: this.newId(),
      scannedAt: this.clock().toISOString(),
      text: text.length > MAX_STORED_TEXT ? text.slice(0, MAX_STORED_TEXT) : text,
      verdict,
    }
    this.save([entry, ...this.list().filter((e) => e.id !== entry.id)])
    return entry
  }

  /** Replaces the verdict of an entry (the online answer arrived); false if it is gone. */
  updateVerdict(id: string, verdict: Verdict): boolean {
    const entries = this.list()
    const i = entries.findIndex((e) => e.id === id)
    if (i < 0) return false
    entries[i] = { ...entries[i], verdict }
    this.save(entries)
    return true
  }

  clear(): void {
    this.memory = null
    try {
      this.storage.removeItem(HISTORY_STORAGE_KEY)
    } catch {
      if (!writeJson(this.storage, HISTORY_STORAGE_KEY, [])) this.memory = []
    }
  }

  private save(entries: HistoryEntry[]): void {
    const kept = entries.slice(0, this.cap)
    this.memory = writeJson(this.storage, HISTORY_STORAGE_KEY, kept) ? null : kept
  }
}
