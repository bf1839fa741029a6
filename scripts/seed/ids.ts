// Deterministic primary keys for seeded rows.
//
// The schema's default is cuid(), which reads the clock and a random source, so seeded rows
// carry their own ids: 25 characters like a cuid ('c' + 24 lower-case base-36 characters),
// made of a 2-character table tag, a 7-character counter (unique per table, increasing, so
// B-tree inserts append) and 15 characters of a hash of the seed, table and counter (so ids
// of different seeds differ). The same seed always yields the same ids.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return mix32(h >>> 0)
}

function base36(n: number, width: number): string {
  let s = ''
  for (let i = 0; i < width; i++) {
    s = ALPHABET[n % 36] + s
    n = Math.floor(n / 36)
  }
  return s
}

export class IdFactory {
  private readonly counters = new Map<string, number>()
  private readonly seedHash: number

  constructor(seed: string) {
    this.seedHash = hashString(seed)
  }

  /** Next id for a table; `tag` is 2 lower-case letters naming the table. */
  next(tag: string): string {
    const n = (this.counters.get(tag) ?? 0) + 1
    this.counters.set(tag, n)
    const h1 = mix32(this.seedHash ^ Math.imul(n, 0x9e3779b1) ^ hashString(tag))
    const h2 = mix32(h1 ^ 0x5bd1e995)
    const h3 = mix32(h2 ^ n)
    // 15 hash characters: 3 × 5 base-36 digits (36^5 < 2^32)
    const tail = base36(h1 % 60_466_176, 5) + base36(h2 % 60_466_176, 5) + base36(h3 % 60_466_176, 5)
    return `c${tag}${base36(n, 7)}${tail}`
  }
}

/** Two-letter tags of the seeded tables. */
export const ID_TAGS = {
  Authority: 'au',
  Enterprise: 'en',
  Qualification: 'qu',
  Person: 'pe',
  Registration: 'rg',
  Project: 'pj',
  ProjectParticipant: 'pp',
  ProjectKeyPerson: 'kp',
  ContractFiling: 'cf',
  DrawingReview: 'dr',
  SupervisionFiling: 'sf',
  ConstructionPermit: 'cp',
  CompletionFiling: 'cc',
  Certificate: 'ce',
  IntegrityRecord: 'ir',
  User: 'us',
  Objection: 'ob',
} as const
