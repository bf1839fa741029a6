import { describe, expect, it } from 'vitest'
import { isUninitializedDatabaseError } from './database-errors'

describe('isUninitializedDatabaseError', () => {
  it('recognises a missing table from Prisma, SQLite and PostgreSQL', () => {
    expect(isUninitializedDatabaseError({ code: 'P2021', message: 'The table `main.Enterprise` does not exist in the current database.' })).toBe(true)
    expect(isUninitializedDatabaseError(new Error('SqliteError: no such table: Enterprise'))).toBe(true)
    expect(isUninitializedDatabaseError(new Error('relation "Enterprise" does not exist'))).toBe(true)
  })

  it('does not mistake an outage for a missing schema', () => {
    expect(isUninitializedDatabaseError(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(false)
    expect(isUninitializedDatabaseError({ code: 'P1001' })).toBe(false)
    expect(isUninitializedDatabaseError(undefined)).toBe(false)
    expect(isUninitializedDatabaseError('no such table')).toBe(false)
  })
})
