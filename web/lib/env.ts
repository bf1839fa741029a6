// The server's configuration, read from process.env once and validated (create-t3-app style):
// a bad deployment fails at start-up with every wrong variable named, not on the first request
// that happens to need one. Server-only: nothing here is meant for the browser bundle.
import { z } from 'zod'
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '@db/database-url'
import { PORTAL_ROLES } from '@shared/certificates/key-ring-file'

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

// Personal-data encryption (web/server/personal-data, docs/personal-data.md): the key file, or the
// active key and the HMAC key as 32-byte secrets (64 hex characters or base64).
const personalDataSecret = z
  .string()
  .trim()
  .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, 'must be 32 bytes as 64 hex characters or base64')
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
  /**
   * the transparency log's key file (web/server/transparency-log/log-key.ts: origin, public key and,
   * except on a public instance, the secret); unset: keys/log-key.json. `npm run log:generate-key`
   */
  LOG_KEY_FILE: z.string().trim().min(1).optional(),
  /** the log's Ed25519 signing seed itself, kept out of the file (refused when PORTAL_ROLE=public) */
  LOG_SIGNING_KEY_HEX: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (a 32-byte Ed25519 seed)')
    .optional(),
  /**
   * the personal-data key file (keys for ID numbers, phones and objection contacts, and the look-up
   * HMAC key); unset: keys/personal-data-keys.json if it exists
   */
  PERSONAL_DATA_KEYS_FILE: z.string().trim().min(1).optional(),
  /** the active personal-data key itself, kept out of the file (the file's keys still open older values) */
  PERSONAL_DATA_KEY: personalDataSecret,
  /** its key id, stored with every value it encrypts (default "env") */
  PERSONAL_DATA_KEY_ID: z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1–32 characters A-Z a-z 0-9 _ -').optional(),
  /** the HMAC-SHA-256 key of the look-up hashes (required with PERSONAL_DATA_KEY unless the file gives one) */
  PERSONAL_DATA_HMAC_KEY: personalDataSecret,
  /**
   * What this instance serves (README "Public and staff instances"): 'public' serves the public
   * pages and APIs only — no /admin, no /api/exchange — and holds public keys only (it refuses to
   * start with CERTIFICATE_SIGNING_KEY_HEX or a key file holding a secret); 'staff' and 'all'
   * (the default, the demo) serve everything and sign certificates.
   */
  PORTAL_ROLE: z.enum(PORTAL_ROLES).default('all'),
  /** 网站标识码 shown in the footer (government site convention); not shown when unset */
  SITE_IDENTIFIER_CODE: z.string().trim().max(64).optional(),
  /** ICP备案号, e.g. 琼ICP备12345678号-1, linked to https://beian.miit.gov.cn/ in the footer */
  ICP_RECORD_NUMBER: z.string().trim().max(64).optional(),
  /** 公安机关备案号, e.g. 琼公网安备46010802000123号, shown in the footer */
  PSB_RECORD_NUMBER: z.string().trim().max(64).optional(),
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: z.string().trim().min(1).max(64).default('hn-portal:'),
  /**
   * longest life in seconds of a cached public read (web/server/cache, docs/caching.md): bounds how
   * long a change that comes with time, not with a write, may take to show; 0 turns the cache off.
   * Shared in Redis when REDIS_URL is set, per process otherwise.
   */
  CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
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
   * 0: the client is the socket's peer and X-Forwarded-For is ignored. The portal's own server
   * applies it (web/server/rate-limit/client-address.ts) and hands the result to the app in
   * x-portal-client-ip; nothing else reads X-Forwarded-For.
   */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * a secret that lets a monitor read /api/health's details (database engine, latency,
   * migrations) with `Authorization: Bearer <HEALTH_TOKEN>`; unset: details only from loopback
   */
  HEALTH_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').max(256).optional(),
  /**
   * PostgreSQL only: a statement running longer than this is cancelled by the server (set per
   * connection by prisma/client.ts, which reads it from the environment); 0 turns it off.
   * SQLite has no statement timeout.
   */
  PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /**
   * exchange API requests (/api/exchange/v1/…) one token may make per window; one more answers 429
   * with Retry-After. Counted where the other limits are (Redis when REDIS_URL is set).
   */
  EXCHANGE_RATE_LIMIT_PER_TOKEN: positiveInt(600),
  /**
   * exchange API requests one client address may make per window, counted before the token is
   * looked up (so a flood of made-up tokens is cut off without a database read per request)
   */
  EXCHANGE_RATE_LIMIT_PER_ADDRESS: positiveInt(1200),
  /** the exchange limits' window in seconds (aligned to multiples of it, like the verification limit's) */
  EXCHANGE_RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  /** list exports (CSV/JSON) streaming at once in this process; one more answers 429 with Retry-After */
  EXPORT_MAX_CONCURRENT: positiveInt(8),
  /** list exports one client may stream at once (per process); one more answers 429 with Retry-After */
  EXPORT_MAX_CONCURRENT_PER_CLIENT: positiveInt(2),
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
  /** the production server's port (scripts/serve/portal.ts; its --port flag wins) */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** the least severe structured-log level written (pino): fatal, error, warn, info, debug, trace or silent */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** a database operation taking at least this many milliseconds writes a 'slow query' log line (its name, never its arguments) */
  SLOW_QUERY_MS: positiveInt(500),
  /**
   * on SIGTERM/SIGINT the production server finishes the requests in flight for at most this many
   * seconds, then cuts the rest (exit code 1); keep it below the orchestrator's own kill timeout
   */
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(25),
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
  // the key FILE is checked where it is read (web/server/certificates/signing-keys.ts), at start-up
  // by web/instrumentation.ts
  if (result.data.PORTAL_ROLE === 'public' && result.data.CERTIFICATE_SIGNING_KEY_HEX) {
    throw new EnvError(['CERTIFICATE_SIGNING_KEY_HEX: must not be set when PORTAL_ROLE=public (a public instance holds public keys only)'])
  }
  if (result.data.PORTAL_ROLE === 'public' && result.data.LOG_SIGNING_KEY_HEX) {
    throw new EnvError(['LOG_SIGNING_KEY_HEX: must not be set when PORTAL_ROLE=public (a public instance serves the checkpoint the staff side signed)'])
  }
  return result.data
}

export const env: Env = parseEnv(process.env)
