import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatTrackingNumber,
  isValidTrackingNumber,
  makeTrackingNumber,
  normalizeTrackingNumber,
  TRACKING_ALPHABET,
  TRACKING_NUMBER_LENGTH,
  trackingCheckCharacter,
} from './tracking-number'

const bytes = (n: number) => new Uint8Array(randomBytes(n))

describe('tracking numbers', () => {
  it('are YY + the day + 12 random characters + a check character, and valid', () => {
    const n = makeTrackingNumber('2026-11-24', bytes)
    expect(n).toMatch(new RegExp(`^YY20261124[${TRACKING_ALPHABET}]{13}$`))
    expect(n).toHaveLength(TRACKING_NUMBER_LENGTH)
    expect(isValidTrackingNumber(n)).toBe(true)
  })

  it('never use the characters people mistake for others', () => {
    for (let i = 0; i < 200; i++) expect(makeTrackingNumber('2026-11-24', bytes).slice(10)).not.toMatch(/[IOSVZ]/)
    expect(TRACKING_ALPHABET).toHaveLength(31)
  })

  it('draw every character of the alphabet about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 3000; i++) for (const c of makeTrackingNumber('2026-11-24', bytes).slice(10, 22)) counts.set(c, (counts.get(c) ?? 0) + 1)
    expect(counts.size).toBe(31)
    const expected = (3000 * 12) / 31
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15)
  })

  it('differ from call to call', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => makeTrackingNumber('2026-11-24', bytes)))
    expect(seen.size).toBe(1000)
  })

  it('detect any single wrong character and any swap of neighbouring characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(TRACKING_NUMBER_LENGTH - 1), fc.nat(30), (seed, position, shift) => {
        let state = seed
        const n = makeTrackingNumber('2026-11-24', (k) => Uint8Array.from({ length: k }, () => (state = (state * 1103515245 + 12345) & 0x7fffffff) % 248))
        const chars = [...n]
        // a substitution anywhere after the prefix and the day (those are checked by shape too)
        if (position >= 10) {
          const i = TRACKING_ALPHABET.indexOf(chars[position])
          const wrong = [...chars]
          wrong[position] = TRACKING_ALPHABET[(i + 1 + shift) % 31]
          if (wrong[position] !== chars[position]) expect(isValidTrackingNumber(wrong.join(''))).toBe(false)
        }
        // a swap of two neighbours before the check character
        if (position < TRACKING_NUMBER_LENGTH - 2 && chars[position] !== chars[position + 1]) {
          const swapped = [...chars]
          ;[swapped[position], swapped[position + 1]] = [swapped[position + 1], swapped[position]]
          expect(isValidTrackingNumber(swapped.join(''))).toBe(false)
        }
      }),
    )
  })

  it('reject other shapes, unreal days and foreign characters', () => {
    const body = 'YY20261124K7M2QX9PAR4T'
    const n = body + trackingCheckCharacter(body)
    expect(isValidTrackingNumber(n)).toBe(true)
    expect(isValidTrackingNumber(n.slice(0, -1))).toBe(false)
    expect(isValidTrackingNumber(`XX${n.slice(2)}`)).toBe(false)
    const feb30 = 'YY20260230K7M2QX9PAR4T'
    expect(isValidTrackingNumber(feb30 + trackingCheckCharacter(feb30))).toBe(false)
    expect(() => trackingCheckCharacter('YYO')).toThrow(RangeError)
    expect(() => makeTrackingNumber('2026-02-30', bytes)).toThrow(RangeError)
  })

  it('are normalized from what people type: lower case, full width, spaces and hyphens', () => {
    const n = makeTrackingNumber('2026-11-24', bytes)
    const typed = ` ${formatTrackingNumber(n).toLowerCase().replace(/ /g, '-')} `
    expect(normalizeTrackingNumber(typed)).toBe(n)
    expect(normalizeTrackingNumber('ＹＹ２０２６')).toBe('YY2026')
    expect(formatTrackingNumber(n).split(' ')).toHaveLength(5)
  })
})
