// Personal data through the repositories on both databases: stored encrypted, found by ID number
// through the keyed hash (whatever the case of the X), unique through the hash; and the conversion
// (pii:encrypt) and rotation (pii:rekey) commands' use case: idempotent, resumable, leaving rows
// changed meanwhile alone, audited batch by batch in the batch's transaction (counts and key ids,
// no value) with a closing entry per run.
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@db/client'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { makeIdNumber } from '@shared/validators/id-number'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { createStaffPractitionersRepository } from '@web/server/practitioners/staff-practitioners-repository'
import { decryptField, isEncrypted, keyIdOf, lookupHash, type PersonalDataKeyRing } from './field-cipher'
import { idNumberHash, openContactPhone, openIdNumber, openPersonPhone, personalDataKeys, usePersonalDataKeys } from './personal-data'
import { createPersonalDataRepository } from './personal-data-repository'
import { reencryptPersonalData } from './reencrypt-personal-data'

const providers = await testProviders()

describe.each(providers)('personal data on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let original: PersonalDataKeyRing

  beforeAll(async () => {
    original = personalDataKeys()
    t = await createTestDatabase(provider)
    db = t.db
    await seedDatabase(db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'personal-data', asOf: '2026-06-30' })
  })
  afterEach(() => usePersonalDataKeys(original))
  afterAll(async () => {
    await t?.drop()
  })

  it('stores a new person encrypted and finds it by ID number through the hash, X in either case', async () => {
    const people = createStaffPractitionersRepository(db)
    const numbers = [...Array(999).keys()].map((n) => makeIdNumber('460100', '19870707', n))
    const withX = numbers.find((n) => n.endsWith('X'))!
    const others = numbers.filter((n) => !n.endsWith('X'))
    const created = await people.create({ name: '加密测试', idNumber: withX.toLowerCase(), gender: '男', phone: '13812345678', createdAt: new Date(), updatedAt: new Date() })
    expect(created).toMatchObject({ idNumber: withX, phone: '13812345678' })
    const stored = await db.person.findUniqueOrThrow({ where: { id: created.id } })
    expect(stored.idNumber).toMatch(/^v1:/)
    expect(stored.phone).toMatch(/^v1:/)
    expect(stored.idNumberHash).toBe(idNumberHash(withX))
    expect(await people.idNumberHolder(withX)).toBe(created.id)
    expect(await people.idNumberHolder(withX.toLowerCase())).toBe(created.id)
    expect(await people.idNumberHolder(` ${withX} `)).toBe(created.id)
    expect(await people.idNumberHolder(others[0])).toBeNull()
    const holders = await people.idNumberHolders([withX, others[1]])
    expect([...holders.values()]).toEqual([created.id, null])
  })

  it('keeps ID numbers unique through the hash: a second person with the same number is refused by the database', async () => {
    const people = createStaffPractitionersRepository(db)
    const idNumber = makeIdNumber('460200', '19900101', 555)
    await people.create({ name: '唯一甲', idNumber, gender: '男', phone: null, createdAt: new Date(), updatedAt: new Date() })
    const count = await db.person.count()
    await expect(people.create({ name: '唯一乙', idNumber, gender: '男', phone: null, createdAt: new Date(), updatedAt: new Date() })).rejects.toMatchObject({ code: 'P2002' })
    expect(await db.person.count()).toBe(count)
  })

  it('pii:encrypt converts values stored in plain text and nothing else; a second run changes nothing', async () => {
    const sample = await db.person.findMany({ where: { phone: { not: null } }, orderBy: { id: 'asc' }, take: 3, select: { id: true, idNumber: true, phone: true } })
    const plain = sample.map((p) => ({ id: p.id, idNumber: openIdNumber(p.idNumber), phone: openPersonPhone(p.phone)! }))
    // as a database migrated from before encryption holds them: plain values, no hash
    for (const p of plain) await db.person.update({ where: { id: p.id }, data: { idNumber: p.idNumber.toLowerCase(), idNumberHash: null, phone: p.phone } })
    const objection = await db.objection.findFirstOrThrow({ orderBy: { id: 'asc' } })
    const objectionPhone = openContactPhone(objection.contactPhone)
    await db.objection.update({ where: { id: objection.id }, data: { contactPhone: objectionPhone, contactPhoneHash: null, email: 'plain@example.com' } })
    const untouched = await db.person.findMany({ where: { id: { notIn: plain.map((p) => p.id) } }, select: { id: true, idNumber: true, phone: true } })
    expect(await createStaffPractitionersRepository(db).idNumberHolder(plain[0].idNumber)).toBeNull()

    const lastSeq = (await db.auditLog.findFirst({ orderBy: { seq: 'desc' } }))?.seq ?? 0
    const report = await reencryptPersonalData(db, personalDataKeys(), 'encrypt', { batchSize: 50 })
    expect(report.people).toMatchObject({ changed: 3, skipped: 0 })
    expect(report.objections).toMatchObject({ changed: 1, skipped: 0 })
    // audited: the one batch of each table that changed rows (the three people are the first by
    // id), then the run; counts and key ids only — 'plain' counts the values that were plain text
    const entries = await db.auditLog.findMany({ where: { seq: { gt: lastSeq } }, orderBy: { seq: 'asc' } })
    expect(entries.map((e) => [e.action, e.entity, e.userId])).toEqual([
      ['personal-data.encrypt', 'Person', null],
      ['personal-data.encrypt', 'Objection', null],
      ['personal-data.encrypt.complete', 'PersonalData', null],
    ])
    const active = personalDataKeys().activeKeyId
    expect(JSON.parse(entries[0].changes)).toMatchObject({ mode: 'encrypt', activeKeyId: active, changed: 3, skipped: 0, before: { plain: 6 } })
    expect(entries[0].entityId).toMatch(new RegExp(`^${plain[0].id}\\.\\.`))
    expect(JSON.parse(entries[1].changes)).toMatchObject({ mode: 'encrypt', changed: 1, skipped: 0, before: { plain: 2 } })
    expect(JSON.parse(entries[2].changes)).toEqual({ mode: 'encrypt', activeKeyId: active, keyIds: [...personalDataKeys().keys.keys()].sort(), people: report.people, objections: report.objections })
    const written = JSON.stringify(entries)
    for (const value of [...plain.flatMap((p) => [p.idNumber, p.idNumber.toLowerCase(), p.phone]), objectionPhone, 'plain@example.com']) expect(written).not.toContain(value)
    expect(await verifyAuditChain(db)).toBeNull()
    for (const p of plain) {
      const row = await db.person.findUniqueOrThrow({ where: { id: p.id } })
      expect(isEncrypted(row.idNumber) && isEncrypted(row.phone!)).toBe(true)
      expect(openIdNumber(row.idNumber)).toBe(p.idNumber)
      expect(await createStaffPractitionersRepository(db).idNumberHolder(p.idNumber)).toBe(p.id)
    }
    const o = await db.objection.findUniqueOrThrow({ where: { id: objection.id } })
    expect(isEncrypted(o.contactPhone) && isEncrypted(o.email!)).toBe(true)
    expect(o.contactPhoneHash).toBe(lookupHash(personalDataKeys(), 'phone', objectionPhone))
    // encrypted rows were left byte for byte
    const after = new Map((await db.person.findMany({ select: { id: true, idNumber: true, phone: true } })).map((r) => [r.id, r]))
    for (const r of untouched) expect(after.get(r.id)).toEqual(r)

    const seqBeforeAgain = (await db.auditLog.findFirstOrThrow({ orderBy: { seq: 'desc' } })).seq
    const again = await reencryptPersonalData(db, personalDataKeys(), 'encrypt', { userId: (await db.user.findFirstOrThrow({ orderBy: { id: 'asc' } })).id })
    expect(again.people.changed + again.objections.changed).toBe(0)
    // a run with nothing to change is still on record, in the name of the account the operator gave
    const runs = await db.auditLog.findMany({ where: { seq: { gt: seqBeforeAgain } } })
    expect(runs.map((e) => e.action)).toEqual(['personal-data.encrypt.complete'])
    expect(runs[0].userId).not.toBeNull()
  })

  it('pii:rekey moves every value to the new key and hash key, resumes after an interruption, then is a no-op', async () => {
    const before = personalDataKeys()
    const people = await db.person.count()
    const rotated: PersonalDataKeyRing = { activeKeyId: 'k2', keys: new Map([...before.keys, ['k2', randomBytes(32)]]), hmacKey: randomBytes(32) }
    usePersonalDataKeys(rotated)
    // interrupted after the first committed batch
    let batches = 0
    await expect(
      reencryptPersonalData(db, rotated, 'rekey', {
        batchSize: 40,
        progress: () => {
          if (++batches === 1) throw new Error('killed')
        },
      }),
    ).rejects.toThrow('killed')
    // the batch that committed is on record, with its keys before; the run never completed
    const killedRun = await db.auditLog.findMany({ where: { action: { startsWith: 'personal-data.rekey' } } })
    expect(killedRun.map((e) => e.action)).toEqual(['personal-data.rekey'])
    expect(Object.keys(JSON.parse(killedRun[0].changes).before)).toEqual([before.activeKeyId])
    const partly = await db.person.findMany({ select: { idNumber: true } })
    const moved = partly.filter((p) => keyIdOf(p.idNumber) === 'k2').length
    expect(moved).toBeGreaterThan(0)
    expect(moved).toBeLessThan(people)

    const report = await reencryptPersonalData(db, rotated, 'rekey', { batchSize: 40 })
    expect(report.people.scanned).toBe(people)
    expect(report.people.changed).toBe(people - moved)
    const rows = await db.person.findMany({ select: { id: true, idNumber: true, idNumberHash: true, phone: true } })
    for (const r of rows) {
      expect(keyIdOf(r.idNumber)).toBe('k2')
      if (r.phone) expect(keyIdOf(r.phone)).toBe('k2')
      expect(r.idNumberHash).toBe(lookupHash(rotated, 'idNumber', decryptField(rotated, 'person.idNumber', r.idNumber)))
    }
    for (const o of await db.objection.findMany({ select: { contactPhone: true, contactPhoneHash: true } })) {
      expect(keyIdOf(o.contactPhone)).toBe('k2')
      expect(o.contactPhoneHash).toBe(lookupHash(rotated, 'phone', decryptField(rotated, 'objection.contactPhone', o.contactPhone)))
    }
    // look-ups work under the new hash key; the old key is no longer needed
    const someone = rows[0]
    const withoutOld: PersonalDataKeyRing = { ...rotated, keys: new Map([['k2', rotated.keys.get('k2')!]]) }
    usePersonalDataKeys(withoutOld)
    expect(await createStaffPractitionersRepository(db).idNumberHolder(openIdNumber(someone.idNumber))).toBe(someone.id)
    const again = await reencryptPersonalData(db, withoutOld, 'rekey')
    expect(again.people.changed + again.objections.changed).toBe(0)
  })

  it('never overwrites a row changed between the read and the write (it is left for the next run)', async () => {
    const repo = createPersonalDataRepository(db)
    const [current] = await repo.peopleAfter(null, 1)
    expect(await repo.replacePerson({ ...current, phone: 'what was read before a staff edit' }, { idNumber: current.idNumber, idNumberHash: current.idNumberHash, phone: null })).toBe(false)
    expect((await repo.peopleAfter(null, 1))[0]).toEqual(current)
  })
})
