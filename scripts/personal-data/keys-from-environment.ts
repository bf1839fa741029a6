// The personal-data key ring of an operator command, from the same variables the portal reads
// (web/lib/env.ts): PERSONAL_DATA_KEYS_FILE (default keys/personal-data-keys.json),
// PERSONAL_DATA_KEY, PERSONAL_DATA_KEY_ID, PERSONAL_DATA_HMAC_KEY. Installed for the process, so
// the repositories the command calls seal and open with it.
import { loadPersonalDataKeyRing } from '../../web/server/personal-data/key-ring.ts'
import { usePersonalDataKeys } from '../../web/server/personal-data/personal-data.ts'
import type { PersonalDataKeyRing } from '../../web/server/personal-data/field-cipher.ts'

export function personalDataKeysFromEnvironment(env: Record<string, string | undefined> = process.env): PersonalDataKeyRing {
  const ring = loadPersonalDataKeyRing({
    file: env.PERSONAL_DATA_KEYS_FILE || undefined,
    key: env.PERSONAL_DATA_KEY || undefined,
    keyId: env.PERSONAL_DATA_KEY_ID || undefined,
    hmacKey: env.PERSONAL_DATA_HMAC_KEY || undefined,
  })
  usePersonalDataKeys(ring)
  return ring
}
