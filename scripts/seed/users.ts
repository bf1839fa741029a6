// Demo staff accounts.
//
// DEMO ONLY: all three accounts share the password `demo-password-2026`, published in the
// README, and their salts come from the seed's PRNG so that seeding stays reproducible.
// Real accounts must get a random salt (crypto.randomBytes) and a password of their own.
//
// Hash format: scrypt$N$r$p$salt$hash with salt (16 bytes) and hash (64 bytes) in base64
// (RFC 4648, with padding); verify with crypto.scryptSync(password, salt, 64, { N, r, p })
// and a constant-time compare.
import { scryptSync } from 'node:crypto'
import { HAINAN_PROVINCE_CODE } from '../../shared/regions/hainan.ts'
import type { BatchWriter } from './batch-writer.ts'
import { dateOf, type Day } from './days.ts'
import { ID_TAGS, type IdFactory } from './ids.ts'
import { Rng } from './random.ts'
import type { Geography } from './regions-and-authorities.ts'

export const DEMO_PASSWORD = 'demo-password-2026'
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 }

export function hashPassword(password: string, salt: Buffer): string {
  const { N, r, p, keyLength } = SCRYPT
  const hash = scryptSync(password, salt, keyLength, { N, r, p, maxmem: 64 * 1024 * 1024 })
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`
}

export const DEMO_USERS = [
  { username: 'admin', displayName: '省住建厅系统管理员', role: 'PROVINCE_ADMIN', regionCode: HAINAN_PROVINCE_CODE },
  { username: 'haikou', displayName: '海口市住建局经办人', role: 'REGION_OFFICER', regionCode: '460100' },
  { username: 'sanya', displayName: '三亚市住建局经办人', role: 'REGION_OFFICER', regionCode: '460200' },
] as const

export function writeUsers(rng: Rng, writer: BatchWriter, ids: IdFactory, geo: Geography, asOf: Day): void {
  for (const u of DEMO_USERS) {
    const salt = Buffer.from(Array.from({ length: 16 }, () => rng.int(0, 255)))
    writer.add('User', {
      id: ids.next(ID_TAGS.User),
      username: u.username,
      displayName: u.displayName,
      passwordHash: hashPassword(DEMO_PASSWORD, salt),
      role: u.role,
      authorityId: geo.region(u.regionCode).authorityId,
      active: true,
      createdAt: dateOf(asOf),
    })
  }
}
