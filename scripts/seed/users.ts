// Demo staff accounts: one per role for the province (its officer and reviewer act for every
// region), and an officer and a reviewer for two regions (海口 460100, 三亚 460200).
//
// DEMO ONLY: every account has the password `demo-password-2026` and a fixed TOTP secret, both
// published in the README, so that anyone can sign in to a demo. They are marked isDemo, have
// their password already changed and their second factor already enrolled; a production start
// refuses every staff sign-in while one of them is active (ALLOW_DEMO_ACCOUNTS=true is for
// demos only). Real accounts come from `npm run staff:create-admin` and /admin/accounts.
//
// Hashes are Argon2id with the portal's parameters (web/server/auth/passwords.ts); the salts come
// from the seed's PRNG so that seeding stays reproducible. Real hashes get a random salt.
import { hashSync } from '@node-rs/argon2'
import { HAINAN_PROVINCE_CODE } from '../../shared/regions/hainan.ts'
import { ARGON2ID_OPTIONS } from '../../web/server/auth/passwords.ts'
import type { BatchWriter } from './batch-writer.ts'
import { dateOf, type Day } from './days.ts'
import { ID_TAGS, type IdFactory } from './ids.ts'
import { Rng } from './random.ts'
import type { Geography } from './regions-and-authorities.ts'

export const DEMO_PASSWORD = 'demo-password-2026'

export function hashDemoPassword(password: string, salt: Uint8Array): string {
  return hashSync(password, { ...ARGON2ID_OPTIONS, salt })
}

/** The demo accounts with their documented TOTP secrets (base32, 20 bytes each). */
export const DEMO_USERS = [
  { username: 'admin', displayName: '省住建厅系统管理员', role: 'PROVINCE_ADMIN', regionCode: HAINAN_PROVINCE_CODE, totpSecret: 'DEMOADMINAAAAAAAAAAAAAAAAAAAAAAA' },
  { username: 'auditor', displayName: '省住建厅审计员', role: 'AUDITOR', regionCode: HAINAN_PROVINCE_CODE, totpSecret: 'DEMOAUDITORAAAAAAAAAAAAAAAAAAAAA' },
  { username: 'province', displayName: '省住建厅业务经办人', role: 'REGION_OFFICER', regionCode: HAINAN_PROVINCE_CODE, totpSecret: 'DEMOPROVINCEAAAAAAAAAAAAAAAAAAAA' },
  { username: 'province-reviewer', displayName: '省住建厅异议审核人', role: 'REVIEWER', regionCode: HAINAN_PROVINCE_CODE, totpSecret: 'DEMOPROVINCEREVIEWERAAAAAAAAAAAA' },
  { username: 'haikou', displayName: '海口市住建局经办人', role: 'REGION_OFFICER', regionCode: '460100', totpSecret: 'DEMOHAIKOUAAAAAAAAAAAAAAAAAAAAAA' },
  { username: 'haikou-reviewer', displayName: '海口市住建局异议审核人', role: 'REVIEWER', regionCode: '460100', totpSecret: 'DEMOHAIKOUREVIEWERAAAAAAAAAAAAAA' },
  { username: 'sanya', displayName: '三亚市住建局经办人', role: 'REGION_OFFICER', regionCode: '460200', totpSecret: 'DEMOSANYAAAAAAAAAAAAAAAAAAAAAAAA' },
  { username: 'sanya-reviewer', displayName: '三亚市住建局异议审核人', role: 'REVIEWER', regionCode: '460200', totpSecret: 'DEMOSANYAREVIEWERAAAAAAAAAAAAAAA' },
] as const

export function writeUsers(rng: Rng, writer: BatchWriter, ids: IdFactory, geo: Geography, asOf: Day): void {
  for (const u of DEMO_USERS) {
    const salt = Uint8Array.from({ length: 16 }, () => rng.int(0, 255))
    writer.add('User', {
      id: ids.next(ID_TAGS.User),
      username: u.username,
      displayName: u.displayName,
      passwordHash: hashDemoPassword(DEMO_PASSWORD, salt),
      role: u.role,
      authorityId: geo.region(u.regionCode).authorityId,
      active: true,
      isDemo: true,
      mustChangePassword: false,
      passwordChangedAt: dateOf(asOf),
      totpSecret: u.totpSecret,
      totpEnrolledAt: dateOf(asOf),
      createdAt: dateOf(asOf),
    })
  }
}
