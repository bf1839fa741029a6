// An auditor reads and exports the audit log and nothing else: the permission table gives it only
// 'audit.read' and 'statistics.read', and every back-office use case that checks any other
// permission refuses it (ForbiddenError, 403) before touching the database. The use cases are
// found in the source, so a new one is covered without being listed here.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Actor } from '@shared/staff/actor'
import { PERMISSIONS, can, type Permission } from '@shared/staff/permissions'
import { ForbiddenError } from '@web/server/lib/errors'

const providers = await testProviders()
const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const AUDITOR: Actor = {
  userId: 'auditor',
  username: 'auditor',
  displayName: '审计员',
  role: 'AUDITOR',
  authorityId: null,
  regionCode: null,
  regions: 'ALL',
  clientIp: '10.0.0.1',
}

const AUDITOR_MAY = new Set<Permission>(['audit.read', 'statistics.read'])

interface UseCase {
  file: string
  name: string
}

/** Exported functions taking (db, actor, …) in files whose every permission check is one the auditor lacks. */
function writeUseCases(): UseCase[] {
  const out: UseCase[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts') && !/\.test\.ts$|testing|fixtures/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8')
        const permissions = [...text.matchAll(/authorize\(actor, '([a-z.-]+)'\)/g)].map((m) => m[1] as Permission)
        if (permissions.length === 0 || permissions.some((p) => AUDITOR_MAY.has(p))) continue
        for (const m of text.matchAll(/export (?:async )?function (\w+)\(\s*db: Db,\s*actor: Actor\b/g)) out.push({ file: full, name: m[1] })
      }
    }
  }
  walk(SERVER)
  return out
}

describe('the auditor cannot write', () => {
  it('has only the read permissions in the table', () => {
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can('AUDITOR', p))
    expect(granted.sort()).toEqual(['audit.read', 'statistics.read'])
  })
})

describe.each(providers)('every write use case refuses the auditor on %s', (provider) => {
  let testDb: TestDatabase
  const useCases = writeUseCases()

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('finds the back office use cases', () => {
    expect(useCases.length).toBeGreaterThan(10)
  })

  it.each(useCases.map((u) => [`${path.relative(SERVER, u.file)} ${u.name}`, u] as const))('%s', async (_label, useCase) => {
    const mod = (await import(useCase.file)) as Record<string, (...args: unknown[]) => unknown>
    const fn = mod[useCase.name]
    // whatever the remaining parameters, the permission is checked first
    const call = async () => fn(testDb.db, AUDITOR, 'x', { id: 'x' }, 'x', 'x')
    await expect(call()).rejects.toBeInstanceOf(ForbiddenError)
    expect(await testDb.db.auditLog.count()).toBe(0)
  })
})
