import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  canonicalDecimal,
  canonicalFactsString,
  certificateFactsDigest,
  factsMatchDigest,
  utf8Encode,
  type CompletionFacts,
  type PermitFacts,
} from './facts-digest'
import { TEST_VECTORS } from './test-vectors'
import { seededRandom } from './testing'

const permitFacts = TEST_VECTORS[0].facts as PermitFacts
const completionFacts = TEST_VECTORS[1].facts as CompletionFacts

describe('canonical facts text', () => {
  it('lists the fields in the fixed order with a header', () => {
    const text = canonicalFactsString(permitFacts)
    expect(text.split('\n').map((l) => l.split('=')[0])).toEqual([
      'HNCERT-FACTS/1',
      'type',
      'permitNumber',
      'projectName',
      'projectAddress',
      'ownerName',
      'contractorName',
      'supervisorName',
      'scale',
      'floorArea',
      'contractPrice',
      'plannedStartOn',
      'plannedEndOn',
    ])
    expect(text.endsWith('\n')).toBe(false)
  })

  it('is insensitive to white space, Unicode composition, number spelling and Date vs string', () => {
    const variant: PermitFacts = {
      ...permitFacts,
      permitNumber: ' ４６0100202403150301 ',
      projectName: `  ${permitFacts.projectName}\n`,
      scale: '地上18层\u3000\u3000地下2层',
      floorArea: 45230.56,
      contractPrice: { toString: () => '18650.50' },
      plannedStartOn: new Date('2024-03-31T16:00:00Z'), // 2024-04-01 00:00 in China
      plannedEndOn: '20260331',
    }
    expect(canonicalFactsString(variant)).toBe(canonicalFactsString(permitFacts))
    const decomposed = { ...completionFacts, projectName: 'Cafe\u0301' }
    const composed = { ...completionFacts, projectName: 'Caf\u00e9' }
    expect(certificateFactsDigest(decomposed)).toEqual(certificateFactsDigest(composed))
  })

  it('absent optional fields are empty, required ones throw', () => {
    expect(canonicalFactsString({ ...permitFacts, supervisorName: undefined, floorArea: null, scale: '' })).toContain(
      'supervisorName=\nscale=\nfloorArea=\n',
    )
    expect(() => canonicalFactsString({ ...permitFacts, ownerName: '  ' })).toThrow(RangeError)
    expect(() => canonicalFactsString({ ...permitFacts, contractPrice: '' })).toThrow(RangeError)
    expect(() => canonicalFactsString({ ...permitFacts, permitNumber: 'JB460100202403150301' })).toThrow(RangeError)
    expect(() => canonicalFactsString({ ...completionFacts, filingNumber: '460100202403150301' })).toThrow(RangeError)
    expect(() => canonicalFactsString({ ...permitFacts, plannedEndOn: '2026-02-30' })).toThrow(RangeError)
    expect(() => canonicalFactsString({ ...permitFacts, type: 'OTHER' } as unknown as PermitFacts)).toThrow(RangeError)
  })

  it('every fact changes the digest', () => {
    const base = certificateFactsDigest(permitFacts)
    const changes: Partial<PermitFacts> = {
      permitNumber: '460100202403150302',
      projectName: permitFacts.projectName + '一',
      projectAddress: permitFacts.projectAddress + '一',
      ownerName: '海南滨海示例置业有限公司 ',
      contractorName: '海南示例建设工程有限公司（海口分公司）',
      supervisorName: null,
      scale: '地上18层 地下3层',
      floorArea: '45230.57',
      contractPrice: '18650.51',
      plannedStartOn: '2024-04-02',
      plannedEndOn: '2026-03-30',
    }
    for (const [key, value] of Object.entries(changes)) {
      const digest = certificateFactsDigest({ ...permitFacts, [key]: value })
      // trailing white space alone is not a change (canonical trimming); everything else is
      if (key === 'ownerName') expect(digest, key).toEqual(base)
      else expect(digest, key).not.toEqual(base)
    }
    // the same values under the other certificate type give another digest
    expect(certificateFactsDigest(completionFacts)).not.toEqual(base)
  })

  it('is SHA-256 (truncated to 16 bytes) of the UTF-8 text', () => {
    const text = canonicalFactsString(completionFacts)
    const expected = createHash('sha256').update(text, 'utf8').digest().subarray(0, 16)
    expect(Buffer.from(certificateFactsDigest(completionFacts))).toEqual(expected)
  })

  it('factsMatchDigest never throws', () => {
    const digest = certificateFactsDigest(permitFacts)
    expect(factsMatchDigest(digest, permitFacts)).toBe(true)
    expect(factsMatchDigest(digest, completionFacts)).toBe(false)
    expect(factsMatchDigest(digest, { ...permitFacts, contractPrice: 'abc' })).toBe(false)
    expect(factsMatchDigest(null as unknown as Uint8Array, permitFacts)).toBe(false)
    expect(factsMatchDigest(digest, null as unknown as PermitFacts)).toBe(false)
  })
})

describe('canonicalDecimal', () => {
  it.each([
    ['0', '0'],
    ['0.0', '0'],
    ['0012', '12'],
    ['1234.50', '1234.5'],
    ['.5', '0.5'],
    ['5.', '5'],
    [' 7 ', '7'],
    [12345.67, '12345.67'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e20, '100000000000000000000'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalDecimal(input)).toBe(expected)
  })

  it.each(['', '.', '-1', '+1', '1e3', '1,000', '１２', 'abc', -1, Number.NaN, Infinity, 1e-7, 1e21])(
    'rejects %s',
    (input) => {
      expect(() => canonicalDecimal(input as string)).toThrow(RangeError)
    },
  )
})

describe('utf8Encode', () => {
  it('matches TextEncoder, including astral characters and lone surrogates (seeded)', () => {
    const random = seededRandom(7)
    const encoder = new TextEncoder()
    for (let n = 0; n < 300; n++) {
      let s = ''
      const len = Math.floor(random() * 40)
      for (let i = 0; i < len; i++) {
        const r = random()
        s += r < 0.3 ? String.fromCharCode(Math.floor(random() * 0x80)) : r < 0.9 ? String.fromCharCode(Math.floor(random() * 0x10000)) : String.fromCodePoint(0x10000 + Math.floor(random() * 0xfffff))
      }
      expect(utf8Encode(s)).toEqual(encoder.encode(s))
    }
    expect(utf8Encode('海南🏗️')).toEqual(encoder.encode('海南🏗️'))
  })
})
