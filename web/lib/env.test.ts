import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env'

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source)
  } catch (error) {
    if (error instanceof EnvError) return error.problems
    throw error
  }
  throw new Error('expected parseEnv to fail')
}

describe('parseEnv', () => {
  it('applies the defaults to an empty environment', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: 'file:./data/portal.db',
      PORTAL_ORIGIN: 'http://localhost:3000',
      REDIS_KEY_PREFIX: 'hn-portal:',
      CACHE_TTL_SECONDS: 60,
      VERIFY_RATE_LIMIT_PER_MINUTE: 60,
      VERIFY_RATE_LIMIT_WINDOW_SECONDS: 60,
      OBJECTION_RATE_LIMIT_PER_HOUR: 20,
      OBJECTION_ANSWER_DAYS: 15,
      TRUSTED_PROXY_COUNT: 0,
      PG_STATEMENT_TIMEOUT_MS: 15_000,
      EXCHANGE_RATE_LIMIT_PER_TOKEN: 600,
      EXCHANGE_RATE_LIMIT_PER_ADDRESS: 1200,
      EXCHANGE_RATE_LIMIT_WINDOW_SECONDS: 60,
      EXPORT_MAX_CONCURRENT: 8,
      EXPORT_MAX_CONCURRENT_PER_CLIENT: 2,
      LAG_DROP_PERCENT: 20,
      LAG_ZERO_MONTH_AFTER_DAYS: 10,
      STAFF_SESSION_IDLE_MINUTES: 30,
      STAFF_SESSION_MAX_HOURS: 12,
      ALLOW_DEMO_ACCOUNTS: 'false',
      IMPORT_MAX_FILE_MB: 200,
      IMPORT_RUNNER: 'portal',
      PORTAL_ROLE: 'all',
      PORT: 3000,
      LOG_LEVEL: 'info',
      SLOW_QUERY_MS: 500,
      SHUTDOWN_TIMEOUT_SECONDS: 25,
    })
  })

  it('refuses a signing key on a public instance, naming the variable', () => {
    const secret = 'ab'.repeat(32)
    expect(parseEnv({ PORTAL_ROLE: 'staff', CERTIFICATE_SIGNING_KEY_HEX: secret }).PORTAL_ROLE).toBe('staff')
    expect(parseEnv({ PORTAL_ROLE: 'public' }).PORTAL_ROLE).toBe('public')
    expect(problemsOf({ PORTAL_ROLE: 'public', CERTIFICATE_SIGNING_KEY_HEX: secret })).toEqual([expect.stringMatching(/^CERTIFICATE_SIGNING_KEY_HEX: .*PORTAL_ROLE=public/)])
    expect(problemsOf({ PORTAL_ROLE: 'verifier' })[0]).toMatch(/^PORTAL_ROLE: /)
  })

  it('reads the transparency log key settings and refuses its secret on a public instance', () => {
    const secret = 'cd'.repeat(32)
    expect(parseEnv({ LOG_KEY_FILE: ' /etc/portal/log-key.json ', LOG_SIGNING_KEY_HEX: secret })).toMatchObject({ LOG_KEY_FILE: '/etc/portal/log-key.json', LOG_SIGNING_KEY_HEX: secret })
    expect(problemsOf({ LOG_SIGNING_KEY_HEX: 'cd'.repeat(31) })).toEqual([expect.stringMatching(/^LOG_SIGNING_KEY_HEX: /)])
    expect(problemsOf({ PORTAL_ROLE: 'public', LOG_SIGNING_KEY_HEX: secret })).toEqual([expect.stringMatching(/^LOG_SIGNING_KEY_HEX: .*PORTAL_ROLE=public/)])
    expect(parseEnv({ PORTAL_ROLE: 'public', LOG_KEY_FILE: 'keys/log-public.json' }).LOG_KEY_FILE).toBe('keys/log-public.json')
  })

  it('reads the footer record numbers, absent by default', () => {
    const env = parseEnv({ SITE_IDENTIFIER_CODE: ' 4600000001 ', ICP_RECORD_NUMBER: '琼ICP备12345678号-1', PSB_RECORD_NUMBER: '琼公网安备46010802000123号' })
    expect(env).toMatchObject({ SITE_IDENTIFIER_CODE: '4600000001', ICP_RECORD_NUMBER: '琼ICP备12345678号-1', PSB_RECORD_NUMBER: '琼公网安备46010802000123号' })
    expect(() => parseEnv({ ICP_RECORD_NUMBER: 'x'.repeat(65) })).toThrow(/ICP_RECORD_NUMBER/)
  })

  it("reads the province table's lag rule", () => {
    expect(parseEnv({ LAG_DROP_PERCENT: '12.5', LAG_ZERO_MONTH_AFTER_DAYS: 'off' })).toMatchObject({ LAG_DROP_PERCENT: 12.5, LAG_ZERO_MONTH_AFTER_DAYS: null })
    expect(parseEnv({ LAG_ZERO_MONTH_AFTER_DAYS: '5' }).LAG_ZERO_MONTH_AFTER_DAYS).toBe(5)
    expect(() => parseEnv({ LAG_DROP_PERCENT: '120' })).toThrow(/LAG_DROP_PERCENT/)
    expect(() => parseEnv({ LAG_ZERO_MONTH_AFTER_DAYS: 'soon' })).toThrow(/LAG_ZERO_MONTH_AFTER_DAYS/)
  })

  it('reads the abuse limits: health token, statement timeout, export caps', () => {
    const env = parseEnv({ HEALTH_TOKEN: 'h'.repeat(32), PG_STATEMENT_TIMEOUT_MS: '0', EXPORT_MAX_CONCURRENT: '4', EXPORT_MAX_CONCURRENT_PER_CLIENT: '1' })
    expect(env).toMatchObject({ HEALTH_TOKEN: 'h'.repeat(32), PG_STATEMENT_TIMEOUT_MS: 0, EXPORT_MAX_CONCURRENT: 4, EXPORT_MAX_CONCURRENT_PER_CLIENT: 1 })
    expect(parseEnv({}).HEALTH_TOKEN).toBeUndefined()
    expect(() => parseEnv({ HEALTH_TOKEN: 'short' })).toThrow(/HEALTH_TOKEN/)
    expect(() => parseEnv({ PG_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/PG_STATEMENT_TIMEOUT_MS/)
    expect(() => parseEnv({ EXPORT_MAX_CONCURRENT_PER_CLIENT: '0' })).toThrow(/EXPORT_MAX_CONCURRENT_PER_CLIENT/)
  })

  it('reads the cache lifetime, 0 turning the cache off, and refuses a bad one', () => {
    expect(parseEnv({ CACHE_TTL_SECONDS: '0' }).CACHE_TTL_SECONDS).toBe(0)
    expect(parseEnv({ CACHE_TTL_SECONDS: '300' }).CACHE_TTL_SECONDS).toBe(300)
    expect(() => parseEnv({ CACHE_TTL_SECONDS: '-1' })).toThrow(/CACHE_TTL_SECONDS/)
    expect(() => parseEnv({ CACHE_TTL_SECONDS: '3601' })).toThrow(/CACHE_TTL_SECONDS/)
    expect(() => parseEnv({ CACHE_TTL_SECONDS: '1.5' })).toThrow(/CACHE_TTL_SECONDS/)
  })

  it('reads the rate-limit settings and refuses bad ones', () => {
    const env = parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379', VERIFY_RATE_LIMIT_PER_MINUTE: '120', TRUSTED_PROXY_COUNT: '1' })
    expect(env).toMatchObject({ REDIS_URL: 'redis://127.0.0.1:6379', VERIFY_RATE_LIMIT_PER_MINUTE: 120, TRUSTED_PROXY_COUNT: 1 })
    expect(() => parseEnv({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/)
    expect(() => parseEnv({ VERIFY_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/VERIFY_RATE_LIMIT_PER_MINUTE/)
    expect(parseEnv({ VERIFY_RATE_LIMIT_WINDOW_SECONDS: '3600' }).VERIFY_RATE_LIMIT_WINDOW_SECONDS).toBe(3600)
    expect(() => parseEnv({ VERIFY_RATE_LIMIT_WINDOW_SECONDS: '0.5' })).toThrow(/VERIFY_RATE_LIMIT_WINDOW_SECONDS/)
    expect(parseEnv({ OBJECTION_RATE_LIMIT_PER_HOUR: '5' }).OBJECTION_RATE_LIMIT_PER_HOUR).toBe(5)
    expect(() => parseEnv({ OBJECTION_RATE_LIMIT_PER_HOUR: '-1' })).toThrow(/OBJECTION_RATE_LIMIT_PER_HOUR/)
    expect(parseEnv({ EXCHANGE_RATE_LIMIT_PER_TOKEN: '30', EXCHANGE_RATE_LIMIT_PER_ADDRESS: '45', EXCHANGE_RATE_LIMIT_WINDOW_SECONDS: '10' })).toMatchObject({
      EXCHANGE_RATE_LIMIT_PER_TOKEN: 30,
      EXCHANGE_RATE_LIMIT_PER_ADDRESS: 45,
      EXCHANGE_RATE_LIMIT_WINDOW_SECONDS: 10,
    })
    expect(() => parseEnv({ EXCHANGE_RATE_LIMIT_PER_TOKEN: '0' })).toThrow(/EXCHANGE_RATE_LIMIT_PER_TOKEN/)
    expect(() => parseEnv({ EXCHANGE_RATE_LIMIT_PER_ADDRESS: 'many' })).toThrow(/EXCHANGE_RATE_LIMIT_PER_ADDRESS/)
    expect(() => parseEnv({ TRUSTED_PROXY_COUNT: 'many' })).toThrow(/TRUSTED_PROXY_COUNT/)
  })

  it("reads the production server's settings and refuses bad ones", () => {
    expect(parseEnv({ PORT: '8080', LOG_LEVEL: 'warn', SLOW_QUERY_MS: '200', SHUTDOWN_TIMEOUT_SECONDS: '5' })).toMatchObject({
      PORT: 8080,
      LOG_LEVEL: 'warn',
      SLOW_QUERY_MS: 200,
      SHUTDOWN_TIMEOUT_SECONDS: 5,
    })
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/)
    expect(() => parseEnv({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/)
    expect(() => parseEnv({ SLOW_QUERY_MS: '0' })).toThrow(/SLOW_QUERY_MS/)
    expect(() => parseEnv({ SHUTDOWN_TIMEOUT_SECONDS: 'soon' })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/)
  })

  it('treats blank variables as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORTAL_ORIGIN: '' }).PORTAL_ORIGIN).toBe('http://localhost:3000')
  })

  it('accepts PostgreSQL and SQLite URLs and normalises the origin', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://portal:secret@db.internal:5432/portal',
      PORTAL_ORIGIN: 'https://jzsc.hainan.gov.cn/',
    })
    expect(env.DATABASE_URL).toBe('postgresql://portal:secret@db.internal:5432/portal')
    expect(env.PORTAL_ORIGIN).toBe('https://jzsc.hainan.gov.cn')
    expect(parseEnv({ DATABASE_URL: 'file:/var/lib/portal/portal.db' }).DATABASE_URL).toBe('file:/var/lib/portal/portal.db')
  })

  it('names every bad variable in one error', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://root@localhost/portal', PORTAL_ORIGIN: 'jzsc.hainan.gov.cn' })
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^DATABASE_URL: .*file:.*postgresql:/)
    expect(problems[1]).toMatch(/^PORTAL_ORIGIN: /)
  })

  it('rejects an origin with a path or a non-http scheme', () => {
    expect(problemsOf({ PORTAL_ORIGIN: 'https://jzsc.hainan.gov.cn/portal' })[0]).toMatch(/^PORTAL_ORIGIN: .*without path/)
    expect(problemsOf({ PORTAL_ORIGIN: 'ftp://jzsc.hainan.gov.cn' })[0]).toMatch(/^PORTAL_ORIGIN: /)
  })

  it('reads the personal-data keys as hex or base64 and refuses anything else', () => {
    const hex = 'ab'.repeat(32)
    const base64 = Buffer.alloc(32, 7).toString('base64')
    expect(parseEnv({ PERSONAL_DATA_KEY: hex, PERSONAL_DATA_HMAC_KEY: base64, PERSONAL_DATA_KEY_ID: 'k2', PERSONAL_DATA_KEYS_FILE: '/etc/portal/pii.json' })).toMatchObject({
      PERSONAL_DATA_KEY: hex,
      PERSONAL_DATA_HMAC_KEY: base64,
      PERSONAL_DATA_KEY_ID: 'k2',
      PERSONAL_DATA_KEYS_FILE: '/etc/portal/pii.json',
    })
    expect(() => parseEnv({ PERSONAL_DATA_KEY: 'ab'.repeat(16) })).toThrow(/PERSONAL_DATA_KEY: /)
    expect(() => parseEnv({ PERSONAL_DATA_HMAC_KEY: 'not a key' })).toThrow(/PERSONAL_DATA_HMAC_KEY: /)
    expect(() => parseEnv({ PERSONAL_DATA_KEY_ID: 'k:1' })).toThrow(/PERSONAL_DATA_KEY_ID: /)
  })

  it('lists the problems in the error message', () => {
    expect(() => parseEnv({ NODE_ENV: 'staging' })).toThrow(/Invalid environment variables:\n {2}- NODE_ENV: /)
  })
})
