import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { derivePostgresSchema } from './generate.ts'

describe('derivePostgresSchema', () => {
  const source = fs.readFileSync('prisma/schema.prisma', 'utf8')

  it('matches the committed PostgreSQL schema', () => {
    expect(fs.readFileSync('prisma/postgres/schema.prisma', 'utf8')).toBe(derivePostgresSchema(source))
  })

  it('changes only the provider and the client output', () => {
    const derived = derivePostgresSchema(source)
    expect(derived).toContain('provider = "postgresql"')
    expect(derived).toContain('"../generated/postgres"')
    expect(derived).not.toContain('"sqlite"')
    const strip = (s: string) => s.split('\n').filter((l) => !/provider\s*=\s*"(sqlite|postgresql)"|output\s*=|^\/\/ GENERATED/.test(l)).join('\n')
    expect(strip(derived)).toBe(strip(source))
  })

  it('refuses a schema it cannot rewrite', () => {
    expect(() => derivePostgresSchema('datasource db { provider = "mysql" }')).toThrow(/could not find/)
  })
})
