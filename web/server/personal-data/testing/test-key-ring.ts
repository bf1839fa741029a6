// A throw-away key ring for tests: random keys per process, never written anywhere.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { PersonalDataKeyRing } from '../field-cipher'

export function createTestKeyRing(keyId = 'test1'): PersonalDataKeyRing {
  return { activeKeyId: keyId, keys: new Map([[keyId, randomBytes(32)]]), hmacKey: randomBytes(32) }
}

/** A person's plain ID number and phone as the repositories store them, for fixtures that write Prisma rows directly. */
export { sealIdNumber as sealedIdNumber, sealPersonPhone as sealedPhone } from '../personal-data'

/**
 * Writes the process's key ring to a key file (mode 0600) in a new temporary folder, for a child
 * process (an operator command under test) that must seal and open with the same keys; its path.
 */
export function writeKeyFileOf(ring: PersonalDataKeyRing): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pii-test-keys-')), 'personal-data-keys.json')
  const content = {
    activeKeyId: ring.activeKeyId,
    keys: [...ring.keys].map(([keyId, key]) => ({ keyId, key: key.toString('base64') })),
    hmacKey: ring.hmacKey.toString('base64'),
  }
  fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600 })
  return file
}
