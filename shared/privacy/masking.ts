// Masking of personal data for public pages, exports and the mini-program.
//
// The public may see that a practitioner exists and tell two people of the same name apart,
// but must not be able to reconstruct an ID number or phone number. Each function keeps a
// fixed, small number of characters and replaces the rest with '*' one for one, so the
// layout people recognise is kept. For input that does not look like what it should be we
// reveal less, never more: garbage in a database column must not leak through a mask.
// All functions accept null/undefined (optional columns) and return ''.

const STAR = '*'

function stars(n: number): string {
  return STAR.repeat(Math.max(0, n))
}

/**
 * Keeps up to head characters at the start and tail at the end, giving up kept characters
 * (tail first when it is longer) until strictly more than half of the input is masked.
 */
function keepEnds(chars: string[], head: number, tail: number): string {
  const n = chars.length
  while (head + tail > 0 && (head + tail) * 2 > n - 1) {
    if (head >= tail && head > 0) head--
    else tail--
  }
  return chars.slice(0, head).join('') + stars(n - head - tail) + chars.slice(n - tail).join('')
}

function clean(s: string | null | undefined): string {
  return typeof s === 'string' ? s.trim() : ''
}

/**
 * 居民身份证号: first 3 (the province and prefecture) and last 4 kept, e.g.
 * 460100199001011230 → 460***********1230. 15-digit numbers are treated the same way; any
 * other input reveals at most 7 characters and always masks more than half.
 */
export function maskIdNumber(s: string | null | undefined): string {
  const chars = Array.from(clean(s).toUpperCase())
  return keepEnds(chars, 3, 4)
}

/**
 * Phone numbers: a mainland mobile keeps its 3-digit prefix and last 4 (138****5678, a
 * +86/86 prefix is kept); a landline keeps its area code and last 4 (0898-****1234);
 * anything else keeps at most its last 4 characters, always masking more than half.
 */
export function maskPhone(s: string | null | undefined): string {
  const phone = clean(s)
  if (!phone) return ''
  const mobile = /^(\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})$/.exec(phone)
  if (mobile) return `${mobile[1] ?? ''}${mobile[2]}****${mobile[4]}`
  const landline = /^\(?(0\d{2,3})\)?[\s-]?(\d{7,8})$/.exec(phone)
  if (landline) {
    const local = landline[2]
    return `${landline[1]}-${stars(local.length - 4)}${local.slice(-4)}`
  }
  return keepEnds(Array.from(phone), 0, 4)
}

/**
 * Personal names: one character is left as is (it identifies no one on its own); two keep
 * the surname (张*); three or more keep the first and last character (张*明, 欧**明).
 * Counts code points, so names with rare characters outside the BMP mask correctly.
 */
export function maskName(s: string | null | undefined): string {
  const chars = Array.from(clean(s))
  if (chars.length <= 1) return chars.join('')
  if (chars.length === 2) return chars[0] + STAR
  return chars[0] + stars(chars.length - 2) + chars[chars.length - 1]
}

/**
 * E-mail: the first character of the local part and the domain are kept, the rest of the
 * local part becomes a fixed '***' so its length is not revealed (zhangsan@example.com →
 * z***@example.com; a one-character local part is not kept). Without a usable '@' the whole
 * value is masked.
 */
export function maskEmail(s: string | null | undefined): string {
  const email = clean(s)
  const at = email.lastIndexOf('@')
  if (at <= 0 || at === email.length - 1) return keepEnds(Array.from(email), 0, 0)
  const local = Array.from(email.slice(0, at))
  const head = local.length > 1 ? local[0] : ''
  return `${head}***${email.slice(at)}`
}
