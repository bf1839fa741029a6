// The platform's certificate key file (docs/certificate-format.md §5): pure parsing, validation
// and the demo/rotation helpers used by scripts/keys/generate-demo-keys.ts. No process.env and
// no file access here, so the set-up script and the unit tests can use it directly.
//
// File format (JSON, kept in the git-ignored keys/ folder, mode 0600):
//   { "keys": [ { "keyId": 1, "secretKeyHex"?: "<64 hex>", "publicKeyHex": "<64 hex>",
//                 "notBefore": "YYYY-MM-DD", "notAfter"?: "YYYY-MM-DD" } ],
//     "activeKeyId": 1 }
//                 "notBefore": "YYYY-MM-DD", "notAfter"?: "YYYY-MM-DD",
//                 "compromisedFrom"?: "YYYY-MM-DD" } ],
// notBefore/notAfter bound the ISSUE DATES a key may sign (inclusive). A key with notAfter is
// retired: it stays published so its certificates keep verifying, but signs nothing new. A key
// with compromisedFrom signs nothing, and certificates dated on or after that day verify as not
// genuine (jwks.ts "compromised_from").
//
// A public instance (PORTAL_ROLE=public) reads instead the PUBLIC key file written by
// `npm run keys:export-public`: the JWKS document itself ({ "keys": [ <JWK> … ] }, jwks.ts), which
// holds no secret by construction; it refuses a file or variable that holds one.
import { z } from 'zod'
import {
  MAX_KEY_ID,
  bytesToHex,
  generateSigningKey,
  hexToBytes,
  isPublicTestKey,
  keyValidOn,
  publicKeyOf,
  toJwk,
  type CertificatePublicKey,
} from './index'
import { toIsoDate } from '../dates/calendar-date'

export const DEFAULT_KEY_FILE = 'keys/certificate-keys.json'

const HEX_32 = /^[0-9a-fA-F]{64}$/

const isoDate = (what: string) =>
  z.string().refine((s) => toIsoDate(s) === s, `${what}必须是 YYYY-MM-DD 格式的日期 / ${what} must be a 'YYYY-MM-DD' date`)

const keyEntrySchema = z
  .object({
    keyId: z
      .number({ error: '密钥编号必须是整数 / keyId must be an integer' })
      .int('密钥编号必须是整数 / keyId must be an integer')
      .min(1, `密钥编号必须在 1–${MAX_KEY_ID} 之间（0 保留给公开测试密钥） / keyId must be 1-${MAX_KEY_ID} (0 is the public test key)`)
      .max(MAX_KEY_ID, `密钥编号必须在 1–${MAX_KEY_ID} 之间 / keyId must be 1-${MAX_KEY_ID}`),
    secretKeyHex: z
      .string()
      .regex(HEX_32, '私钥必须是 64 位十六进制（32 字节 Ed25519 种子） / secretKeyHex must be 64 hex characters (a 32-byte Ed25519 seed)')
      .optional(),
    publicKeyHex: z
      .string({ error: '缺少公钥 / publicKeyHex is required' })
      .regex(HEX_32, '公钥必须是 64 位十六进制（32 字节） / publicKeyHex must be 64 hex characters (32 bytes)'),
    notBefore: isoDate('启用日期 notBefore'),
    notAfter: isoDate('停用日期 notAfter').nullish(),
    compromisedFrom: isoDate('泄露日期 compromisedFrom').nullish(),
  })
  .strict()
  .superRefine((k, ctx) => {
    const publicKey = hexToBytes(k.publicKeyHex)
    if (publicKey && isPublicTestKey(publicKey)) {
      ctx.addIssue({ code: 'custom', path: ['publicKeyHex'], message: '不得使用公开测试密钥 / the public test key must never be used' })
      return
    }
    if (publicKey) {
      try {
        toJwk(k.keyId, publicKey, { notBefore: k.notBefore, notAfter: k.notAfter })
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          path: ['publicKeyHex'],
          message: `公钥或有效期无效 / invalid public key or validity window: ${error instanceof Error ? error.message : String(error)}`,
        })
      }
    }
    if (k.secretKeyHex && publicKey) {
      const secret = hexToBytes(k.secretKeyHex)
      if (!secret || bytesToHex(publicKeyOf(secret)) !== bytesToHex(publicKey)) {
        ctx.addIssue({ code: 'custom', path: ['secretKeyHex'], message: '私钥与公钥不匹配 / secretKeyHex does not belong to publicKeyHex' })
      }
    }
  })

export const keyFileSchema = z
  .object({
    keys: z.array(keyEntrySchema, { error: '缺少密钥列表 keys / "keys" must be an array' }).min(1, '密钥列表为空 / "keys" is empty'),
    activeKeyId: z.number().int().nullish(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<number>()
    const seenPublic = new Set<string>()
    file.keys.forEach((k, i) => {
      if (seen.has(k.keyId)) ctx.addIssue({ code: 'custom', path: ['keys', i, 'keyId'], message: `密钥编号 ${k.keyId} 重复 / duplicate keyId ${k.keyId}` })
      seen.add(k.keyId)
      const pub = k.publicKeyHex.toLowerCase()
      if (seenPublic.has(pub)) ctx.addIssue({ code: 'custom', path: ['keys', i, 'publicKeyHex'], message: '同一公钥出现两次 / the same public key appears twice' })
      seenPublic.add(pub)
    })
    if (file.activeKeyId != null) {
      const active = file.keys.find((k) => k.keyId === file.activeKeyId)
      if (!active) {
        ctx.addIssue({ code: 'custom', path: ['activeKeyId'], message: `当前签名密钥 ${file.activeKeyId} 不在密钥列表中 / activeKeyId ${file.activeKeyId} is not in "keys"` })
      } else if (active.notAfter != null) {
        ctx.addIssue({ code: 'custom', path: ['activeKeyId'], message: `当前签名密钥 ${file.activeKeyId} 已停用（设有 notAfter） / activeKeyId ${file.activeKeyId} is retired (has notAfter)` })
      }
    }
  })

export type KeyFile = z.infer<typeof keyFileSchema>
export type KeyFileEntry = KeyFile['keys'][number]

export class KeyFileError extends Error {
  constructor(
    readonly problems: string[],
    readonly source = 'certificate key file',
  ) {
    super(`证书签名密钥配置无效 / invalid certificate keys (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'KeyFileError'
  }
}

export interface ActiveSigningKey {
  keyId: number
  secretKey: Uint8Array
  notBefore: string
}

export interface KeyRing {
  /** the key that signs new certificates; null on a verification-only server (no secret) */
  active: ActiveSigningKey | null
  /** every published key (current and retired), for verification and the JWKS */
  publicKeys: CertificatePublicKey[]
}

export interface ParseKeyFileOptions {
  /** the active key's secret from the environment (CERTIFICATE_SIGNING_KEY_HEX); wins over the file */
  secretKeyHex?: string | null
  /** names the source in error messages */
  source?: string
}

/** Validates a parsed key file (JSON value) and builds the key ring; throws KeyFileError. */
export function parseKeyFile(json: unknown, options: ParseKeyFileOptions = {}): KeyRing {
  const source = options.source ?? 'certificate key file'
  const parsed = keyFileSchema.safeParse(json)
  if (!parsed.success) {
    throw new KeyFileError(
      parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`),
      source,
    )
  }
  const file = parsed.data
  const publicKeys: CertificatePublicKey[] = file.keys.map((k) => ({
    keyId: k.keyId,
    publicKey: hexToBytes(k.publicKeyHex) as Uint8Array,
    notBefore: k.notBefore,
    notAfter: k.notAfter ?? null,
    ...(k.compromisedFrom == null ? {} : { compromisedFrom: k.compromisedFrom }),
  }))
  let active: ActiveSigningKey | null = null
  const activeEntry = file.activeKeyId == null ? undefined : file.keys.find((k) => k.keyId === file.activeKeyId)
  if (activeEntry) {
    const envHex = options.secretKeyHex ? options.secretKeyHex.trim() : ''
    if (envHex && !HEX_32.test(envHex)) {
      throw new KeyFileError(['CERTIFICATE_SIGNING_KEY_HEX: 私钥必须是 64 位十六进制 / must be 64 hex characters'], source)
    }
    const secretHex = envHex || activeEntry.secretKeyHex
    if (secretHex) {
      const secretKey = hexToBytes(secretHex) as Uint8Array
      if (bytesToHex(publicKeyOf(secretKey)) !== activeEntry.publicKeyHex.toLowerCase()) {
        throw new KeyFileError(
          [`CERTIFICATE_SIGNING_KEY_HEX: 私钥与当前签名密钥 ${activeEntry.keyId} 的公钥不匹配 / does not belong to active key ${activeEntry.keyId}`],
          source,
        )
      }
      active = { keyId: activeEntry.keyId, secretKey, notBefore: activeEntry.notBefore }
    }
  }
  return { active, publicKeys }
}

export class NoSigningKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NoSigningKeyError'
  }
}

/**
 * The key that signs a certificate issued on issuedOn ('YYYY-MM-DD'). Only the active key signs,
 * and only if it is current (no notAfter) and its window contains the date; throws
 * NoSigningKeyError otherwise (a server without a secret, a backdated issue date …).
 */
export function selectSigningKey(ring: KeyRing, issuedOn: string): ActiveSigningKey {
  if (toIsoDate(issuedOn) !== issuedOn) throw new RangeError(`issuedOn must be 'YYYY-MM-DD', got ${issuedOn}`)
  const active = ring.active
  if (!active) throw new NoSigningKeyError('本服务器未配置签名私钥 / no active signing key is configured')
  const published = ring.publicKeys.find((k) => k.keyId === active.keyId)
  if (!published) throw new NoSigningKeyError(`签名密钥 ${active.keyId} 未公布 / active key ${active.keyId} is not published`)
  if (published.notAfter != null) {
    throw new NoSigningKeyError(`签名密钥 ${active.keyId} 已停用 / key ${active.keyId} is retired and signs nothing new`)
  }
  if (published.compromisedFrom != null) {
    throw new NoSigningKeyError(`签名密钥 ${active.keyId} 已标记为泄露，不得再签发证书，请轮换密钥 / key ${active.keyId} is compromised; rotate`)
  }
  if (!keyValidOn(published, issuedOn)) {
    throw new NoSigningKeyError(
      `签发日期 ${issuedOn} 早于签名密钥 ${active.keyId} 的启用日期 ${published.notBefore} / issue date is before the key's notBefore`,
    )
  }
  return active
}

// ---------------------------------------------------------------- demo keys and rotation

function newEntry(keyId: number, notBefore: string): KeyFileEntry {
  const secret = generateSigningKey()
  return { keyId, secretKeyHex: bytesToHex(secret), publicKeyHex: bytesToHex(publicKeyOf(secret)), notBefore }
}

/** A new key file with one demo key (key id 1). */
export function createDemoKeyFile(notBefore = '2014-01-01'): KeyFile {
  return { keys: [newEntry(1, notBefore)], activeKeyId: 1 }
}

function previousDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10)
}

/**
 * Rotation (docs §5): a new key with the next unused id becomes active from `today`; the previous
 * active key gets notAfter = the day before. Returns a new object; validates input and output.
 */
export function rotateKeyFile(current: unknown, today: string): { file: KeyFile; retiredKeyId: number | null; newKeyId: number } {
  parseKeyFile(current)
  const file = keyFileSchema.parse(current)
  const newKeyId = Math.max(...file.keys.map((k) => k.keyId)) + 1
  if (newKeyId > MAX_KEY_ID) throw new KeyFileError([`没有可用的密钥编号 / no key id left (max ${MAX_KEY_ID})`])
  const yesterday = previousDay(today)
  const retiredKeyId = file.activeKeyId ?? null
  const keys = file.keys.map((k) => {
    if (k.keyId !== retiredKeyId) return k
    if (yesterday < k.notBefore) {
      throw new KeyFileError([`密钥 ${k.keyId} 今天才启用，不能今天轮换 / key ${k.keyId} starts ${k.notBefore}; rotate tomorrow at the earliest`])
    }
    return { ...k, notAfter: yesterday }
  })
  const next: KeyFile = { keys: [...keys, newEntry(newKeyId, today)], activeKeyId: newKeyId }
  parseKeyFile(next)
  return { file: next, retiredKeyId, newKeyId }
}
