// The proxy's existence check on both databases: it says "exists" exactly when the detail page's
// own look-up finds the record, reading the raw (percent-encoded) path segment as the page does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { getCompletionFiling } from '@web/server/completion-filings/get-completion-filing'
import { getObjection } from '@web/server/objections/get-objection'
import { getPermit } from '@web/server/permits/get-permit'
import { getProject } from '@web/server/projects/get-project'
import type { PublicDetailKind } from './detail-kinds'
import { publicDetailExists } from './public-detail-exists'

const providers = await testProviders()

describe.each(providers)('publicDetailExists on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let known: Record<PublicDetailKind, string>

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    await seedDatabase(db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'detail-exists', asOf: '2026-06-30' })
    known = {
      permit: (await db.constructionPermit.findFirstOrThrow({ orderBy: { id: 'asc' } })).permitNumber,
      'completion-filing': (await db.completionFiling.findFirstOrThrow({ orderBy: { id: 'asc' } })).filingNumber,
      project: (await db.project.findFirstOrThrow({ orderBy: { id: 'asc' } })).projectCode,
      enterprise: (await db.enterprise.findFirstOrThrow({ orderBy: { id: 'asc' } })).uscc,
      practitioner: (await db.person.findFirstOrThrow({ orderBy: { id: 'asc' } })).id,
      certificate: (await db.certificate.findFirstOrThrow({ orderBy: { id: 'asc' } })).serial,
      objection: (await db.objection.findFirstOrThrow({ orderBy: { id: 'asc' } })).trackingNumber,
    }
  }, 180_000)

  afterAll(async () => {
    await t?.drop()
  })

  it('finds every kind of known record, from its encoded path segment too', async () => {
    for (const [kind, key] of Object.entries(known) as [PublicDetailKind, string][]) {
      expect(await publicDetailExists(db, kind, key), kind).toBe(true)
      expect(await publicDetailExists(db, kind, encodeURIComponent(key)), kind).toBe(true)
    }
    // the pages normalise what people type: lower case and surrounding spaces
    expect(await publicDetailExists(db, 'enterprise', known.enterprise.toLowerCase())).toBe(true)
    expect(await publicDetailExists(db, 'project', `%20${known.project}%20`)).toBe(true)
  })

  it('agrees with the pages’ own look-ups', async () => {
    expect(await getPermit(db, known.permit)).not.toBeNull()
    expect(await getCompletionFiling(db, known['completion-filing'])).not.toBeNull()
    expect(await getProject(db, known.project)).not.toBeNull()
    expect(await getObjection(db, known.objection)).not.toBeNull()
    expect(await getPermit(db, `${known.permit}9`)).toBeNull()
    expect(await publicDetailExists(db, 'permit', `${known.permit}9`)).toBe(false)
  })

  it('answers false for unknown, malformed and empty keys', async () => {
    for (const kind of Object.keys(known) as PublicDetailKind[]) {
      expect(await publicDetailExists(db, kind, 'NO-SUCH-RECORD-000'), kind).toBe(false)
      expect(await publicDetailExists(db, kind, '%E0%A4%A'), kind).toBe(false)
      expect(await publicDetailExists(db, kind, ''), kind).toBe(false)
    }
  })
})
