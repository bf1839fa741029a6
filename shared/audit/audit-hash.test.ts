import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { auditEntryHash, findBrokenLink, GENESIS_HASH, type AuditContent, type ChainEntry } from './audit-hash'

// An independent oracle: the documented construction done with Node's OpenSSL.
function oracle(prevHash: string, e: AuditContent): string {
  const fields = [prevHash, e.at.toISOString(), e.userId ?? '', e.action, e.entity, e.entityId, e.changes]
  return createHash('sha256').update(fields.map((f) => JSON.stringify(f)).join('\n'), 'utf8').digest('hex')
}

function chain(n: number): ChainEntry[] {
  const out: ChainEntry[] = []
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const content: AuditContent = {
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      userId: seq % 3 === 0 ? null : `user-${seq % 5}`,
      action: seq % 2 ? 'certificate.revoke' : 'objection.submit',
      entity: 'Certificate',
      entityId: `c${seq}`,
      changes: JSON.stringify({ status: ['VALID', 'REVOKED'], note: '撤销' }),
    }
    const hash = auditEntryHash(prev, content)
    out.push({ ...content, seq, prevHash: prev, hash })
    prev = hash
  }
  return out
}

describe('auditEntryHash', () => {
  it('is SHA-256 over the JSON-quoted fields, one per line, as another implementation computes it', () => {
    for (const e of chain(20)) expect(e.hash).toBe(oracle(e.prevHash, e))
  })

  it('cannot be imitated by moving a line break between fields', () => {
    const base = { at: new Date('2026-01-01T00:00:00Z'), userId: 'u', action: 'a', entity: 'E', entityId: 'x\ny', changes: '{}' }
    const shifted = { ...base, entity: 'E\nx', entityId: 'y' }
    expect(auditEntryHash(GENESIS_HASH, base)).not.toBe(auditEntryHash(GENESIS_HASH, shifted))
  })
})

describe('findBrokenLink', () => {
  const entries = chain(1200)

  it('accepts an intact chain of more than 1,000 entries', () => {
    expect(findBrokenLink(entries)).toBeNull()
  })

  it.each([
    ['an edited changes field', (c: ChainEntry[]) => (c[500] = { ...c[500], changes: '{"status":["VALID","VALID"]}' })],
    ['an edited time', (c: ChainEntry[]) => (c[500] = { ...c[500], at: new Date(c[500].at.getTime() - 86_400_000) })],
    ['an edited actor', (c: ChainEntry[]) => (c[500] = { ...c[500], userId: 'someone-else' })],
    ['a deleted entry', (c: ChainEntry[]) => c.splice(500, 1)],
    ['two entries swapped', (c: ChainEntry[]) => ([c[500], c[501]] = [c[501], c[500]])],
    ['an injected line break', (c: ChainEntry[]) => (c[500] = { ...c[500], action: `${c[500].action}\n` })],
  ])('finds %s at the first entry whose link breaks', (_name, tamper) => {
    const copy = [...entries]
    tamper(copy)
    expect(findBrokenLink(copy)?.seq).toBe(copy[500].seq)
  })
})

describe('the client address', () => {
  it('is covered by the hash when present, and entries without it hash as before', () => {
    const base = { at: new Date('2026-12-01T08:00:00Z'), userId: 'u1', action: 'staff.sign-in', entity: 'User', entityId: 'u1', changes: '{}' }
    expect(auditEntryHash(GENESIS_HASH, { ...base, clientIp: null })).toBe(oracle(GENESIS_HASH, base))
    const withIp = auditEntryHash(GENESIS_HASH, { ...base, clientIp: '203.0.113.7' })
    expect(withIp).not.toBe(oracle(GENESIS_HASH, base))
    expect(withIp).not.toBe(auditEntryHash(GENESIS_HASH, { ...base, clientIp: '203.0.113.8' }))
  })
})
