// The transparency log's own Ed25519 key, kept apart from the certificate keys so that a leak of
// one does not let its holder forge the other: the log key signs checkpoints (and the status list),
// never certificates.
//
// Key file (LOG_KEY_FILE, default keys/log-key.json; written by `npm run log:generate-key`):
//   { "origin": "<the log's origin line, e.g. jzsc.hainan.gov.cn/log>",
//     "publicKeyHex": "<32-byte Ed25519 public key>",
//     "secretKeyHex": "<32-byte Ed25519 seed>" }          ← absent in a public instance's copy
// LOG_SIGNING_KEY_HEX may give the secret instead, so production can keep it out of the file.
// A PORTAL_ROLE=public instance refuses a secret from either place (it serves the checkpoint the
// staff instance signed and stored, and never signs).
//
// The key is installed once per process by whoever owns the settings (web/lib/db.ts from the
// validated environment, an operator command from its own, the test set-up with a random key), as
// the personal-data keys are; it lives on globalThis because Next's dev reloads re-evaluate modules.
import { createPrivateKey, createPublicKey, sign as nodeSign, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { formatVerifierKey } from '@shared/transparency-log/note'

export const DEFAULT_LOG_KEY_FILE = 'keys/log-key.json'

const hex32 = z.string().regex(/^[0-9a-fA-F]{64}$/, { error: 'must be 64 hex characters (32 bytes)' })

// C2SP tlog-checkpoint: the origin is a schema-less URL without spaces or '+', and it is also the
// key's name in the signed note (C2SP signed-note forbids '+' and spaces in names)
export const logOriginSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\s+]+$/, { error: 'must be a schema-less URL such as jzsc.hainan.gov.cn/log (no spaces, no "+")' })

export const logKeyFileSchema = z.object({
  origin: logOriginSchema,
  publicKeyHex: hex32,
  secretKeyHex: hex32.optional(),
})
export type LogKeyFile = z.infer<typeof logKeyFileSchema>

export class LogKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LogKeyError'
  }
}

/** The log key of this process: always its public half, and a signer unless the instance is public. */
export interface LogKey {
  /** the checkpoint's origin line, and the key's name in signed notes */
  origin: string
  publicKey: Uint8Array
  /** `<name>+<hash>+<base64(0x01‖pub)>`, as served at /log/vkey */
  verifierKey: string
  /** Ed25519 over the message (node:crypto); null on a public instance */
  sign: ((message: Uint8Array) => Uint8Array) | null
}

// PKCS#8 DER of an Ed25519 private key is this fixed prefix followed by the 32-byte seed (RFC 8410 §7)
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' })
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = createPublicKey(key).export({ format: 'jwk' })
  return new Uint8Array(Buffer.from(jwk.x!, 'base64url'))
}

/** The public key of a 32-byte seed. */
export function logPublicKeyOf(seed: Uint8Array): Uint8Array {
  return rawPublicKey(privateKeyFromSeed(seed))
}

/** A log key from its parts; with a seed it signs, and the seed must belong to the public key. */
export function createLogKey(origin: string, publicKey: Uint8Array, seed: Uint8Array | null): LogKey {
  let sign: LogKey['sign'] = null
  if (seed) {
    const privateKey = privateKeyFromSeed(seed)
    if (Buffer.compare(Buffer.from(rawPublicKey(privateKey)), Buffer.from(publicKey)) !== 0) {
      throw new LogKeyError('the log signing key does not belong to the public key in the key file (publicKeyHex)')
    }
    sign = (message) => new Uint8Array(nodeSign(null, message, privateKey))
  }
  return { origin, publicKey, verifierKey: formatVerifierKey(origin, publicKey), sign }
}

export interface LogKeySettings {
  /** the key file; DEFAULT_LOG_KEY_FILE when absent */
  file?: string | null
  /** the secret seed (64 hex characters), instead of the file's */
  signingKeyHex?: string | null
  /** PORTAL_ROLE: 'public' holds the public key only */
  role?: 'public' | 'staff' | 'all'
}

export function logKeyFilePath(settings: LogKeySettings): string {
  // a run-time path, not a file of the app: keep the build from tracing the whole project for it
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), settings.file || DEFAULT_LOG_KEY_FILE)
}

/** Reads and checks the key file; throws LogKeyError naming the file or variable at fault. */
export function readLogKey(settings: LogKeySettings): LogKey {
  const file = logKeyFilePath(settings)
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LogKeyError(`未配置透明日志密钥文件 / log key file not found: ${file} (run: npm run log:generate-key)`)
    }
    throw new LogKeyError(`LOG_KEY_FILE ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = logKeyFileSchema.safeParse(json)
  if (!parsed.success) {
    throw new LogKeyError(`LOG_KEY_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`)
  }
  const role = settings.role ?? 'all'
  if (role === 'public' && settings.signingKeyHex) {
    throw new LogKeyError('LOG_SIGNING_KEY_HEX: 公开实例（PORTAL_ROLE=public）不得配置日志签名私钥 / a public instance must not be given the log private key')
  }
  if (role === 'public' && parsed.data.secretKeyHex) {
    throw new LogKeyError(
      `LOG_KEY_FILE ${file}: 公开实例（PORTAL_ROLE=public）的日志密钥文件不得含有私钥 secretKeyHex，请使用 npm run log:export-public-key 导出的文件 / a public instance must not read a file holding the log private key`,
    )
  }
  const secretHex = settings.signingKeyHex || parsed.data.secretKeyHex
  const seed = role === 'public' || !secretHex ? null : new Uint8Array(Buffer.from(secretHex, 'hex'))
  return createLogKey(parsed.data.origin, new Uint8Array(Buffer.from(parsed.data.publicKeyHex, 'hex')), seed)
}

/** A new key file's content with a random seed. */
export function createLogKeyFile(origin: string, seed: Uint8Array): LogKeyFile {
  logOriginSchema.parse(origin)
  return { origin, publicKeyHex: Buffer.from(logPublicKeyOf(seed)).toString('hex'), secretKeyHex: Buffer.from(seed).toString('hex') }
}

/** The copy of a key file a public instance may hold: the same without the secret. */
export function publicLogKeyFile(content: unknown): LogKeyFile {
  const { origin, publicKeyHex } = logKeyFileSchema.parse(content)
  return { origin, publicKeyHex }
}

/** The demo log's origin for a portal origin: its host (and port) followed by /log. */
export function demoLogOrigin(portalOrigin: string): string {
  return `${new URL(portalOrigin).host}/log`
}

// ---------------------------------------------------------------- the process's key

const holder = globalThis as typeof globalThis & { __portalLogKey?: LogKey; __portalLogKeyLoader?: () => LogKey }

export function useLogKey(key: LogKey | undefined): void {
  holder.__portalLogKey = key
}

/**
 * Installs a loader called on first use instead of a key: the portal's pages that never sign or
 * serve the log do not need the key file to exist. A failed load is tried again next time.
 */
export function useLogKeyLoader(load: () => LogKey): void {
  holder.__portalLogKey = undefined
  holder.__portalLogKeyLoader = load
}

export function hasLogKey(): boolean {
  return holder.__portalLogKey !== undefined || holder.__portalLogKeyLoader !== undefined
}

/** The installed key; throws when none is (an issue or revocation then fails and rolls back). */
export function logKey(): LogKey {
  if (!holder.__portalLogKey && holder.__portalLogKeyLoader) holder.__portalLogKey = holder.__portalLogKeyLoader()
  const key = holder.__portalLogKey
  if (!key) throw new LogKeyError('the transparency log key is not configured in this process (useLogKey)')
  return key
}
