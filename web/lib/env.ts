// The server's configuration, read from process.env once and validated (create-t3-app style):
// a bad deployment fails at start-up with every wrong variable named, not on the first request
// that happens to need one. Server-only: nothing here is meant for the browser bundle.
import { z } from 'zod'
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '@db/database-url'

const databaseUrl = z
  .string()
  .trim()
  .min(1)
  .default(DEFAULT_DATABASE_URL)
  .superRefine((url, ctx) => {
    try {
      parseDatabaseUrl(url)
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) })
    }
  })

// The origin printed into links and certificate QR codes: scheme and host only, so that a
// path or trailing slash cannot sneak into every generated URL.
const portalOrigin = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://jzsc.hainan.gov.cn' })
  .default('http://localhost:3000')
  .transform((url, ctx) => {
    const parsed = new URL(url)
    if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
      ctx.addIssue({ code: 'custom', message: `must be an origin without path, query or fragment; got ${url}` })
      return z.NEVER
    }
    return parsed.origin
  })

// Certificate signing keys (web/lib/certificates/signing-keys.ts): the key file's path (default
// keys/certificate-keys.json, relative to the working directory) and, optionally, the active
// key's secret, so that production can keep it out of the file.
const certificateKeysFile = z.string().trim().min(1).optional()
const certificateSigningKeyHex = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (a 32-byte Ed25519 seed)')
  .optional()

// Rate limiting (web/server/rate-limit): a shared Redis when REDIS_URL is set, else per process.
const redisUrl = z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' }).optional()
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: databaseUrl,
  PORTAL_ORIGIN: portalOrigin,
  CERTIFICATE_KEYS_FILE: certificateKeysFile,
  CERTIFICATE_SIGNING_KEY_HEX: certificateSigningKeyHex,
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: z.string().trim().min(1).max(64).default('hn-portal:'),
  /** verification requests per client per window (GET/POST /api/v1/verify) */
  VERIFY_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  /**
   * length of that window in seconds (default one minute, hence the limit's name); windows are
   * aligned to multiples of it since 1970, so every instance agrees on when a count starts
   */
  VERIFY_RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  /**
   * objection and credit-repair submissions per client per hour (the form and POST
   * /api/v1/objections together; failed ones count too, each costs database reads)
   */
  OBJECTION_RATE_LIMIT_PER_HOUR: positiveInt(20),
  /** calendar days a reviewer has to answer an objection or credit-repair request (the queue's deadline) */
  OBJECTION_ANSWER_DAYS: positiveInt(15),
  /**
   * Reverse proxies in front of the portal that append the client address to X-Forwarded-For.
   * 0: the portal faces clients directly and Next.js fills the header from the socket (a client
   * that sends its own header can then choose its key: deploy behind a proxy in production).
   */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * the province table's lag rule (web/server/dashboard/lag-rule.ts): a region lags when this
   * year's permits or completion filings to date fall below last year's same dates by more than
   * this percentage…
   */
  LAG_DROP_PERCENT: z.coerce.number().min(0).max(100).default(20),
  /** …or when it has handled none in a month that has run more than this many days ('off': never) */
  LAG_ZERO_MONTH_AFTER_DAYS: z
    .union([z.literal('off'), z.coerce.number().int().min(0).max(31)])
    .default(10)
    .transform((v) => (v === 'off' ? null : v)),
  /** staff sessions (/admin) end after this many minutes without a request */
  STAFF_SESSION_IDLE_MINUTES: positiveInt(30),
  /** and this many hours after sign-in, whatever the activity */
  STAFF_SESSION_MAX_HOURS: positiveInt(12),
  /**
   * 'true' lets the seed's documented demo accounts sign in under NODE_ENV=production (npm run
   * demo, the e2e set-up); otherwise every staff sign-in fails while an active demo account exists
   */
  ALLOW_DEMO_ACCOUNTS: z.enum(['true', 'false']).default('false'),
  /** largest bulk-import file accepted, in MiB (counted while the upload streams in) */
  IMPORT_MAX_FILE_MB: positiveInt(200),
  /**
   * 'portal': the portal runs uploaded import jobs itself, after the request; 'worker': only the
   * worker command (npm run import:worker) runs them — for deployments with several instances
   */
  IMPORT_RUNNER: z.enum(['portal', 'worker']).default('portal'),
})

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment variables:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'EnvError'
  }
}

/** Validates a set of variables; empty strings count as unset, as in a blank `KEY=` line of an .env file. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const input = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const result = envSchema.safeParse(input)
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`))
  }
  return result.data
}

export const env: Env = parseEnv(process.env)
