import { describe, expect, it } from 'vitest'
import { isStaffOnlyPath, servesPath } from './instance-role'

describe('servesPath', () => {
  it('keeps the back office and the exchange API off public instances', () => {
    for (const path of ['/admin', '/admin/', '/admin/projects/46010020240001001', '/admin/api/lookup', '/api/exchange/v1/enterprises']) {
      expect(isStaffOnlyPath(path)).toBe(true)
      expect(servesPath('public', path)).toBe(false)
      expect(servesPath('staff', path)).toBe(true)
      expect(servesPath('all', path)).toBe(true)
    }
  })

  it('serves every public path everywhere', () => {
    for (const path of ['/', '/administration', '/permits', '/api/v1/verify', '/api/exchanges', '/.well-known/jwks.json', '/feeds/permits.xml']) {
      expect(servesPath('public', path)).toBe(true)
    }
  })
})
