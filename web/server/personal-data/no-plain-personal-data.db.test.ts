// The database holds no ID number or phone number in plain text. A small demo database is seeded
// (people through the seed's bulk writer, objections through the submission use case), every
// person's and objection's plain values are collected by opening them, and then sought
// - on SQLite in the raw bytes of the database file (after a checkpoint, with any WAL file) and in
//   every column of every table;
// - on PostgreSQL in every text, varchar and json column of every table of the schema.
// A person then written in plain text behind the repositories' back must be found, so the search
// itself is shown to work.
import fs from 'node:fs'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import { makeIdNumber } from '@shared/validators/id-number'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { openContactPhone, openEmail, openIdNumber, openPersonPhone } from './personal-data'

const providers = await testProviders()

/** Plain values found in a text: every window of 11 and 18 characters of every long digit run. */
function plainValuesIn(text: string, secrets: ReadonlySet<string>): string[] {
  const found = new Set<string>()
  for (const run of text.matchAll(/[0-9Xx]{11,}/g)) {
    const s = run[0].toUpperCase()
    for (const width of [11, 18]) {
      for (let i = 0; i + width <= s.length; i++) {
        const w = s.slice(i, i + width)
        if (secrets.has(w)) found.add(w)
      }
    }
  }
  for (const secret of secrets) if (secret.includes('@') && text.includes(secret)) found.add(secret)
  return [...found]
}

async function plainSecrets(t: TestDatabase): Promise<Set<string>> {
  const people = await t.db.person.findMany({ select: { idNumber: true, phone: true } })
  const objections = await t.db.objection.findMany({ select: { contactPhone: true, email: true } })
  const secrets = new Set<string>()
  for (const p of people) {
    secrets.add(openIdNumber(p.idNumber))
    const phone = openPersonPhone(p.phone)
    if (phone) secrets.add(phone)
  }
  for (const o of objections) {
    secrets.add(openContactPhone(o.contactPhone))
    const email = openEmail(o.email)
    if (email) secrets.add(email)
  }
  return secrets
}

/** Every value of every column of every table, as text. */
async function everyStoredText(t: TestDatabase): Promise<string[]> {
  if (t.provider === 'sqlite') {
    const file = new Database(t.url.replace(/^file:/, ''), { readonly: true })
    try {
      const tables = file.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
      return tables.flatMap(({ name }) =>
        (file.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).flatMap((row) => row.map((v) => (v instanceof Buffer ? v.toString('latin1') : String(v)))),
      )
    } finally {
      file.close()
    }
  }
  const client = new pg.Client({ connectionString: t.url })
  await client.connect()
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'USER-DEFINED')`,
    )
    expect(columns.length).toBeGreaterThan(50)
    const texts: string[] = []
    for (const c of columns) {
      const { rows } = await client.query<{ v: string | null }>(`SELECT "${c.column_name}"::text AS v FROM "${c.table_name}"`)
      for (const r of rows) if (r.v !== null) texts.push(r.v)
    }
    return texts
  } finally {
    await client.end()
  }
}

/** The SQLite database file's bytes (and its WAL's), after moving every committed page into the file. */
async function sqliteFileText(t: TestDatabase): Promise<string> {
  await t.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)')
  const path = t.url.replace(/^file:/, '')
  const parts = [path, `${path}-wal`, `${path}-journal`].filter((p) => fs.existsSync(p))
  return parts.map((p) => fs.readFileSync(p).toString('latin1')).join('\n')
}

describe.each(providers)('personal data at rest on %s', (provider) => {
  let t: TestDatabase
  let secrets: Set<string>

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await seedDatabase(t.db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'plain-text-proof', asOf: '2026-06-30' })
    secrets = await plainSecrets(t)
  })
  afterAll(async () => {
    await t?.drop()
  })

  it('has people with ID numbers and phones and objections with contact details to look for', () => {
    const values = [...secrets]
    expect(values.filter((s) => s.length === 18).length).toBeGreaterThan(100)
    expect(values.filter((s) => /^1\d{10}$/.test(s)).length).toBeGreaterThan(100)
    expect(values.some((s) => s.includes('@'))).toBe(true)
  })

  it('stores none of them in plain text in any column', async () => {
    const found = new Set<string>()
    for (const text of await everyStoredText(t)) for (const v of plainValuesIn(text, secrets)) found.add(v)
    expect([...found]).toEqual([])
  })

  it.runIf(provider === 'sqlite')('stores none of them in the bytes of the database file', async () => {
    expect(plainValuesIn(await sqliteFileText(t), secrets)).toEqual([])
  })

  it('finds a value written in plain text behind the repositories (the search works)', async () => {
    const plainId = makeIdNumber('460100', '19900101', 777)
    await t.db.person.create({ data: { name: '明文对照', idNumber: plainId, gender: '男', phone: '13912345678' } })
    const planted = new Set([...secrets, plainId, '13912345678'])
    const inColumns = new Set((await everyStoredText(t)).flatMap((text) => plainValuesIn(text, planted)))
    expect([...inColumns].sort()).toEqual(['13912345678', plainId].sort())
    if (provider === 'sqlite') expect(plainValuesIn(await sqliteFileText(t), planted).sort()).toEqual(['13912345678', plainId].sort())
  })
})
