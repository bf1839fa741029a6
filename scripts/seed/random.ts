// Seeded pseudo-random numbers for the demo-data generator.
//
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes PractRand)
// seeded through cyrb128, a small string hash. Every stream is derived from a string, so
// `rng.fork('enterprises')` gives the same numbers whatever the other streams consumed: a
// change in how projects are generated does not reshuffle the enterprises. Generators must
// take all randomness from here, never from Math.random() or the clock.

/** cyrb128: four 32-bit hashes of a string (public-domain hash by bryc). */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(readonly label: string) {
    ;[this.a, this.b, this.c, this.d] = cyrb128(label)
    for (let i = 0; i < 12; i++) this.uint32() // warm up
  }

  /** An independent stream named `${this.label}/${name}`; does not advance this one. */
  fork(name: string | number): Rng {
    return new Rng(`${this.label}/${name}`)
  }

  uint32(): number {
    this.a >>>= 0
    this.b >>>= 0
    this.c >>>= 0
    this.d >>>= 0
    let t = (this.a + this.b) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.d = (this.d + 1) | 0
    t = (t + this.d) | 0
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError(`${this.label}: pick from an empty list`)
    return items[Math.floor(this.next() * items.length)]
  }

  /** Picks by weight from [item, weight] pairs (small lists; use WeightedTable for hot paths). */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of pairs) total += w
    let r = this.next() * total
    for (const [item, w] of pairs) {
      r -= w
      if (r < 0) return item
    }
    return pairs[pairs.length - 1][0]
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** Log-normal with the given median and shape sigma. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /** n random characters of an alphabet. */
  chars(alphabet: string, n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)]
    return s
  }

  digits(n: number): string {
    return this.chars('0123456789', n)
  }
}

/** A fixed weighted list with O(log n) picks. */
export class WeightedTable<T> {
  private readonly items: T[]
  private readonly cumulative: number[]

  constructor(pairs: readonly (readonly [T, number])[]) {
    this.items = []
    this.cumulative = []
    let total = 0
    for (const [item, weight] of pairs) {
      if (weight <= 0) continue
      total += weight
      this.items.push(item)
      this.cumulative.push(total)
    }
    if (this.items.length === 0) throw new RangeError('WeightedTable needs a positive weight')
  }

  get total(): number {
    return this.cumulative[this.cumulative.length - 1]
  }

  pick(rng: Rng): T {
    return this.items[lowerBound(this.cumulative, rng.next() * this.total)]
  }
}

/** First index i with sorted[i] > value (sorted ascending); sorted.length if none. */
export function lowerBound(sorted: readonly number[], value: number, end = sorted.length): number {
  let lo = 0
  let hi = end
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] > value) hi = mid
    else lo = mid + 1
  }
  return Math.min(lo, Math.max(0, end - 1))
}

/** Number of elements of an ascending array that are <= value. */
export function countAtMost(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] <= value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Splits `total` into integer parts proportional to weights (largest remainder), so that
 * the parts always sum to `total`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum <= 0 || total <= 0) return weights.map(() => 0)
  const exact = weights.map((w) => (total * w) / sum)
  const parts = exact.map(Math.floor)
  let rest = total - parts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1])
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k][1]]++
  return parts
}
