// Staff passwords: Argon2id with the OWASP Password Storage Cheat Sheet's parameters (m=19456 KiB,
// t=2, p=1), stored as the PHC string the library writes (parameters and salt travel with the
// hash, so raising them later only affects new hashes). Verification compares in constant time
// inside the library.
import { hash, verify } from '@node-rs/argon2'

export const ARGON2ID_OPTIONS = {
  // Algorithm.Argon2id; the package declares it as an ambient const enum, which isolated modules cannot read
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const

/** A PHC-format Argon2id hash of the password; `salt` only for reproducible demo data (≥ 8 bytes). */
export function hashPassword(password: string, salt?: Uint8Array): Promise<string> {
  return hash(password, { ...ARGON2ID_OPTIONS, ...(salt ? { salt } : {}) })
}

/** True when the password matches; false for a malformed or non-Argon2 stored hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (!stored.startsWith('$argon2')) return false
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

// An unknown username still costs one Argon2id verification, so that the answer's timing does not
// tell whether the account exists. The hash is of a random string nobody knows.
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`)
  await verifyPassword(await dummyHash, password)
  return false
}
