// Tracking numbers (受理编号) of objections and credit-repair requests: what an applicant is given
// to follow the request, and the only key to its public status page. So it must be unguessable
// and survive being read out on the phone or copied by hand:
//
//   YY 20261124 7KQ2MX9PAR4T C
//   │  │        │            └ check character over everything before it
//   │  │        └ 12 random characters (31^12 ≈ 2^59.5: not enumerable at any rate limit)
//   │  └ the China calendar day of submission
//   └ fixed prefix (异议)
//
// The alphabet is GB 32100's (the USCC's): digits and capitals without I, O, S, V, Z, which are
// too easily taken for 1, 0, 5, U and 2. The check character is the weighted sum of the
// characters' values (weights 1, 2, 3, … — all distinct and below 31) modulo 31, a prime: any
// single wrong character, and any swap of two neighbouring different characters before the check
// character, is detected.

export const TRACKING_PREFIX = 'YY'
export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const TRACKING_RANDOM_LENGTH = 12
/** 2 + 8 + 12 + 1 */
export const TRACKING_NUMBER_LENGTH = 23

const VALUE = new Map([...TRACKING_ALPHABET].map((c, i) => [c, i]))
const SHAPE = new RegExp(`^${TRACKING_PREFIX}(\\d{8})([${TRACKING_ALPHABET}]{${TRACKING_RANDOM_LENGTH + 1}})$`)

/** The check character of the text before it (prefix, day and random part). */
export function trackingCheckCharacter(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const v = VALUE.get(body[i])
    if (v === undefined) throw new RangeError(`not a tracking-number character: ${JSON.stringify(body[i])}`)
    sum += v * (i + 1)
  }
  return TRACKING_ALPHABET[sum % 31]
}

/** Upper case, half width, without the spaces and hyphens people type between groups. */
export function normalizeTrackingNumber(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase()
}

function isRealCompactDay(compact: string): boolean {
  const y = Number(compact.slice(0, 4))
  const m = Number(compact.slice(4, 6))
  const d = Number(compact.slice(6, 8))
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** True for a well-formed number with a real day and a correct check character (normalize first). */
export function isValidTrackingNumber(s: string): boolean {
  const m = SHAPE.exec(s)
  if (!m || !isRealCompactDay(m[1])) return false
  return trackingCheckCharacter(s.slice(0, -1)) === s[s.length - 1]
}

/**
 * A new tracking number for a request submitted on `day` ('YYYY-MM-DD', China time), its random
 * part drawn from `randomBytes` (crypto.getRandomValues or node:crypto's randomBytes).
 */
export function makeTrackingNumber(day: string, randomBytes: (n: number) => Uint8Array): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isRealCompactDay(day.replace(/-/g, ''))) throw new RangeError(`not a calendar day: ${day}`)
  let random = ''
  // rejection sampling: bytes ≥ 248 (8 × 31) would make the first 248 % 31 characters likelier
  while (random.length < TRACKING_RANDOM_LENGTH) {
    for (const b of randomBytes(TRACKING_RANDOM_LENGTH * 2)) {
      if (b < 248 && random.length < TRACKING_RANDOM_LENGTH) random += TRACKING_ALPHABET[b % 31]
    }
  }
  const body = `${TRACKING_PREFIX}${day.replace(/-/g, '')}${random}`
  return body + trackingCheckCharacter(body)
}

/** 'YY20261124 7KQ2 MX9P AR4T C' for reading aloud and printing; the stored form has no spaces. */
export function formatTrackingNumber(s: string): string {
  if (s.length !== TRACKING_NUMBER_LENGTH) return s
  return `${s.slice(0, 10)} ${s.slice(10, 14)} ${s.slice(14, 18)} ${s.slice(18, 22)} ${s.slice(22)}`
}
