import { describe, expect, it } from 'vitest'
import { makeUscc } from '../validators/uscc'
import { makeCertificateSerial } from '../validators/codes'
import { BODY_LENGTH, decodeCertificateBody, encodeCertificatePayload, readKeyId } from './payload'
import { completionFields, permitFields } from './testing'

describe('encodeCertificatePayload', () => {
  it('lays out the body as documented', () => {
    const body = encodeCertificatePayload(permitFields(), 0x1234)
    expect(body).toHaveLength(BODY_LENGTH)
    expect(body[0]).toBe(1)
    expect(readKeyId(body)).toBe(0x1234)
    expect(body[3]).toBe(1)
    const view = new DataView(body.buffer)
    expect(view.getBigUint64(4)).toBe(20244601000001236n) // serial digits
    expect(view.getBigUint64(12)).toBe(46010020240300017n) // project code
    expect(view.getUint16(32)).toBe(Date.UTC(2024, 2, 15) / 86_400_000)
    expect(Array.from(body.subarray(34))).toEqual(Array.from(permitFields().factsDigest))
    expect(encodeCertificatePayload(completionFields(), 1)[3]).toBe(2)
  })

  it('decodes back what it encoded, including extreme values', () => {
    const cases = [
      permitFields(),
      completionFields(),
      permitFields({
        serial: makeCertificateSerial('CONSTRUCTION_PERMIT', 2099, '469027', 999_999),
        projectCode: '46902720991299999',
        holderUscc: makeUscc('YY', '999999', 'YYYYYYYY'),
        issuedOn: '2099-12-31',
      }),
      completionFields({
        serial: makeCertificateSerial('COMPLETION_FILING', 1990, '460100', 1),
        projectCode: '46010019900100001',
        holderUscc: makeUscc('00', '000000', '00000000'),
        issuedOn: '1990-01-01',
      }),
    ]
    for (const fields of cases) expect(decodeCertificateBody(encodeCertificatePayload(fields, 65535))).toEqual(fields)
  })

  it.each([
    ['serial of the wrong type', { serial: 'C20264602000000457' }],
    ['serial with a bad check digit', { serial: 'P20244601000001237' }],
    ['lower-case serial', { serial: 'p20244601000001236' }],
    ['project code with an unknown region', { projectCode: '11010020240300017' }],
    ['project code with spaces', { projectCode: ' 46010020240300017' }],
    ['USCC with a bad check character', { holderUscc: '91460100MA5T0K3D2G' }],
    ['USCC with a forbidden letter', { holderUscc: '91460100MA5T0K3DSF' }],
    ['impossible date', { issuedOn: '2024-02-30' }],
    ['date before 1990', { issuedOn: '1989-12-31' }],
    ['date after 2099', { issuedOn: '2100-01-01' }],
    ['compact date', { issuedOn: '20240315' }],
    ['short digest', { factsDigest: new Uint8Array(8) }],
    ['unknown type', { type: 'OTHER' as never }],
  ])('throws RangeError for %s', (_, override) => {
    expect(() => encodeCertificatePayload(permitFields(override), 1)).toThrow(RangeError)
  })

  it.each([-1, 65536, 1.5, Number.NaN])('throws RangeError for key id %s', (keyId) => {
    expect(() => encodeCertificatePayload(permitFields(), keyId)).toThrow(RangeError)
  })
})

describe('decodeCertificateBody', () => {
  it('rejects out-of-range structures', () => {
    const good = encodeCertificatePayload(permitFields(), 1)
    const with_ = (offset: number, bytes: number[]) => {
      const b = Uint8Array.from(good)
      b.set(bytes, offset)
      return b
    }
    expect(decodeCertificateBody(good)).not.toBeNull()
    expect(decodeCertificateBody(good.subarray(0, 49))).toBeNull()
    expect(decodeCertificateBody(with_(0, [2]))).toBeNull()
    expect(decodeCertificateBody(with_(3, [0]))).toBeNull()
    expect(decodeCertificateBody(with_(3, [3]))).toBeNull()
    expect(decodeCertificateBody(with_(4, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBeNull() // > 17 digits
    expect(decodeCertificateBody(with_(12, [0x01, 0x63, 0x45, 0x78, 0x5d, 0x8a, 0x00, 0x00]))).toBeNull() // 10^17
    expect(decodeCertificateBody(with_(20, Array(12).fill(0xff)))).toBeNull() // >= 31^18
  })
})
