// The key file an instance reads, by the instance's role, and the operator edits of it
// (scripts/keys/*). Pure: no process.env, no file access.
//
//   role 'all'    (default, the demo) one process serves the public and staff; it signs
//   role 'staff'  the staff instance (or a signer process): it signs
//   role 'public' the public instances: they only verify, so they must hold no secret at all —
//                 whoever breaks into one must not be able to forge certificates. They read the
//                 public key file (the JWKS document, written by `npm run keys:export-public`)
//                 or a private-format file without any secretKeyHex; anything else is refused.
import { fromJwks, JwksError, toJwks, type CertificateJwks } from './jwks'
import { KeyFileError, keyFileSchema, parseKeyFile, type KeyFile, type KeyRing } from './key-file'
import { toIsoDate } from '../dates/calendar-date'

export const PORTAL_ROLES = ['public', 'staff', 'all'] as const
export type PortalRole = (typeof PORTAL_ROLES)[number]

export interface ParseKeyRingFileOptions {
  role: PortalRole
  /** CERTIFICATE_SIGNING_KEY_HEX, if set */
  secretKeyHex?: string | null
  /** names the source in error messages */
  source?: string
}

/** True for a JWKS document ({ keys: [ { kty … } ] }) rather than the private key file format. */
export function isPublicKeyFile(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { keys?: unknown }).keys)) return false
  const keys = (json as { keys: unknown[] }).keys
  return keys.length > 0 && keys.every((k) => typeof k === 'object' && k !== null && 'kty' in k)
}

/**
 * The key ring of an instance with this role, from the parsed key file (either format). Throws
 * KeyFileError whose problems name the variable at fault (CERTIFICATE_KEYS_FILE or
 * CERTIFICATE_SIGNING_KEY_HEX) when a public instance is given a secret.
 */
export function parseKeyRingFile(json: unknown, options: ParseKeyRingFileOptions): KeyRing {
  const source = options.source ?? 'certificate key file'
  const envSecret = options.secretKeyHex ? options.secretKeyHex.trim() : ''
  const problems: string[] = []
  if (options.role === 'public' && envSecret) {
    problems.push('CERTIFICATE_SIGNING_KEY_HEX: 公开实例（PORTAL_ROLE=public）不得配置签名私钥 / a public instance must not be given a private key')
  }
  if (isPublicKeyFile(json)) {
    if (envSecret && options.role !== 'public') {
      problems.push('CERTIFICATE_SIGNING_KEY_HEX: 公钥文件不能与签名私钥同用，请改用私钥文件 / a public key file has no active key to pair the secret with')
    }
    if (problems.length) throw new KeyFileError(problems, source)
    try {
      return { active: null, publicKeys: fromJwks(json) }
    } catch (error) {
      if (error instanceof JwksError) throw new KeyFileError(error.problems.map((p) => `CERTIFICATE_KEYS_FILE: ${p}`), source)
      throw error
    }
  }
  if (options.role === 'public' && typeof json === 'object' && json !== null && Array.isArray((json as { keys?: unknown }).keys)) {
    ;(json as { keys: unknown[] }).keys.forEach((k, i) => {
      if (typeof k === 'object' && k !== null && 'secretKeyHex' in k) {
        problems.push(
          `CERTIFICATE_KEYS_FILE: keys.${i}.secretKeyHex: 公开实例（PORTAL_ROLE=public）的密钥文件不得含有私钥，请使用 npm run keys:export-public 导出的公钥文件 / a public instance must not read a file holding a private key`,
        )
      }
    })
  }
  if (problems.length) throw new KeyFileError(problems, source)
  return parseKeyFile(json, { secretKeyHex: envSecret || null, source })
}

/** The public key file (JWKS document) of a private key file; validates it first. */
export function exportPublicKeyFile(json: unknown): CertificateJwks {
  return toJwks(parseKeyFile(json).publicKeys)
}

/**
 * Marks keyId compromised from `from` ('YYYY-MM-DD'): certificates it signed with issue dates on
 * or after that day verify as not genuine, and the key signs nothing more. An earlier date than
 * one already recorded wins; a later one is refused (it would make certificates genuine again).
 */
export function markKeyCompromised(current: unknown, keyId: number, from: string): { file: KeyFile; wasActive: boolean } {
  if (toIsoDate(from) !== from) throw new KeyFileError([`--from 必须是 YYYY-MM-DD 格式的日期 / --from must be a 'YYYY-MM-DD' date, got ${from}`])
  parseKeyFile(current)
  const file = keyFileSchema.parse(current)
  const entry = file.keys.find((k) => k.keyId === keyId)
  if (!entry) throw new KeyFileError([`密钥 ${keyId} 不在密钥文件中 / key ${keyId} is not in the file`])
  if (entry.compromisedFrom != null && entry.compromisedFrom < from) {
    throw new KeyFileError([
      `密钥 ${keyId} 已自 ${entry.compromisedFrom} 起标记为泄露，不能推迟 / key ${keyId} is already compromised from ${entry.compromisedFrom}; a later date would make certificates genuine again`,
    ])
  }
  const next: KeyFile = { ...file, keys: file.keys.map((k) => (k.keyId === keyId ? { ...k, compromisedFrom: from } : k)) }
  parseKeyFile(next)
  return { file: next, wasActive: file.activeKeyId === keyId }
}
