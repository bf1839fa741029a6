import { describe, expect, it } from 'vitest'
import { matchDetailRoute } from './detail-routes'

describe('matchDetailRoute', () => {
  it('matches one segment under each public detail route', () => {
    expect(matchDetailRoute('/permits/460100202601010101')).toEqual({ kind: 'permit', rawParam: '460100202601010101' })
    expect(matchDetailRoute('/completion-filings/X1/')).toEqual({ kind: 'completion-filing', rawParam: 'X1' })
    expect(matchDetailRoute('/projects/%E7%BC%96')).toEqual({ kind: 'project', rawParam: '%E7%BC%96' })
    expect(matchDetailRoute('/enterprises/91460000MA5T000000')?.kind).toBe('enterprise')
    expect(matchDetailRoute('/practitioners/abc')?.kind).toBe('practitioner')
    expect(matchDetailRoute('/certificates/S1')?.kind).toBe('certificate')
    expect(matchDetailRoute('/credit/objections/2612040ABCDEFGHJKLMNPQ7')?.kind).toBe('objection')
  })

  it('leaves lists, forms, deeper paths and other pages alone', () => {
    for (const p of ['/permits', '/permits/', '/permits/a/b', '/credit/objections/new', '/credit/objections', '/v/payload', '/admin/projects/X', '/api/v1/permits/X', '/permitsX/1']) {
      expect(matchDetailRoute(p), p).toBeNull()
    }
  })
})
