// Every certificate of the demo data is signed when issued and verifies against its own rows:
// the seed's facts (scripts/seed/projects.ts) and the verification's facts (certificates-repository)
// must be the same values, or this fails with FACTS_CHANGED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { createCertificatesRepository } from './certificates-repository'
import { printedCode } from './printed-code'
import { verifyScannedCode } from './verify-certificate'

const providers = await testProviders()
const ORIGIN = 'https://portal.example.gov.cn'
const KEYS = createTestSigningKeys()

describe.each(providers)('seeded certificates on %s', (provider) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: KEYS.signer, scale: 0.02, seed: 7, asOf: '2026-06-30' })
  })
  afterAll(async () => t?.drop())

  it('are all signed, printable and verify as genuine with their stored status', async () => {
    const repo = createCertificatesRepository(t.db)
    const rows = await t.db.certificate.findMany({ select: { serial: true, status: true, keyId: true, signature: true }, orderBy: { serial: 'asc' } })
    expect(rows.length).toBeGreaterThan(50)
    const seen = new Set<string>()
    for (const row of rows) {
      expect(row.keyId, row.serial).toBe('1')
      const record = await repo.findCertificateBySerial(row.serial)
      const code = printedCode(record!, ORIGIN, KEYS.publicKeys)
      expect(code, row.serial).toMatchObject({ ok: true })
      if (!code.ok) continue
      seen.add(code.payload)
      const answer = await verifyScannedCode(code.url, new Date('2026-07-01T04:00:00Z'), {
        publicKeys: KEYS.publicKeys,
        origin: ORIGIN,
        findCertificateBySerial: repo.findCertificateBySerial,
      })
      expect({ serial: row.serial, valid: answer.valid, genuine: answer.genuine, status: answer.status }).toEqual({
        serial: row.serial,
        valid: row.status === 'VALID',
        genuine: true,
        status: row.status,
      })
    }
    expect(seen.size).toBe(rows.length)
  })
})
