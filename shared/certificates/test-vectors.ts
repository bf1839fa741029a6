// Test vectors of docs/certificate-format.md, signed with the PUBLIC TEST KEY.
//
// !!! TEST_SECRET_KEY_HEX is published on purpose. It must never sign a real certificate;
// !!! real verifiers never trust it (key id 0 is reserved for it, and toJwk/fromJwks refuse it).
//
// test-vectors.test.ts recomputes every expected value from the inputs and checks that the
// document contains each of them; `npx tsx shared/certificates/print-test-vectors.ts` prints
// them (as TS and as the document's Markdown) after an intentional format change.

import { bytesToHex, hexToBytes } from './base64url'
import { canonicalFactsString, certificateFactsDigest, type CertificateFacts } from './facts-digest'
import { encodeCertificatePayload, type CertificateFields } from './payload'
import { signCertificate } from './signing'
import { TEST_KEY_ID, TEST_PUBLIC_KEY_HEX } from './test-key'

export { TEST_KEY_ID, TEST_PUBLIC_KEY_HEX }

/** The secret key is SHA-256 of this ASCII text. */
export const TEST_SECRET_KEY_SEED_TEXT =
  'hainan-integrity-portal/certificate-qr/PUBLIC-TEST-KEY/never-sign-real-certificates'
/** PUBLIC TEST KEY — never use it for real certificates. */
export const TEST_SECRET_KEY_HEX = '74ee5c8a46546d2a3e57858611dce2bee9b2927976272b559933900fa6a82da0'
export const TEST_ORIGIN = 'https://portal.example.gov.cn'

export interface TestVectorInput {
  name: string
  fields: Omit<CertificateFields, 'factsDigest'>
  facts: CertificateFacts
}

export interface TestVectorOutput {
  factsCanonical: string
  factsDigestHex: string
  bodyHex: string
  signatureHex: string
  payloadHex: string
  payloadBase64url: string
  url: string
}

export interface TestVector extends TestVectorInput {
  expected: TestVectorOutput
}

/** Computes a vector's outputs with the codec (used by the test and the print script). */
export function computeTestVector(input: TestVectorInput): TestVectorOutput {
  const digest = certificateFactsDigest(input.facts)
  const fields: CertificateFields = { ...input.fields, factsDigest: digest }
  const signed = signCertificate(fields, hexToBytes(TEST_SECRET_KEY_HEX) as Uint8Array, TEST_KEY_ID)
  return {
    factsCanonical: canonicalFactsString(input.facts),
    factsDigestHex: bytesToHex(digest),
    bodyHex: bytesToHex(encodeCertificatePayload(fields, TEST_KEY_ID)),
    signatureHex: bytesToHex(signed.signature),
    payloadHex: bytesToHex(signed.bytes),
    payloadBase64url: signed.payload,
    url: signed.url(TEST_ORIGIN),
  }
}

export const TEST_VECTORS: readonly TestVector[] = [
  {
    name: 'Vector 1: construction permit',
    fields: {
      type: 'CONSTRUCTION_PERMIT',
      serial: 'P20244601000001236',
      projectCode: '46010020240300017',
      holderUscc: '91460100MA5T0K3D2F',
      issuedOn: '2024-03-15',
    },
    facts: {
      type: 'CONSTRUCTION_PERMIT',
      permitNumber: '460100202403150301',
      projectName: '海口市龙华区滨海花园二期住宅楼工程',
      projectAddress: '海南省海口市龙华区滨海大道168号',
      ownerName: '海南滨海示例置业有限公司',
      contractorName: '海南示例建设工程有限公司',
      supervisorName: '海南示例工程监理有限公司',
      scale: '地上18层 地下2层',
      floorArea: '45230.56',
      contractPrice: '18650.5',
      plannedStartOn: '2024-04-01',
      plannedEndOn: '2026-03-31',
    },
    expected: {
      factsCanonical:
        'HNCERT-FACTS/1\ntype=CONSTRUCTION_PERMIT\npermitNumber=460100202403150301\nprojectName=海口市龙华区滨海花园二期住宅楼工程\nprojectAddress=海南省海口市龙华区滨海大道168号\nownerName=海南滨海示例置业有限公司\ncontractorName=海南示例建设工程有限公司\nsupervisorName=海南示例工程监理有限公司\nscale=地上18层 地下2层\nfloorArea=45230.56\ncontractPrice=18650.5\nplannedStartOn=2024-04-01\nplannedEndOn=2026-03-31',
      factsDigestHex:
        'c265d22df3b3115f03e3bffab4f83da2',
      bodyHex:
        '010000010047ec5b7b397ed400a375dea08817f100a88f6eab51c1c706419bef4d55c265d22df3b3115f03e3bffab4f83da2',
      signatureHex:
        '7d94e8f79a6d138eb25a0cb9a630e45fcde2f628ad76ca320120b1ca2cc09494ef325e4eb39179916a8d30fa3b0582c00f50a1457f6077e5f33a17955b844004',
      payloadHex:
        '010000010047ec5b7b397ed400a375dea08817f100a88f6eab51c1c706419bef4d55c265d22df3b3115f03e3bffab4f83da27d94e8f79a6d138eb25a0cb9a630e45fcde2f628ad76ca320120b1ca2cc09494ef325e4eb39179916a8d30fa3b0582c00f50a1457f6077e5f33a17955b844004',
      payloadBase64url:
        'AQAAAQBH7Ft7OX7UAKN13qCIF_EAqI9uq1HBxwZBm-9NVcJl0i3zsxFfA-O_-rT4PaJ9lOj3mm0TjrJaDLmmMORfzeL2KK12yjIBILHKLMCUlO8yXk6zkXmRao0w-jsFgsAPUKFFf2B35fM6F5VbhEAE',
      url:
        'https://portal.example.gov.cn/v/AQAAAQBH7Ft7OX7UAKN13qCIF_EAqI9uq1HBxwZBm-9NVcJl0i3zsxFfA-O_-rT4PaJ9lOj3mm0TjrJaDLmmMORfzeL2KK12yjIBILHKLMCUlO8yXk6zkXmRao0w-jsFgsAPUKFFf2B35fM6F5VbhEAE',
    },
  },
  {
    name: 'Vector 2: completion filing',
    fields: {
      type: 'COMPLETION_FILING',
      serial: 'C20264602000000457',
      projectCode: '46020020230700005',
      holderUscc: '914602007135608X98',
      issuedOn: '2026-12-03',
    },
    facts: {
      type: 'COMPLETION_FILING',
      filingNumber: 'JB460200202612010201',
      projectName: '三亚市示例学校教学综合楼',
      projectAddress: '海南省三亚市吉阳区示例路9号',
      ownerName: '三亚市示例教育投资有限公司',
      contractorName: '海南示例建设工程有限公司',
      supervisorName: null,
      acceptedOn: '2026-11-20',
      filedOn: '2026-12-01',
      actualCost: '9876.54',
      actualArea: '23456.7',
    },
    expected: {
      factsCanonical:
        'HNCERT-FACTS/1\ntype=COMPLETION_FILING\nfilingNumber=JB460200202612010201\nprojectName=三亚市示例学校教学综合楼\nprojectAddress=海南省三亚市吉阳区示例路9号\nownerName=三亚市示例教育投资有限公司\ncontractorName=海南示例建设工程有限公司\nsupervisorName=\nacceptedOn=2026-11-20\nfiledOn=2026-12-01\nactualCost=9876.54\nactualArea=23456.7',
      factsDigestHex:
        '5eeb9f3e392763b5a0ae584700a0c67f',
      bodyHex:
        '010000020047fe8c53b985c900a37ef6ee683be500a88f6eb63ec13444e72d8651365eeb9f3e392763b5a0ae584700a0c67f',
      signatureHex:
        '07611c76a39e1e8e8239ed7567b644f5ae0303f5849d13af7b97c87a6ae378e86aa71887f07219324ceebdb79db0b7017cd06be46c98bc000784ce18d1a1f209',
      payloadHex:
        '010000020047fe8c53b985c900a37ef6ee683be500a88f6eb63ec13444e72d8651365eeb9f3e392763b5a0ae584700a0c67f07611c76a39e1e8e8239ed7567b644f5ae0303f5849d13af7b97c87a6ae378e86aa71887f07219324ceebdb79db0b7017cd06be46c98bc000784ce18d1a1f209',
      payloadBase64url:
        'AQAAAgBH_oxTuYXJAKN-9u5oO-UAqI9utj7BNETnLYZRNl7rnz45J2O1oK5YRwCgxn8HYRx2o54ejoI57XVntkT1rgMD9YSdE697l8h6auN46GqnGIfwchkyTO69t52wtwF80GvkbJi8AAeEzhjRofIJ',
      url:
        'https://portal.example.gov.cn/v/AQAAAgBH_oxTuYXJAKN-9u5oO-UAqI9utj7BNETnLYZRNl7rnz45J2O1oK5YRwCgxn8HYRx2o54ejoI57XVntkT1rgMD9YSdE697l8h6auN46GqnGIfwchkyTO69t52wtwF80GvkbJi8AAeEzhjRofIJ',
    },
  },
]
