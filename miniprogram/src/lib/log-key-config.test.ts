// The build-time rule for the log's verifier key (config/log-key.ts), with keys made by the
// shared formatter the portal's /log/vkey uses.
import { describe, expect, it } from 'vitest'
import { parseVerifierKey } from '@shared/transparency-log/note'
import { LOG_VKEY_VAR, resolveBundledLogKey } from '../../config/log-key'
import { newLogSigner } from './testing/log'

const REAL = 'https://portal.example.gov.cn'

describe('TARO_APP_LOG_VKEY', () => {
  it('embeds a verifier key as /log/vkey serves it (trailing newline dropped), one the app can parse', () => {
    const { vkey } = newLogSigner()
    const resolved = resolveBundledLogKey({ value: `${vkey}\n`, mode: 'production', portalOrigin: REAL })
    expect(resolved).toEqual({ vkey, warnings: [] })
    expect(parseVerifierKey(resolved.vkey!)).not.toBeNull()
  })

  it('refuses something else: a JWKS, a key without its hash, a truncated key', () => {
    const { vkey } = newLogSigner()
    for (const value of ['{"keys":[]}', vkey.replace(/\+[0-9a-f]{8}\+/, '+'), vkey.slice(0, -4), `${vkey} x`]) {
      expect(() => resolveBundledLogKey({ value, mode: 'production', portalOrigin: REAL }), value).toThrow(LOG_VKEY_VAR)
    }
  })

  it('a production build for a real portal must embed it; loopback and development builds may pin at first use', () => {
    expect(() => resolveBundledLogKey({ value: undefined, mode: 'production', portalOrigin: REAL })).toThrow(/must embed the transparency log's verifier key/)
    expect(() => resolveBundledLogKey({ value: '  ', mode: 'production', portalOrigin: REAL })).toThrow(LOG_VKEY_VAR)
    for (const input of [
      { mode: 'production' as const, portalOrigin: 'http://127.0.0.1:3000' },
      { mode: 'development' as const, portalOrigin: REAL },
    ]) {
      const resolved = resolveBundledLogKey({ value: undefined, ...input })
      expect(resolved.vkey).toBeNull()
      expect(resolved.warnings[0]).toMatch(/pins the first log key/)
    }
  })
})
